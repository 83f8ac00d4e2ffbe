from modeltranslation.translator import TranslationOptions, register

from .models import Agreement, Event, Participation


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "venue")


@register(Participation)
class ParticipationTranslation(TranslationOptions):
    fields = ("title",)


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "summary")

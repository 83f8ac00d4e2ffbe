from django.utils.translation import gettext_lazy as _

from core.search import SearchSpec

from .models import Agreement, Event

# The searchable fields, in the order the migrations index them (migrations/0002).
EVENT_FIELDS = ("title_ar", "title_fr", "title_en", "summary_ar", "summary_fr", "summary_en")
AGREEMENT_FIELDS = EVENT_FIELDS

EVENTS = SearchSpec(
    key="events",
    label=_("Events"),
    queryset=lambda: Event.objects.public().select_related("commune", "region"),
    fields=EVENT_FIELDS,
    title_attr="title",
    text_attr="summary",
)
AGREEMENTS = SearchSpec(
    key="agreements",
    label=_("Agreements"),
    queryset=lambda: Agreement.objects.public().select_related("signing_event"),
    fields=AGREEMENT_FIELDS,
    title_attr="title",
    text_attr="summary",
)

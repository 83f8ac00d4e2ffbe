from django.utils.translation import gettext_lazy as _

from core.search import AGREEMENT_FIELDS, EVENT_FIELDS, SearchSpec
from events.models import Agreement, Event

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

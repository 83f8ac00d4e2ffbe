"""Moroccan month names wherever Django writes a date in Arabic, the admin included.

Django's Arabic catalogue names the months مايو، يوليو، أغسطس، سبتمبر، نوفمبر، ديسمبر; Moroccan
usage is ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر. The project's catalogues take precedence over
Django's, so Django's own month messages are marked here to be kept in `locale/` and
translated there (French keeps Django's wording)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

NAMES = (
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
)
# "E" in a date format (the long form of some locales).
ALTERNATIVE_NAMES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
# "N" (the Associated Press abbreviations), which Django's default DATETIME_FORMAT uses, and so
# the admin's dates: in Arabic they are the full Moroccan names.
ABBREVIATED_NAMES = (
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
)

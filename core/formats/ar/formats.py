"""Dates in Arabic as the site writes them, day first ("1 دجنبر 2026، 14:30"), for what Django
formats itself (the admin): its Arabic locale sets no format, which leaves the English "Dec. 1,
2026, 2:30 p.m." order."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"

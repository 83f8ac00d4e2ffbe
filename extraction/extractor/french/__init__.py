"""The French reader: spaCy's NER for names, rules for titles, dates, amounts and events."""

from .reader import FrenchReader

__all__ = ["FrenchReader"]

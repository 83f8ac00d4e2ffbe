"""Rule-based extraction of industrial events from Moroccan Arabic press articles."""

from .normalize import normalize_arabic, strip_clitics
from .pipeline import extract_article

__all__ = ["extract_article", "normalize_arabic", "strip_clitics"]

"""Rule-based extraction of industrial events from Moroccan Arabic press articles."""

from .normalize import strip_clitics
from .pipeline import extract_article

__all__ = ["extract_article", "strip_clitics"]

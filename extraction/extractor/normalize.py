"""Clitic handling, the extractor's addition to the project's one Arabic normaliser.

Spelling folding (harakat, tatweel, alef/ya/ta-marbuta) is `core.arabic.normalize_arabic`,
shared with the public search so a name folds the same way wherever it is compared.
"""

import re
from functools import lru_cache

# Clitic prefixes, longest first; the "ال" forms keep the article they swallowed.
_ARTICLE_CLITICS = ("وبال", "وكال", "فبال", "ولل", "فلل", "وال", "بال", "فال", "كال", "لل")
_SEPARATED = re.compile("^[وف]?[بلك]?\u0640+")


@lru_cache(maxsize=1 << 16)
def strip_clitics(word: str) -> str:
    """Remove proclitics only where the rest is unambiguous: before the article or a tatweel.

    "بالرباط" → "الرباط", "للتجمع" → "التجمع", "لـ" + name → name. A bare و/ب/ل before an
    indefinite word is left alone ("وزارة" starts with و); callers that own a lexicon try
    `clitic_variants` instead.
    """
    separated = _SEPARATED.match(word)
    if separated and len(word) > separated.end():
        return word[separated.end() :]
    for prefix in _ARTICLE_CLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return "ال" + word[len(prefix) :]
    return word


@lru_cache(maxsize=1 << 16)
def clitic_variants(word: str) -> tuple[str, ...]:
    """The word and its readings without one or two proclitics, for lexicon look-ups."""
    variants = [word]
    stripped = strip_clitics(word)
    if stripped != word:
        variants.append(stripped)
    rest = word
    for _ in range(2):
        if len(rest) > 3 and rest[0] in "وفبلك":
            rest = rest[1:]
            if rest not in variants:
                variants.append(rest)
        else:
            break
    return tuple(variants)

"""Latin-script passages of Arabic articles: a board's members and their companies, or a
list of signatories, written in French. The French reader reads them and what it finds is
merged into the Arabic record (offsets relative to the whole article)."""

import re
from datetime import date

from ..knowledge import lookup
from .text import fold

# An article has a list or two; a text with more Latin passages is read up to here.
MAX_PASSAGES = 8
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_ARABIC = re.compile("[\u0600-\u06ff]")


def latin_passages(text: str) -> list[tuple[int, int]]:
    """(start, end) of runs of lines written mostly in Latin script, with a few words each."""
    passages: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        latin, arabic = len(_LATIN.findall(line)), len(_ARABIC.findall(line))
        start, end = offset, offset + len(line.rstrip("\n"))
        offset += len(line)
        if latin >= 12 and latin >= 3 * arabic and len(line.split()) >= 3:
            if passages and not text[passages[-1][1] : start].strip():
                passages[-1] = (passages[-1][0], end)
            else:
                passages.append((start, end))
    return passages


# A rough consonant skeleton of a name in either script, so that "Anas Benjelloun" and
# "أنس بنجلون" compare equal: vowels, hamza, ain and the article dropped, close sounds merged.
_ARABIC_SOUNDS = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "",
    "ا": "", "أ": "", "إ": "", "آ": "", "ء": "", "ئ": "", "ؤ": "", "ع": "", "و": "", "ي": "",
    "ى": "",
})  # fmt: skip
_LATIN_SOUNDS = [("ch", "s"), ("sh", "s"), ("kh", "k"), ("gh", "g"), ("ou", ""), ("q", "k"),
                 ("c", "k"), ("x", "ks"), ("g", "j"), ("p", "b"), ("v", "f"), ("e", ""),
                 ("a", ""), ("i", ""), ("o", ""), ("u", ""), ("y", ""), ("w", "")]  # fmt: skip


def skeleton(name: str) -> str:
    """The name's consonants, one per sound, in a script-neutral alphabet."""
    words = []
    for word in fold(name).split():
        if _ARABIC.search(word):
            word = word.removeprefix("ال").translate(_ARABIC_SOUNDS)
        else:
            if word in ("el", "al"):
                continue
            for latin, sound in _LATIN_SOUNDS:
                word = word.replace(latin, sound)
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return "".join(words)


def _latin_part(name: str) -> str:
    """ "بنك Atlas Finance" → "atlas finance": the Latin words of a name."""
    return " ".join(w for w in fold(name).split() if not _ARABIC.search(w))


def _institution(names: list[str]) -> str | None:
    for name in names:
        found = lookup(name)
        if found is not None:
            return found.key
    return None


def merge_latin_passages(record: dict, text: str, published_on: date | None) -> None:
    """Add the people, positions and organisations of the Latin passages to `record`."""
    passages = latin_passages(text)[:MAX_PASSAGES]
    if not passages:
        return
    from .reader import Analysis

    main = record["events"][0] if record["events"] else None
    board = None  # a board list read apart: the assembly's own body holds its offices
    if main and main["kind"] == "general-assembly":
        organizers = [o["name"] for o in main["organizations"] if o["role"] == "organizer"]
        # the body the assembly's title names, when several organise it
        board = next((n for n in organizers if n.removeprefix("ال") in main["title"]), None)
        board = board or next(iter(organizers), None)
    for start, end in passages:
        read = Analysis(text[start:end], published_on, board=board).record()
        names = _merge_organizations(record, read["organizations"], start)
        _merge_people(record, read["people"], names, start)


def _shift(span: list[int], offset: int) -> list[int]:
    return [span[0] + offset, span[1] + offset]


def _merge_organizations(record: dict, found: list[dict], offset: int) -> dict[str, str]:
    """Each found organisation joins the record's one with the same name or the same
    institution of the knowledge base, or is added; returns found name → record name."""
    known = [
        ({fold(n) for n in (o["name"], *o.get("aliases", []))}
         | {_latin_part(n) for n in (o["name"], *o.get("aliases", [])) if _latin_part(n)},
         _institution([o["name"], *o.get("aliases", [])]), o)
        for o in record["organizations"]
    ]  # fmt: skip
    names: dict[str, str] = {}
    for org in found:
        keys = {fold(n) for n in (org["name"], *org["aliases"])}
        institution = _institution([org["name"], *org["aliases"]])
        same = next(
            (o for k, i, o in known if keys & k or (institution is not None and institution == i)),
            None,
        )
        if same is None:
            same = {**org, "span": _shift(org["span"], offset)}
            record["organizations"].append(same)
            known.append((keys, institution, same))
        names[org["name"]] = same["name"]
    return names


def _merge_people(record: dict, found: list[dict], names: dict[str, str], offset: int) -> None:
    for person in found:
        keys = {fold(n) for n in (person["name"], *person["aliases"])}
        sounds = {skeleton(n) for n in (person["name"], *person["aliases"])}
        same = next(
            (p for p in record["people"]
             if keys & {fold(n) for n in (p["name"], *p.get("aliases", []))}
             or sounds & {skeleton(n) for n in (p["name"], *p.get("aliases", []))}),
            None,
        )  # fmt: skip
        positions = [
            {"title": p["title"], "organization": names.get(p["organization"], p["organization"])}
            for p in person["positions"]
        ]
        if same is None:
            record["people"].append(
                {**person, "positions": positions, "span": _shift(person["span"], offset)}
            )
            continue
        if all(fold(person["name"]) != fold(n) for n in (same["name"], *same["aliases"])):
            same["aliases"].append(person["name"])
        held = {(fold(p["title"] or ""), p["organization"]) for p in same["positions"]}
        for position in positions:
            if (fold(position["title"] or ""), position["organization"]) not in held:
                same["positions"].append(position)

"""Scores extraction records against gold records: precision, recall and F1 per field.

Names are compared after normalize_arabic (and dashes/quotes folded), and a name matches an
entity when it equals its name or any alias on either side. Counts are micro-averaged over
all articles of a corpus directory; every miss and false positive is listed by article.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from core.arabic import normalize_arabic

from .extractor import extract_article

EVENT_FIELDS = ("kind", "edition", "start_date", "end_date", "city", "region")
FIELDS = (
    "organizations",
    "people",
    "positions",
    "roles",
    *EVENT_FIELDS,
    "amount_mad",
    "period",
)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "misses": self.misses,
            "false_positives": self.false_positives,
        }


def key(text: str | None) -> str:
    """A name folded for comparison: spelling, dashes and quotes set aside."""
    if text is None:
        return ""
    for mark in "-–—\"“”«»'":
        text = text.replace(mark, " ")
    return normalize_arabic(text)


def _names(entity: dict) -> set[str]:
    return {key(n) for n in (entity.get("name"), *(entity.get("aliases") or [])) if n}


def _title_words(title: str | None) -> frozenset[str]:
    """Content words of a job title, clitics and article removed ("للرئيس" → "رئيس")."""
    words = set()
    for word in key(title).replace("،", " ").replace(",", " ").split():
        for prefix in ("وال", "بال", "لل", "ال", "ل", "و"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        words.add(word)
    return frozenset(words)


def same_title(a: str | None, b: str | None) -> bool:
    """Titles match when one's words contain the other's ("الرئيسة" ~ "رئيسة المكتب")."""
    wa, wb = _title_words(a), _title_words(b)
    if not wa or not wb:
        return not wa and not wb
    return wa <= wb or wb <= wa


def _match(
    extracted: list, gold: list, same: Callable[[object, object], bool]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one matching: (pairs, unmatched extracted, unmatched gold)."""
    pairs, free = [], list(range(len(gold)))
    unmatched = []
    for i, item in enumerate(extracted):
        j = next((j for j in free if same(item, gold[j])), None)
        if j is None:
            unmatched.append(i)
        else:
            free.remove(j)
            pairs.append((i, j))
    return pairs, unmatched, free


def _tally(score: Score, article: str, extracted: list, gold: list, same, show) -> list:
    pairs, fps, fns = _match(extracted, gold, same)
    score.tp += len(pairs)
    score.fp += len(fps)
    score.fn += len(fns)
    score.false_positives += [f"{article}: {show(extracted[i])}" for i in fps]
    score.misses += [f"{article}: {show(gold[j])}" for j in fns]
    return pairs


class _Canon:
    """Maps organisation names on both sides to one gold identity, aliases included."""

    def __init__(self, gold_orgs: list[dict], extracted_orgs: list[dict]) -> None:
        self.ids: dict[str, str] = {}
        for org in gold_orgs:
            for name in _names(org):
                self.ids.setdefault(name, key(org["name"]))
        for org in extracted_orgs:
            known = next((self.ids[n] for n in _names(org) if n in self.ids), None)
            for name in _names(org):
                self.ids.setdefault(name, known or key(org["name"]))

    def __call__(self, name: str | None) -> str:
        return self.ids.get(key(name), key(name))


def _align_events(extracted: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Pairs events, best first, by kind, then by what tells two events of one kind apart
    (the day, the place, the edition: "the 3rd fair" and "the 2nd" it recalls), then title."""

    def score(e: dict, g: dict) -> float:
        we, wg = set(key(e.get("title")).split()), set(key(g.get("title")).split())
        overlap = len(we & wg) / max(len(we | wg), 1)
        same = sum(
            e.get(field) is not None and e.get(field) == g.get(field)
            for field in ("start_date", "edition")
        ) + (bool(e.get("city")) and key(e.get("city")) == key(g.get("city")))
        return (e.get("kind") == g.get("kind")) * 2 + same * 0.5 + overlap

    pairs, used_e, used_g = [], set(), set()
    ranked = sorted(
        ((score(e, g), i, j) for i, e in enumerate(extracted) for j, g in enumerate(gold)),
        reverse=True,
    )
    for value, i, j in ranked:
        if value > 0.2 and i not in used_e and j not in used_g:
            pairs.append((i, j))
            used_e.add(i)
            used_g.add(j)
    return pairs


def score_article(article: str, extracted: dict, gold: dict, scores: dict[str, Score]) -> None:
    """Add one article's counts to `scores`."""
    canon = _Canon(gold.get("organizations", []), extracted.get("organizations", []))
    _tally(
        scores["organizations"], article, extracted.get("organizations", []),
        gold.get("organizations", []), lambda e, g: bool(_names(e) & _names(g)),
        lambda o: o["name"],
    )  # fmt: skip
    people_pairs = _tally(
        scores["people"], article, extracted.get("people", []), gold.get("people", []),
        lambda e, g: bool(_names(e) & _names(g)), lambda p: p["name"],
    )  # fmt: skip
    person_id = {i: key(gold["people"][j]["name"]) for i, j in people_pairs}

    def triples(people: list[dict], ids: dict[int, str] | None) -> list[tuple]:
        return [
            (ids.get(n, key(p["name"])) if ids is not None else key(p["name"]),
             pos.get("title"), canon(pos.get("organization")) if pos.get("organization") else "")
            for n, p in enumerate(people) for pos in p.get("positions", [])
        ]  # fmt: skip

    _tally(
        scores["positions"],
        article,
        triples(extracted.get("people", []), person_id),
        triples(gold.get("people", []), None),
        lambda e, g: e[0] == g[0] and e[2] == g[2] and same_title(e[1], g[1]),
        lambda t: f"{t[0]} | {t[1]} | {t[2] or '-'}",
    )
    x_events, g_events = extracted.get("events", []), gold.get("events", [])
    pairs = _align_events(x_events, g_events)
    paired_x = {i for i, _ in pairs}
    paired_g = {j for _, j in pairs}
    for name in EVENT_FIELDS:
        score = scores[name]
        for i, j in pairs:
            x, g = x_events[i].get(name), g_events[j].get(name)
            _compare(score, article, name, x, g)
        for i in set(range(len(x_events))) - paired_x:
            _compare(score, article, name, x_events[i].get(name), None)
        for j in set(range(len(g_events))) - paired_g:
            _compare(score, article, name, None, g_events[j].get(name))
    roles_x = [
        (canon(o["name"]), o["role"]) for i, _ in pairs for o in x_events[i]["organizations"]
    ]
    roles_g = [
        (canon(o["name"]), o["role"]) for _, j in pairs for o in g_events[j]["organizations"]
    ]
    _tally(scores["roles"], article, roles_x, roles_g, lambda e, g: e == g,
           lambda r: f"{r[0]} ({r[1]})")  # fmt: skip
    amounts = [[a["amount_mad"] for a in side.get("agreements", []) if a.get("amount_mad")]
               for side in (extracted, gold)]  # fmt: skip
    _tally(scores["amount_mad"], article, amounts[0], amounts[1], lambda e, g: e == g, str)
    spans = [
        [
            (a.get("period_start"), a.get("period_end"))
            for a in side.get("agreements", [])
            if a.get("period_start") or a.get("period_end")
        ]
        for side in (extracted, gold)
    ]
    _tally(scores["period"], article, spans[0], spans[1], lambda e, g: e == g,
           lambda p: f"{p[0]}-{p[1]}")  # fmt: skip


def _compare(score: Score, article: str, name: str, x: object, g: object) -> None:
    if name in ("city",):
        x, g = key(x) or None, key(g) or None  # type: ignore[arg-type]
    if x is not None and x == g:
        score.tp += 1
        return
    if x is not None:
        score.fp += 1
        score.false_positives.append(f"{article}: {x}")
    if g is not None:
        score.fn += 1
        score.misses.append(f"{article}: {g}")


def corpus(directory: Path, pattern: str = "*.txt") -> Iterable[tuple[str, str, dict]]:
    """(article id, text, gold record) for every article that has a gold file beside it."""
    for path in sorted(directory.glob(pattern)):
        gold_path = path.with_suffix(".json")
        if gold_path.exists():
            yield (
                path.stem,
                path.read_text(encoding="utf-8"),
                json.loads(gold_path.read_text(encoding="utf-8")),
            )


def _score(articles: list[tuple[str, str, dict]]) -> dict:
    """Extract each article and score it: {"articles", "fields"}."""
    scores = {name: Score() for name in FIELDS}
    for article, text, gold in articles:
        published = (gold.get("source") or {}).get("published_on")
        extracted = extract_article(
            text, published_on=date.fromisoformat(published) if published else None
        )
        score_article(article, extracted, gold, scores)
    return {"articles": len(articles), "fields": {n: s.as_dict() for n, s in scores.items()}}


def _report(articles: list[tuple[str, str, dict]]) -> dict:
    """Scores over all the articles, then per language (the gold's source.language)."""
    report = _score(articles)
    languages: dict[str, list] = {}
    for item in articles:
        language = (item[2].get("source") or {}).get("language") or "?"
        languages.setdefault(language, []).append(item)
    report["languages"] = {lang: _score(items) for lang, items in sorted(languages.items())}
    return report


def evaluate(directory: Path | str, pattern: str = "*.txt") -> dict:
    """Score the extractor on a directory's articles, overall and per language, and on each
    sub-folder that holds articles (dev/, blind/…) separately: one folder's articles never
    mix with another's."""
    directory = Path(directory)
    report = _report(list(corpus(directory, pattern)))
    folders = {}
    for sub in sorted(p for p in directory.iterdir() if p.is_dir()):
        articles = list(corpus(sub, pattern))
        if articles:
            folders[sub.name] = _report(articles)
    if folders:
        report["folders"] = folders
    return report


def _table(report: dict) -> list[str]:
    lines = [f"articles: {report['articles']}",
             f"{'field':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}"]  # fmt: skip
    for name, s in report["fields"].items():
        lines.append(
            f"{name:<14}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}"
            f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
        )
    return lines


def format_report(report: dict, details: bool = True) -> str:
    """Fixed-width tables of P/R/F1 per field: all articles, each language, each sub-folder
    (tables only: a held-out folder's misses are not for reading), then the misses and
    false positives of the directory's own articles."""
    lines = _table(report) if report["articles"] else []
    languages = report.get("languages", {})
    if len(languages) > 1:
        for language, part in languages.items():
            lines += ["", f"language: {language}", *_table(part)]
    for folder, part in report.get("folders", {}).items():
        for language, sub in part["languages"].items():
            lines += ["", f"folder: {folder}  language: {language}", *_table(sub)]
    if details:
        for name, s in report["fields"].items():
            for label, items in (("miss", s["misses"]), ("false positive", s["false_positives"])):
                lines += [f"  {name} {label}: {item}" for item in items]
    return "\n".join(lines)

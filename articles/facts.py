"""Facts a record's sources may report differently, and what its page says when they do.

A record model lists the facts its sources report in `reported_facts` (a tuple of `Fact`):
an event its dates and city, an agreement its amount. Ingestion stores what each article
says of them (`fact_reports_record`), whether or not the editors took it; the page then
says where the sources disagree and which value the editors kept, the record's own.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from core.templatetags.portal_tags import date_range, day, joined, mad

from .models import Article, FactReport


class FactKind(models.TextChoices):
    DAYS = "days"  # a first and a last day: one source may give only the opening day
    DAY = "day"
    PLACE = "place"  # a foreign key to a named place (a commune)
    NUMBER = "number"
    AMOUNT = "amount"  # in dirhams


@dataclass(frozen=True)
class Fact:
    """One fact of a record: the model `fields` that hold it (two for DAYS), its label in a
    sentence ("the dates") and how its values are stored, compared and shown."""

    name: str
    label: str
    fields: tuple[str, ...]
    kind: str

    def dump(self, value) -> object:
        """A value as stored in a FactReport (JSON): ISO dates, a place's primary key."""
        if value is None:
            return None
        if self.kind == FactKind.DAYS:
            start, end = value
            return [start.isoformat(), (end or start).isoformat()] if start else None
        if self.kind == FactKind.DAY:
            return value.isoformat()
        if self.kind == FactKind.PLACE:
            return value.pk if isinstance(value, models.Model) else int(value)
        return int(value)

    def current(self, record: models.Model) -> object:
        """The record's own value, stored the same way."""
        if self.kind == FactKind.DAYS:
            return self.dump(tuple(getattr(record, name) for name in self.fields))
        if self.kind == FactKind.PLACE:
            return getattr(record, f"{self.fields[0]}_id")
        return self.dump(getattr(record, self.fields[0]))

    def agree(self, a, b) -> bool:
        """Two reports of one happening's days agree when one holds the other: a dispatch of
        the opening day and a report of the whole fair do not contradict each other."""
        if self.kind == FactKind.DAYS:
            return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
        return a == b

    def show(self, value, places: dict) -> SafeString:
        """A stored value for the page, in the active language."""
        if self.kind == FactKind.DAYS:
            start, end = (datetime.date.fromisoformat(d) for d in value)
            return date_range(start, end)
        if self.kind == FactKind.DAY:
            return conditional_escape(day(datetime.date.fromisoformat(value)))
        if self.kind == FactKind.PLACE:
            return format_html("<bdi>{}</bdi>", places.get(value, ""))
        if self.kind == FactKind.AMOUNT:
            return conditional_escape(mad(value))
        return conditional_escape(value)


@dataclass
class Disagreement:
    """Sources of one record that report one fact differently, and what the record kept.
    Holds values, not text, so a cached copy renders in any language."""

    fact: Fact
    kept: object
    reports: list[tuple[object, list[Article]]]  # each value and the articles that give it
    places: dict  # a PLACE fact's records by primary key, named in the reader's language

    def sentence(self) -> SafeString:
        """ "Sources disagree on the dates: 14 May according to A, 15 May according to B;
        the editors kept 14 May." """
        reports = joined(
            mark_safe(
                gettext("%(value)s according to %(sources)s")
                % {
                    "value": self.fact.show(value, self.places),
                    "sources": joined(
                        format_html("<bdi>{}</bdi>", a.outlet or a.title) for a in articles
                    ),
                }
            )
            for value, articles in self.reports
        )
        return mark_safe(
            gettext("Sources disagree on %(fact)s: %(reports)s; the editors kept %(kept)s.")
            % {
                "fact": conditional_escape(self.fact.label),
                "reports": reports,
                "kept": self.fact.show(self.kept, self.places),
            }
        )


def reported_facts(model: type[models.Model]) -> dict[str, Fact]:
    return {fact.name: fact for fact in getattr(model, "reported_facts", ())}


def fact_reports_record(*, article: Article, record: models.Model, values: dict) -> int:
    """Store what `article` says of the record's facts (`values`: fact name -> value as the
    record would hold it); a second ingestion of the article replaces its reports. Facts the
    model does not declare, and values the article does not give, are left out."""
    facts = reported_facts(type(record))
    content_type = ContentType.objects.get_for_model(record)
    stored = 0
    for name, value in values.items():
        fact = facts.get(name)
        dumped = fact.dump(value) if fact else None
        if dumped is None:
            continue
        FactReport.objects.update_or_create(
            article=article,
            content_type=content_type,
            object_id=record.pk,
            fact=name,
            defaults={"value": dumped},
        )
        stored += 1
    return stored


def disagreements_find(record: models.Model, reports: list[FactReport]) -> list[Disagreement]:
    """The record's facts its sources' `reports` disagree on, with the value it kept."""
    facts = reported_facts(type(record))
    by_fact: dict[str, list[FactReport]] = {}
    for report in reports:
        if report.fact in facts:
            by_fact.setdefault(report.fact, []).append(report)
    found = []
    for name, fact_reports in by_fact.items():
        fact = facts[name]
        kept = fact.current(record)
        values = [r.value for r in fact_reports]
        if kept is None or all(fact.agree(a, b) for a in values for b in values):
            continue
        if all(fact.agree(value, kept) for value in values):
            continue  # each gave a part of what the editors kept: a fair's first and last day
        grouped: dict[str, tuple[object, list[Article]]] = {}
        for report in fact_reports:
            key = repr(report.value)
            grouped.setdefault(key, (report.value, []))[1].append(report.article)
        found.append(Disagreement(fact, kept, list(grouped.values()), {}))
    places = [d for d in found if d.fact.kind == FactKind.PLACE]
    for disagreement in places:
        field = type(record)._meta.get_field(disagreement.fact.fields[0])
        pks = {disagreement.kept} | {value for value, _articles in disagreement.reports}
        disagreement.places = field.related_model.objects.in_bulk(pks)
    return found

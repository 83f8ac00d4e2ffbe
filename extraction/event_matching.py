"""Is a proposed event (or agreement) one the portal already has? Several articles report one
happening: an announcement without a date, a dispatch on the opening day, a report a week later, in
Arabic or French. Each gives its own title, so the title alone cannot decide.

Candidates are blocked by what cannot differ for one happening (kind, region, dates, edition),
then judged on the evidence that agrees: overlapping dates, the same city, shared organisers
(by record, so an Arabic and a French article agree through the organisations' matching), and
a similar title in any of the record's languages. An agreement is identified by its parties
or the signing event it was signed at, then its signing date, amount or title. A match carries
its evidence, so an editor sees why it was proposed and may still choose a new record.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from rapidfuzz import fuzz

from events.models import Agreement, Event, EventKind, EventOrganization

from .matching import Candidate, match_key

# Outlets name the same meeting a forum, a conference or a workshop; other kinds are kept.
_KIND_FAMILIES = [
    {EventKind.FORUM, EventKind.CONFERENCE, EventKind.WORKSHOP},
]
SLACK = datetime.timedelta(days=2)  # reports of one visit or fair give different days of it
UNDATED_WINDOW = datetime.timedelta(days=180)  # an undated article is near its event
TITLE_SIMILAR = 60  # token-set similarity (0–100) of the folded titles
TITLE_CLOSE = 80
CANDIDATES_MAX = 200
CERTAIN_SCORE = 80  # a batch ingestion attaches on its own only from this score


def match_certain(match: Candidate) -> bool:
    """Sure enough to attach without an editor: the dates agree and so does the rest."""
    return match.score >= CERTAIN_SCORE and "dates" in match.evidence


@dataclass(frozen=True)
class ProposedEvent:
    kind: str | None
    start: datetime.date | None
    end: datetime.date | None
    region: str | None
    city: str | None
    edition: int | None
    titles: tuple[str, ...]
    organisers: frozenset[int]  # existing organisations the article names as taking part
    published_on: datetime.date | None


def _candidate(record, score: float, reason: str, evidence: list[str]) -> Candidate:
    return Candidate(
        pk=record.pk,
        name=str(record),
        status=record.status,
        slug=record.slug,
        score=round(min(100, score)),
        reason=reason,
        evidence=tuple(evidence),
    )


def _kinds_agree(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b or EventKind.OTHER in (a, b):
        return True
    return any(a in family and b in family for family in _KIND_FAMILIES)


def _dates_agree(proposed: ProposedEvent, event: Event) -> bool | None:
    """True when both are dated and overlap, False when both are dated and do not, None when
    one has no date (then the undated side's article must be near the other's dates)."""
    if proposed.start and event.start_date:
        end = proposed.end or proposed.start
        event_end = event.end_date or event.start_date
        return proposed.start <= event_end + SLACK and event.start_date <= end + SLACK
    reference = proposed.start or proposed.published_on
    other = event.start_date
    if reference and other and abs(reference - other) > UNDATED_WINDOW:
        return False
    return None


def _title_similarity(titles: tuple[str, ...], record) -> float:
    """The best token-set similarity of the folded titles, in any of the record's languages."""
    theirs = [match_key(t) for t in (record.title_ar, record.title_fr, record.title_en) if t]
    ours = [match_key(t) for t in titles if t]
    return max((fuzz.token_set_ratio(a, b) for a in ours for b in theirs), default=0)


def event_match(
    proposed: ProposedEvent, event: Event, organisers: frozenset[int]
) -> Candidate | None:
    """`event` as the proposed one's match with its evidence, or None (see the module)."""
    if not _kinds_agree(proposed.kind, event.kind):
        return None
    region = event.region.slug if event.region_id else None
    if proposed.region and region and proposed.region != region:
        return None
    if proposed.edition and event.edition and proposed.edition != event.edition:
        return None
    dated = _dates_agree(proposed, event)
    if dated is False:
        return None
    city = event.commune.name_ar if event.commune_id else None
    same_city = bool(proposed.city and city and proposed.city == city)
    shared = bool(proposed.organisers & organisers)
    title = _title_similarity(proposed.titles, event)
    evidence = ["kind"] if proposed.kind and event.kind == proposed.kind else []
    if dated:
        evidence.append("dates")
    if same_city:
        evidence.append("city")
    if proposed.edition and proposed.edition == event.edition:
        evidence.append("edition")
    if shared:
        evidence.append("organisers")
    if title >= TITLE_SIMILAR:
        evidence.append("title")
    same_edition = "edition" in evidence
    if dated:
        accepted = title >= TITLE_SIMILAR or shared
    else:  # one side undated: the place, and the title or the organisers, must agree
        accepted = (same_city or region == proposed.region) and (
            title >= TITLE_CLOSE or (shared and (title >= TITLE_SIMILAR or same_edition))
        )
    if not accepted:
        return None
    score = 40 * bool(dated) + 20 * same_city + 20 * shared + title * 0.4
    return _candidate(event, score, "same-event", evidence)


def event_match_find(proposed: ProposedEvent) -> Candidate | None:
    """The existing event (any status) the proposed one most likely is, or None."""
    events = (
        Event.objects.filter(replaced_by__isnull=True)
        .select_related("region", "commune")
        .order_by("-pk")
    )
    if proposed.region:
        events = events.filter(region__slug=proposed.region) | events.filter(region__isnull=True)
    if proposed.start:
        low, high = proposed.start - UNDATED_WINDOW, (proposed.end or proposed.start) + SLACK
        events = events.filter(start_date__range=(low, high)) | events.filter(
            start_date__isnull=True
        )
    events = list(events[:CANDIDATES_MAX])
    organisers: dict[int, set[int]] = {}
    for event_id, org_id in EventOrganization.objects.filter(event__in=events).values_list(
        "event_id", "organization_id"
    ):
        organisers.setdefault(event_id, set()).add(org_id)
    matches = [
        found
        for event in events
        if (found := event_match(proposed, event, frozenset(organisers.get(event.pk, ()))))
    ]
    return max(matches, key=lambda m: m.score, default=None)


@dataclass(frozen=True)
class ProposedAgreement:
    signed_on: datetime.date | None
    amount: int | None
    titles: tuple[str, ...]
    parties: frozenset[int]  # existing organisations among its parties
    published_on: datetime.date | None
    # Whether the article reports a signing event, the existing ones it is (its event
    # proposals' matches), and how many agreements the article reports.
    signing_reported: bool = False
    signings: frozenset[int] = frozenset()
    reported: int = 1


def agreement_match(
    proposed: ProposedAgreement, agreement, parties: frozenset[int], signed_there: int = 0
):
    """`agreement` as the proposed one's match with its evidence, or None. It is found by a
    party in common or by the signing event the article reports (an article may name no
    party); then its signing date (two days' slack), amount or title must agree too, unless
    it is the only agreement of that signing and the article reports only one (the outlets
    then differ on its figures). A signing date that differs outright, or another signing
    than the one the article reports (one body's two signings in a week), is another
    agreement. `signed_there`: how many agreements the agreement's signing event has."""
    shared = proposed.parties & parties
    at_signing = agreement.signing_event_id in proposed.signings
    if not (shared or at_signing):
        return None
    if proposed.signing_reported and agreement.signing_event_id and not at_signing:
        return None
    if proposed.signed_on and agreement.signed_on:
        if abs(proposed.signed_on - agreement.signed_on) > SLACK:
            return None
        dated = True
    else:
        reference = proposed.signed_on or proposed.published_on
        if (
            reference
            and agreement.signed_on
            and abs(reference - agreement.signed_on) > (UNDATED_WINDOW)
        ):
            return None
        dated = False
    theirs = [
        match_key(t) for t in (agreement.title_ar, agreement.title_fr, agreement.title_en) if t
    ]
    ours = [match_key(t) for t in proposed.titles if t]
    title = max((fuzz.token_set_ratio(a, b) for a in ours for b in theirs), default=0)
    same_amount = bool(proposed.amount and proposed.amount == agreement.amount_mad)
    evidence = ["parties"] * bool(shared) + ["signing"] * at_signing + ["dates"] * dated
    evidence += ["amount"] * same_amount + ["title"] * (title >= TITLE_SIMILAR)
    alone = at_signing and signed_there == 1 and proposed.reported == 1
    if not (dated or same_amount or title >= TITLE_CLOSE or alone):
        return None
    score = 30 + 20 * len(shared) + 20 * at_signing + 30 * dated + 20 * same_amount + title * 0.2
    return _candidate(agreement, score, "same-agreement", evidence)


def agreement_match_find(proposed: ProposedAgreement) -> Candidate | None:
    """The existing agreement (any status) the proposed one most likely is, or None."""
    if not (proposed.parties or proposed.signings):
        return None
    live = Agreement.objects.filter(replaced_by__isnull=True)
    agreements = list(
        live.filter(Q(parties__in=proposed.parties) | Q(signing_event__in=proposed.signings))
        .distinct()
        .prefetch_related("parties")
        .order_by("-pk")[:CANDIDATES_MAX]
    )
    signed_there = dict(
        live.filter(signing_event__in=proposed.signings)
        .order_by()  # grouped by the event alone, not by the default ordering too
        .values_list("signing_event")
        .annotate(n=Count("pk"))
    )
    matches = [
        found
        for agreement in agreements
        if (
            found := agreement_match(
                proposed,
                agreement,
                frozenset(p.pk for p in agreement.parties.all()),
                signed_there.get(agreement.signing_event_id, 0),
            )
        )
    ]
    return max(matches, key=lambda m: m.score, default=None)

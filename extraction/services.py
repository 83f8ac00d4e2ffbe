"""From an article to draft records: what the extractor proposes, and its ingestion.

`article_extract` reads an article and lists its proposals (events, organisations, people,
positions, agreements), each with its evidence span and, for organisations and people, the
existing record it is about (extraction.matching). It writes nothing: the admin's review
screen shows it. `article_ingest` turns the proposals an editor kept into draft records
and Mentions in one transaction.

Nothing reaches visitors unreviewed: every record created here is a draft, existing records
are reused as they are (never edited), and a link between two records that are both already
public (a participant, a party, a position) is not added, since it would show at once; it is
reported instead, for an editor to add through the normal review. Likewise a new source
(Mention) of an approved record is added only when a publisher accepts the extraction; an
editor's accept reports it instead (running the accept again adds only what is missing).
"""

from dataclasses import dataclass, field
from datetime import date

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone, translation
from django.utils.dateparse import parse_date
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from articles.facts import fact_reports_record
from articles.models import Article, Language, Mention
from editorial import transitions
from editorial.models import Status
from events.models import (
    Agreement,
    AgreementKind,
    Event,
    EventKind,
    EventOrganization,
    EventRole,
    Participation,
)
from organizations.models import Organization, OrganizationKind, Person, Position
from taxonomy.models import Commune, Region, Sector

from .event_matching import (
    ProposedAgreement,
    ProposedEvent,
    agreement_match_find,
    event_match_find,
    match_certain,
)
from .extractor import extract_article
from .extractor.pipeline import detect_language
from .matching import FUZZY_THRESHOLD, Candidate, match_key, matches_find

# The order records are created in: what a later kind links to exists by then.
KINDS = ("organization", "person", "position", "event", "agreement")


@dataclass
class Proposal:
    """One record the article supports; `key` identifies it in a selection."""

    key: str
    kind: str
    label: str
    data: dict
    span: tuple[int, int] | None
    match: Candidate | None = None
    needs: tuple[str, ...] = ()  # proposals it cannot exist without (a position's person)
    # For a proposal attached to an existing record: facts the article adds or reports
    # differently, which an editor accepts one by one.
    suggestions: list["Suggestion"] = field(default_factory=list)


@dataclass(frozen=True)
class Suggestion:
    key: str  # "<proposal key>:<field>"
    field: str
    current: object
    proposed: object


@dataclass
class Extraction:
    record: dict
    proposals: list[Proposal]

    def of_kind(self, kind: str) -> list[Proposal]:
        return [p for p in self.proposals if p.kind == kind]


@dataclass
class IngestResult:
    created: list[Model] = field(default_factory=list)
    linked: list[Model] = field(default_factory=list)
    mentions: int = 0
    links: int = 0  # organisations' roles, participants, parties added
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """What an editor reads after an ingestion: the new drafts by kind, then counts."""
        groups: dict[str, list[str]] = {}
        for record in self.created:
            groups.setdefault(str(record._meta.verbose_name_plural), []).append(str(record))
        created = "; ".join(f"{kind}: {', '.join(names)}" for kind, names in groups.items())
        return _(
            "Created as drafts: %(created)s. Existing records linked: %(linked)d. "
            "Organisations' roles, participants and parties added: %(links)d. "
            "New mentions: %(mentions)d."
        ) % {
            "created": created or _("nothing"),
            "linked": len(self.linked),
            "links": self.links,
            "mentions": self.mentions,
        }


def _span(item: dict) -> tuple[int, int] | None:
    span = item.get("span")
    if span and len(span) == 2 and span[1] > span[0] >= 0:
        return int(span[0]), int(span[1])
    return None


def article_language(text: str) -> str:
    """The Article language of a text, detected from it; Arabic when it cannot be told
    (too short, or a language the portal does not list)."""
    detected = detect_language(text or "")
    return detected if detected in Language.values else Language.ARABIC


def article_extract(article: Article) -> Extraction:
    """The article's proposals with their evidence and existing matches; writes nothing."""
    record = extract_article(
        article.text or "",
        title=article.title or None,
        outlet=article.outlet or None,
        published_on=article.published_on,
    )
    matches = matches_find(record)
    proposals: list[Proposal] = []
    org_keys = {}
    for i, org in enumerate(record["organizations"]):
        key = f"organization:{i}"
        org_keys.setdefault(org["name"], key)
        proposals.append(
            Proposal(key, "organization", org["name"], org, _span(org), matches.organizations[i])
        )
    person_keys = {}
    for i, person in enumerate(record["people"]):
        key = f"person:{i}"
        person_keys.setdefault(person["name"], key)
        proposals.append(
            Proposal(key, "person", person["name"], person, _span(person), matches.people[i])
        )
        for j, position in enumerate(person["positions"]):
            if not position.get("title"):
                continue
            org_key = org_keys.get(position.get("organization"))
            proposals.append(
                Proposal(
                    f"position:{i}.{j}",
                    "position",
                    person["name"],
                    position,
                    _span(person),
                    needs=(key, org_key) if org_key else (key,),
                )
            )
    org_matches = {
        org["name"]: match.pk
        for org, match in zip(record["organizations"], matches.organizations, strict=True)
        if match
    }
    for i, event in enumerate(record["events"]):
        proposed = ProposedEvent(
            kind=event.get("kind"),
            start=_date(event.get("start_date")),
            end=_date(event.get("end_date")),
            region=event.get("region"),
            city=event.get("city"),
            edition=event.get("edition"),
            titles=(event["title"],),
            organisers=frozenset(
                org_matches[o["name"]]
                for o in event.get("organizations") or ()
                if o.get("name") in org_matches
            ),
            published_on=article.published_on,
        )
        key = f"event:{i}"
        match = event_match_find(proposed)
        proposals.append(
            Proposal(key, "event", event["title"], event, _span(event), match,
                     suggestions=event_suggestions(key, event, match) if match else [])
        )  # fmt: skip
    signing_proposals = [
        p for p in proposals if p.kind == "event" and p.data.get("kind") == EventKind.SIGNING
    ]
    signings = frozenset(p.match.pk for p in signing_proposals if p.match)
    for i, agreement in enumerate(record["agreements"]):
        amount = agreement.get("amount_mad")
        proposed_agreement = ProposedAgreement(
            signed_on=_date(agreement.get("signed_on")),
            amount=amount if isinstance(amount, int) else None,
            titles=(agreement["title"],),
            parties=frozenset(
                org_matches[name] for name in agreement.get("parties") or () if name in org_matches
            ),
            published_on=article.published_on,
            signing_reported=bool(signing_proposals),
            signings=signings,
            reported=len(record["agreements"]),
        )
        proposals.append(
            Proposal(f"agreement:{i}", "agreement", agreement["title"], agreement,
                     _span(agreement), agreement_match_find(proposed_agreement))
        )  # fmt: skip
    return Extraction(record, proposals)


# The facts of an existing event an article may add or report differently.
SUGGESTED_FIELDS = ("start_date", "end_date", "edition", "commune")


def event_suggestions(key: str, data: dict, match: Candidate) -> list[Suggestion]:
    """What the article says of the matched event that the record lacks or states otherwise."""
    event = Event.objects.select_related("commune").get(pk=match.pk)
    proposed = {
        "start_date": _date(data.get("start_date")),
        "end_date": _date(data.get("end_date")),
        "edition": _edition(data),
        "commune": commune_resolve(data.get("city"), data.get("region")),
    }
    return [
        Suggestion(f"{key}:{name}", name, getattr(event, name), value)
        for name, value in proposed.items()
        if value is not None and value != getattr(event, name)
    ]


# -- ingestion -------------------------------------------------------------------------


def _choice(value, choices, default):
    return value if value in choices.values else default


def _edition(data: dict) -> int | None:
    """The edition an extracted event gives, if it is a plausible one."""
    edition = data.get("edition")
    return edition if isinstance(edition, int) and 0 < edition < 1000 else None


def _date(value) -> date | None:
    try:
        return parse_date(value or "")
    except ValueError:
        return None


def _approved(*records: Model | None) -> bool:
    """All approved by a publisher (the review guards' definition): a link between them
    would show on approved pages at once."""
    return all(transitions.is_approved(r) for r in records)


def commune_resolve(city: str | None, region_slug: str | None) -> Commune | None:
    """The gazetteer commune the extractor named: its Arabic name, in its region."""
    if not city:
        return None
    communes = Commune.objects.filter(name_ar=city).order_by("-is_urban", "-population", "pk")
    if region_slug:
        communes = communes.filter(region__slug=region_slug)
    return communes.first()


class _Ingestion:
    def __init__(self, article: Article, user, keep, unlink, suggestions=frozenset()) -> None:
        self.article = article
        self.suggestions = suggestions
        self.user = user
        self.keep = keep
        self.unlink = unlink
        self.result = IngestResult()
        self.organizations: dict[str, Organization] = {}
        self.people: dict[str, Person] = {}
        self.events: list[Event] = []
        self.regions = {r.slug: r for r in Region.objects.all()}
        self.language = article.language if article.language in ("ar", "fr", "en") else "ar"

    # -- helpers ---------------------------------------------------------------------

    def kept(self, proposal: Proposal) -> bool:
        if self.keep is not None and proposal.key not in self.keep:
            return False
        return all(self.kept_key(need) for need in proposal.needs)

    def kept_key(self, key: str) -> bool:
        return self.keep is None or key in self.keep

    def draft(self, model: type[Model], **values) -> Model:
        record = model(status=Status.DRAFT, created_by=self.user, updated_by=self.user, **values)
        record.save()
        self.result.created.append(record)
        return record

    def field(self, name: str) -> str:
        """The column of a translated field in the article's language."""
        return f"{name}_{self.language}"

    def texts(self, data: dict, name: str, max_length: int) -> dict:
        """A translated field's values: what the article says, in the article's language, and
        the other languages an editor typed on the review screen."""
        values = {f"{name}_{code}": (data.get(f"{name}_{code}") or "")[:max_length]
                  for code in ("ar", "fr", "en")}  # fmt: skip
        values[self.field(name)] = values[self.field(name)] or data[name][:max_length]
        return {k: v for k, v in values.items() if v}

    def reuse(self, record: Model) -> Model:
        if record not in self.result.linked and record not in self.result.created:
            self.result.linked.append(record)
        return record

    def mention(self, record: Model, span: tuple[int, int] | None) -> bool:
        """Cite the article's span as a source of the record; whether it is one now."""
        text = self.article.text
        if span is None or span[1] > len(text):
            return False
        if transitions.is_approved(record) and not transitions.can_publish(self.user, type(record)):
            # A new source shows on the approved record's page at once: a publisher's call.
            self.skip(
                _(
                    "“%(record)s” is approved already: this article is not added to its "
                    "sources; a publisher adds it by accepting this extraction again."
                ),
                record=record,
            )
            return False
        start, end = span
        _mention, created = Mention.objects.get_or_create(
            article=self.article,
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            start=start,
            end=end,
            defaults={"quote": text[start:end]},
        )
        self.result.mentions += int(created)
        return True

    def cite(self, record: Model, proposal: Proposal, facts: dict) -> None:
        """The article as a source of the record, with what it says of the record's facts,
        so the record's page can say where its sources disagree (articles.facts)."""
        if self.mention(record, proposal.span):
            fact_reports_record(article=self.article, record=record, values=facts)

    def skip(self, message: str, **params) -> None:
        """A proposal left out; the message is rendered when shown, in the reader's language
        (not in the Arabic this ingestion writes records in)."""
        self.result.skipped.append(lazy(lambda: str(message) % params, str)())

    def mentioned_here(self, model: type[Model]) -> Q:
        """Records of `model` this article already has a Mention on (a second ingestion)."""
        ids = Mention.objects.filter(
            article=self.article, content_type=ContentType.objects.get_for_model(model)
        ).values("object_id")
        return Q(pk__in=ids)

    # -- records ---------------------------------------------------------------------

    def organization(self, proposal: Proposal) -> None:
        data = proposal.data
        if proposal.match and proposal.key not in self.unlink:
            org = self.reuse(Organization.objects.get(pk=proposal.match.pk))
        else:
            org = self.draft(
                Organization,
                **self.texts(data, "name", 255),
                kind=_choice(data.get("kind"), OrganizationKind, OrganizationKind.OTHER),
                acronym=(data.get("acronym") or "")[:30],
                aliases=[a for a in data.get("aliases") or [] if isinstance(a, str)],
                region=self.regions.get(data.get("region")),
                commune=commune_resolve(data.get("city"), data.get("region")),
            )
        self.organizations.setdefault(data["name"], org)
        self.mention(org, proposal.span)

    def person(self, proposal: Proposal) -> None:
        data = proposal.data
        if proposal.match and proposal.key not in self.unlink:
            person = self.reuse(Person.objects.get(pk=proposal.match.pk))
        else:
            person = self.draft(
                Person,
                **self.texts(data, "name", 200),
                aliases=[a for a in data.get("aliases") or [] if isinstance(a, str)],
            )
        self.people.setdefault(data["name"], person)
        self.mention(person, proposal.span)

    def position(self, proposal: Proposal) -> None:
        person = self.people.get(proposal.label)
        org_name = proposal.data.get("organization")
        org = self.organizations.get(org_name) if org_name else None
        title = (proposal.data.get("title") or "")[:255]
        if person is None or (org_name and org is None) or not title:
            return
        if _approved(person, *([org] if org else [])):
            self.skip(_("%(person)s, %(title)s: both records are public already"),
                      person=person, title=title)  # fmt: skip
            return
        position, created = Position.objects.get_or_create(
            person=person,
            organization=org,
            **{self.field("title"): title},
        )
        if created:
            self.result.created.append(position)

    def event(self, proposal: Proposal) -> None:
        data = proposal.data
        title = data["title"][:255]
        start, end = _date(data.get("start_date")), _date(data.get("end_date"))
        if start and end and end < start:
            end = None
        if proposal.match and proposal.key not in self.unlink:
            existing = Event.objects.get(pk=proposal.match.pk)
        else:
            existing = self.event_existing(title, start)
        if existing is not None:
            event = self.reuse(existing)
            self.suggestions_apply(event, proposal)
        else:
            event = self.draft(
                Event,
                **self.texts(data, "title", 255),
                kind=_choice(data.get("kind"), EventKind, EventKind.OTHER),
                edition=_edition(data),
                start_date=start,
                end_date=end,
                commune=commune_resolve(data.get("city"), data.get("region")),
                region=self.regions.get(data.get("region")),
            )
            event.sectors.set(Sector.objects.filter(slug__in=data.get("sectors") or ()))
        self.events.append(event)
        self.cite(event, proposal, {
            "dates": (start, end),
            "commune": commune_resolve(data.get("city"), data.get("region")),
            "edition": _edition(data),
        })  # fmt: skip
        for item in data.get("organizations") or ():
            org = self.organizations.get(item.get("name"))
            if org is None:
                continue
            if _approved(event, org):
                self.skip(_("%(org)s at %(event)s: both records are public already"),
                          org=org, event=event)  # fmt: skip
                continue
            _row, created = EventOrganization.objects.get_or_create(
                event=event,
                organization=org,
                role=_choice(item.get("role"), EventRole, EventRole.PARTICIPANT),
            )
            self.result.links += int(created)
        for item in data.get("people") or ():
            person = self.people.get(item.get("name"))
            if person is None:
                continue
            if _approved(event, person):
                self.skip(_("%(person)s at %(event)s: both records are public already"),
                          person=person, event=event)  # fmt: skip
                continue
            title = (item.get("title") or "")[:255]
            _row, created = Participation.objects.get_or_create(
                event=event,
                person=person,
                defaults={
                    self.field("title"): title,
                    "organization": self.organizations.get(item.get("organization")),
                },
            )
            self.result.links += int(created)

    def suggestions_apply(self, event: Event, proposal: Proposal) -> None:
        """The suggestions the editor accepted, saved as one revision of the event; an
        approved event changes only by a publisher's accept."""
        accepted = [s for s in proposal.suggestions if s.key in self.suggestions]
        if not accepted:
            return
        if transitions.is_approved(event) and not transitions.can_publish(self.user, Event):
            self.skip(
                _("“%(record)s” is approved already: a publisher accepts what this article adds."),
                record=event,
            )
            return
        for suggestion in accepted:
            setattr(event, suggestion.field, suggestion.proposed)
        if event.start_date and event.end_date and event.end_date < event.start_date:
            event.end_date = None
        with reversion.create_revision(atomic=False):
            event.updated_by = self.user
            event.save()
            reversion.set_user(self.user)
            reversion.set_comment(
                _("Facts from the article “%(article)s”") % {"article": self.article}
            )
        self.result.links += len(accepted)

    def event_existing(self, title: str, start: date | None) -> Event | None:
        """The same event: already taken from this article, or same title on the same day."""
        same = (
            Q(start_date=start)
            if start
            else Q(start_date__isnull=True, **{self.field("title"): title})
        )
        key = match_key(title)
        for event in Event.objects.filter(self.mentioned_here(Event) | same).filter(
            replaced_by__isnull=True
        )[:200]:
            if (
                fuzz.token_sort_ratio(key, match_key(getattr(event, self.field("title")) or ""))
                >= FUZZY_THRESHOLD
            ):
                return event
        return None

    def agreement(self, proposal: Proposal) -> None:
        data = proposal.data
        title = data["title"][:300]
        signed = _date(data.get("signed_on"))
        period = (data.get("period_start"), data.get("period_end"))
        if period[0] and period[1] and period[1] < period[0]:
            period = (None, None)
        amount = data.get("amount_mad")
        if proposal.match and proposal.key not in self.unlink:
            existing = Agreement.objects.get(pk=proposal.match.pk)
        else:
            existing = self.agreement_existing(title, signed, amount)
        if existing is not None:
            agreement = self.reuse(existing)
        else:
            signing = next((e for e in self.events if e.kind == EventKind.SIGNING), None)
            agreement = self.draft(
                Agreement,
                **self.texts(data, "title", 300),
                kind=_choice(data.get("kind"), AgreementKind, AgreementKind.OTHER),
                signed_on=signed,
                commune=commune_resolve(data.get("city"), None),
                amount_mad=amount if isinstance(amount, int) and amount >= 0 else None,
                period_start=period[0],
                period_end=period[1],
                signing_event=signing,
            )
        self.cite(agreement, proposal, {
            "signed_on": signed,
            "amount_mad": amount if isinstance(amount, int) and amount >= 0 else None,
        })  # fmt: skip
        for name in data.get("parties") or ():
            org = self.organizations.get(name)
            if org is None:
                continue
            if _approved(agreement, org):
                self.skip(_("%(org)s as a party to %(agreement)s: both records are public "
                            "already"), org=org, agreement=agreement)  # fmt: skip
                continue
            if not agreement.parties.filter(pk=org.pk).exists():
                agreement.parties.add(org)
                self.result.links += 1

    def agreement_existing(self, title: str, signed: date | None, amount) -> Agreement | None:
        """Already taken from this article, or the same title signed the same day."""
        same = self.mentioned_here(Agreement)
        if signed:
            same |= Q(signed_on=signed, amount_mad=amount)
        key = match_key(title)
        for agreement in Agreement.objects.filter(same, replaced_by__isnull=True)[:200]:
            if match_key(getattr(agreement, self.field("title")) or "") == key:
                return agreement
        return None

    def run(self, extraction: Extraction) -> IngestResult:
        for kind in KINDS:
            for proposal in extraction.of_kind(kind):
                if self.kept(proposal):
                    getattr(self, kind)(proposal)
        return self.result


@transaction.atomic
def article_ingest(*, article: Article, selection=None, user, unlink=()) -> IngestResult:
    """Create draft records for the article's kept proposals and a Mention for each record.

    `selection`: the proposal keys to keep ("organization:2", "position:0.1"…), all when
    None. `unlink`: keys of matched proposals to create as new drafts anyway. Existing
    records the proposals match are linked, not duplicated, so a second run adds nothing.
    """
    return proposals_ingest(
        article=article,
        extraction=article_extract(article),
        selection=selection,
        user=user,
        unlink=unlink,
    )


@transaction.atomic
def proposals_ingest(
    *, article: Article, extraction: Extraction, selection=None, user, unlink=(), suggestions=()
) -> IngestResult:
    """article_ingest for proposals already extracted (a batch decides on them first).
    `suggestions`: keys of the suggested facts to write on the matched events."""
    keep = None if selection is None else set(selection)
    with translation.override("ar"):
        ingestion = _Ingestion(article, user, keep, set(unlink), frozenset(suggestions))
        result = ingestion.run(extraction)
    Article.objects.filter(pk=article.pk).update(ingested_at=timezone.now())
    return result


def extraction_uncertain(extraction: Extraction) -> list[Proposal]:
    """The event proposals matched to an existing event without certainty: an editor decides
    whether the article reports that event or a new one."""
    return [p for p in extraction.of_kind("event") if p.match and not match_certain(p.match)]

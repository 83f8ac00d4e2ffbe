from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.facts import Fact, FactKind
from core.slugs import slug_routable, unique_slug
from core.validators import validate_slug_has_letter
from editorial.models import Publishable, PublishableQuerySet, status_constraint
from organizations.models import Organization, Person
from taxonomy.models import Commune, Region, Sector


class EventKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    CONFERENCE = "conference", _("Conference")
    EXHIBITION = "exhibition", _("Exhibition")
    SIGNING = "signing", _("Agreement signing")
    GENERAL_ASSEMBLY = "general-assembly", _("General assembly")
    DELEGATION = "delegation", _("Business delegation")
    WORKSHOP = "workshop", _("Workshop")
    OTHER = "other", _("Other")


class EventQuerySet(PublishableQuerySet):
    """Upcoming and past are read on an event's last day (its end, or its start when it has
    no end), as the `last_day` indexes are. An event the press gave no date for is neither:
    its article may well report it as held already, so it is never called upcoming; the
    site lists it apart (`undated()`)."""

    def with_last_day(self):
        return self.alias(last_day=Coalesce("end_date", "start_date"))

    def upcoming(self):
        """Not over yet: its last day is today or later."""
        return self.with_last_day().filter(last_day__gte=timezone.localdate())

    def past(self):
        return self.with_last_day().filter(last_day__lt=timezone.localdate())

    def undated(self):
        return self.filter(start_date__isnull=True, end_date__isnull=True)


class Event(Publishable):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, validators=[validate_slug_has_letter]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    edition = models.PositiveSmallIntegerField(_("edition"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    commune = models.ForeignKey(
        Commune,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("city"),
    )
    region = models.ForeignKey(
        Region,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("region"),
    )
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="events", verbose_name=_("sectors")
    )
    organizations = models.ManyToManyField(
        Organization,
        through="EventOrganization",
        blank=True,
        related_name="events",
        verbose_name=_("organisations"),
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty means no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)

    objects = EventQuerySet.as_manager()
    # What its sources may report differently: the page says so (articles.facts).
    reported_facts = (
        Fact("dates", _("the dates"), ("start_date", "end_date"), FactKind.DAYS),
        Fact("commune", _("the city"), ("commune",), FactKind.PLACE),
        Fact("edition", _("the edition"), ("edition",), FactKind.NUMBER),
    )

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can publish, unpublish and archive events"))]
        indexes = [
            models.Index(fields=["status", "start_date"], name="event_status_start"),
            models.Index(fields=["status", "end_date"], name="event_status_end"),
            models.Index(fields=["kind", "start_date"], name="event_kind_start"),
            models.Index(fields=["region", "start_date"], name="event_region_start"),
            # "Upcoming" and "past" are read on the last day (events/filters.py).
            models.Index(
                "status", Coalesce("end_date", "start_date"), name="event_status_last_day"
            ),
            # The public list filtered on a region and a period (upcoming, past, dates):
            # everything the filter and the order read is in the index, so the page's ids
            # come from it alone (an index-only scan) and only those rows are read.
            models.Index(
                "region",
                Coalesce("end_date", "start_date"),
                name="event_public_region_last_day",
                # Everything public_q() reads besides publish_at: merged records are out.
                condition=Q(status="published", replaced_by__isnull=True),
                include=["id", "start_date", "end_date", "publish_at"],
            ),
            # … and in the list's order (first day): a region's upcoming page walks it until
            # it holds a page of matches, probing the sector of each, instead of joining all of
            # the region's upcoming events to all of the sector's.
            models.Index(
                "region",
                Coalesce("start_date", "end_date"),
                "id",
                name="event_public_region_first_day",
                condition=Q(status="published", replaced_by__isnull=True),
                include=["start_date", "end_date", "publish_at"],
            ),
        ]
        constraints = [
            status_constraint("event"),
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_valid"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="event_end_after_start",
                violation_error_message=_("The event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_closes__isnull=True)
                | Q(registration_opens__isnull=True)
                | Q(registration_closes__gt=F("registration_opens")),
                name="event_registration_closes_after_opens",
                violation_error_message=_("Registration must close after it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @property
    def registration_is_open(self) -> bool:
        """Published, not over, and within the registration window when one is set."""
        if not self.is_public or self.registration_opens is None:
            return False
        now = timezone.now()
        if now < self.registration_opens:
            return False
        if self.registration_closes and now >= self.registration_closes:
            return False
        last_day = self.end_date or self.start_date
        return last_day is None or last_day >= timezone.localdate()

    def save(self, *args, **kwargs):
        if self.commune_id and not self.region_id:
            self.region_id = self.commune.region_id
        if not slug_routable(self.slug):
            year = str(self.start_date.year) if self.start_date else ""
            titles = [t for t in (self.title_fr, self.title_en, self.title_ar, self.title) if t]
            dated = [t if year in t else f"{t} {year}".strip() for t in titles]
            self.slug = unique_slug(self, *dated)
        super().save(*args, **kwargs)


class EventRole(models.TextChoices):
    ORGANIZER = "organizer", _("Organiser")
    PARTNER = "partner", _("Partner")
    HOST = "host", _("Host")
    PATRON = "patron", _("Patron")
    PARTICIPANT = "participant", _("Participant")


class EventOrganization(models.Model):
    event = models.ForeignKey(
        Event, models.CASCADE, related_name="event_organizations", verbose_name=_("event")
    )
    organization = models.ForeignKey(
        Organization, models.CASCADE, related_name="event_roles", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=12, choices=EventRole.choices)

    class Meta:
        ordering = ["event", "role", "pk"]
        verbose_name = _("organisation at an event")
        verbose_name_plural = _("organisations at events")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization", "role"], name="event_organization_role_unique"
            ),
            models.CheckConstraint(
                condition=Q(role__in=EventRole.values), name="event_organization_role_valid"
            ),
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class Participation(models.Model):
    """A person at an event, with the title they held there."""

    event = models.ForeignKey(
        Event, models.CASCADE, related_name="participations", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person, models.CASCADE, related_name="participations", verbose_name=_("person")
    )
    title = models.CharField(_("title held"), max_length=255, blank=True)
    organization = models.ForeignKey(
        Organization,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("on behalf of"),
    )

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="participation_unique"),
        ]

    def __str__(self):
        return f"{self.person} @ {self.event}"


class AgreementKind(models.TextChoices):
    FRAMEWORK = "framework", _("Framework agreement")
    PARTNERSHIP = "partnership", _("Partnership agreement")
    MOU = "mou", _("Memorandum of understanding")
    OTHER = "other", _("Other")


class Agreement(Publishable):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, validators=[validate_slug_has_letter]
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=AgreementKind.choices, default=AgreementKind.OTHER
    )
    summary = models.TextField(_("summary"), blank=True)
    parties = models.ManyToManyField(
        Organization, blank=True, related_name="agreements", verbose_name=_("parties")
    )
    signing_event = models.ForeignKey(
        Event,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("signed at"),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    commune = models.ForeignKey(
        Commune, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("city")
    )
    amount_mad = models.BigIntegerField(_("amount (MAD)"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("previous agreement"),
    )
    # What its sources may report differently (articles.facts).
    reported_facts = (
        Fact("signed_on", _("the signing date"), ("signed_on",), FactKind.DAY),
        Fact("amount_mad", _("the amount"), ("amount_mad",), FactKind.AMOUNT),
    )

    class Meta:
        ordering = ["-signed_on", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        permissions = [("publish_agreement", _("Can publish, unpublish and archive agreements"))]
        indexes = [models.Index(fields=["status", "signed_on"], name="agreement_status_signed")]
        constraints = [
            status_constraint("agreement"),
            models.CheckConstraint(
                condition=Q(kind__in=AgreementKind.values), name="agreement_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(amount_mad__isnull=True) | Q(amount_mad__gte=0),
                name="agreement_amount_not_negative",
                violation_error_message=_("The amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="agreement_period_ordered",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:agreement", args=[self.slug])

    def save(self, *args, **kwargs):
        if not slug_routable(self.slug):
            self.slug = unique_slug(self, self.title_fr, self.title_en, self.title_ar, self.title)
        super().save(*args, **kwargs)

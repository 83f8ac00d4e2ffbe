from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.slugs import slug_routable, unique_slug
from core.validators import validate_slug_has_letter
from editorial.models import Publishable, status_constraint
from taxonomy.models import Commune, Region


class OrganizationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    PUBLIC_AGENCY = "public-agency", _("Public agency")
    FEDERATION = "federation", _("Federation")
    CLUSTER = "cluster", _("Cluster")
    ASSOCIATION = "association", _("Association")
    COMPANY = "company", _("Company")
    CHAMBER = "chamber", _("Chamber")
    INVESTMENT_CENTER = "investment-center", _("Regional investment centre")
    UNIVERSITY = "university", _("University")
    MEDIA = "media", _("Media")
    LOCAL_AUTHORITY = "local-authority", _("Local authority")
    TECHNICAL_CENTER = "technical-center", _("Technical centre")
    OTHER = "other", _("Other")


class Organization(Publishable):
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, validators=[validate_slug_has_letter]
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.OTHER
    )
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    aliases = models.JSONField(
        _("aliases"), default=list, blank=True, help_text=_("Other names the press uses.")
    )
    description = models.TextField(_("description"), blank=True)
    region = models.ForeignKey(
        Region, models.SET_NULL, null=True, blank=True, verbose_name=_("region")
    )
    commune = models.ForeignKey(
        Commune, models.SET_NULL, null=True, blank=True, verbose_name=_("city")
    )
    website = models.URLField(_("website"), blank=True)
    parent = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [
            ("publish_organization", _("Can publish, unpublish and archive organisations"))
        ]
        indexes = [models.Index(fields=["status", "kind"], name="organization_status_kind")]
        constraints = [
            status_constraint("organization"),
            models.CheckConstraint(
                condition=Q(kind__in=OrganizationKind.values), name="organization_kind_valid"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organizations:detail", args=[self.slug])

    def save(self, *args, **kwargs):
        if not slug_routable(self.slug):
            self.slug = unique_slug(
                self, self.name_fr, self.acronym, self.name_en, self.name_ar, self.name
            )
        super().save(*args, **kwargs)


class Person(Publishable):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, validators=[validate_slug_has_letter]
    )
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    bio = models.TextField(_("biography"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        permissions = [("publish_person", _("Can publish, unpublish and archive people"))]
        indexes = [models.Index(fields=["status"], name="person_status")]
        constraints = [status_constraint("person")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organizations:person", args=[self.slug])

    def save(self, *args, **kwargs):
        if not slug_routable(self.slug):
            self.slug = unique_slug(self, self.name_fr, self.name_en, self.name_ar, self.name)
        super().save(*args, **kwargs)


class Position(models.Model):
    """A role a person holds, in an organisation or (a head of state) on their own."""

    person = models.ForeignKey(
        Person, models.CASCADE, related_name="positions", verbose_name=_("person")
    )
    organization = models.ForeignKey(
        Organization,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="positions",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=255)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        ordering = ["person", "-start_date", "pk"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="position_end_after_start",
                violation_error_message=_("A position cannot end before it starts."),
            ),
        ]

    def __str__(self):
        if self.organization_id:
            return f"{self.person} — {self.title}, {self.organization}"
        return f"{self.person} — {self.title}"

import re

from anyascii import anyascii
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """One of Morocco's 12 regions, as the HCP codes them."""

    code = models.CharField(_("HCP code"), max_length=2, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:list") + f"?region={self.slug}"


class Province(models.Model):
    """A province or prefecture."""

    code = models.CharField(_("HCP code"), max_length=16, unique=True)
    region = models.ForeignKey(
        Region, models.PROTECT, related_name="provinces", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=100)
    is_prefecture = models.BooleanField(_("prefecture"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class Commune(models.Model):
    """A commune (urban municipality or rural commune): the portal's 'city'."""

    code = models.CharField(_("HCP code"), max_length=16, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    province = models.ForeignKey(
        Province, models.PROTECT, related_name="communes", verbose_name=_("province")
    )
    region = models.ForeignKey(
        Region, models.PROTECT, related_name="communes", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=100)
    is_urban = models.BooleanField(_("urban"), default=False)
    population = models.PositiveIntegerField(_("population (2024)"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return self.name


class Sector(models.Model):
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:list") + f"?sector={self.slug}"


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PublishableQuerySet(models.QuerySet):
    def public(self):
        """What visitors may see: published, and past any scheduled go-live time."""
        return self.filter(status=Status.PUBLISHED).filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=timezone.now())
        )


class Publishable(models.Model):
    """The editorial state every public record shares."""

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish on approval; a future time schedules it."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("updated by"),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )


class Transition(models.Model):
    """The audit log: one row per editorial step a record takes."""

    content_type = models.ForeignKey(ContentType, models.CASCADE, verbose_name=_("record type"))
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    from_status = models.CharField(_("from"), max_length=10, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=10, choices=Status.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("editorial transition")
        verbose_name_plural = _("editorial transitions")
        indexes = [models.Index(fields=["content_type", "object_id"], name="transition_record")]

    def __str__(self):
        return f"{self.record}: {self.from_status} → {self.to_status}"


def status_constraint(model_name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(status__in=Status.values), name=f"{model_name}_status_valid"
    )


# anyascii drops the alef forms and writes the ta marbuta "h": "a" reads closer to the way
# Moroccan names are written in Latin letters (اتفاقية شراكة: atfaqya-shraka, not tfqyh-shrkh).
_ARABIC_VOWELS = str.maketrans(dict.fromkeys("اأإآٱة", "a"))
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile("[a-z]")
_ROUTABLE = re.compile(r"[-a-zA-Z0-9_]+\Z")  # what the URLs' <slug:> converter accepts


def slug_routable(slug: str) -> bool:
    """Whether the URLs can route `slug`: a record whose slug they refuse (none yet, or an
    Arabic one restored from an old revision) gets a new one from unique_slug on save."""
    return bool(slug) and _ROUTABLE.match(slug) is not None


def _latin_slug(text: str) -> str:
    """An ASCII slug of any text: Latin kept (accents and ligatures folded), Arabic
    transliterated, since the URLs' `<slug:>` converter accepts nothing else."""
    return slugify(anyascii((text or "").translate(_ARABIC_VOWELS)))


def _slug_truncate(slug: str, limit: int) -> str:
    """At most `limit` characters, cut between words when there is a word to cut at."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:limit]).strip("-")


def unique_slug(instance: models.Model, *sources: str, field: str = "slug") -> str:
    """A readable Latin slug for `instance`, unique, within the field's max_length.

    `sources` come in order of preference (the French name first): the first one written in
    Latin letters wins, else the first one transliterated. A slug is never a bare number or
    year (it would read as an id): without a word, the model's name leads it.
    """
    max_length = instance._meta.get_field(field).max_length
    texts = [s for s in sources if s and s.strip()]
    latin = [_latin_slug(s) for s in texts if not _ARABIC_SCRIPT.search(s)]
    slugs = latin + [_latin_slug(s) for s in texts]
    base = next((s for s in slugs if _LETTER.search(s)), next(filter(None, slugs), ""))
    limit = max_length - 10  # room for a "-N" suffix
    base = _slug_truncate(base, limit)
    if not _LETTER.search(base):
        base = _slug_truncate(f"{instance._meta.model_name}-{base}".strip("-"), limit)
    manager = type(instance)._default_manager
    candidate, n = base, 2
    while manager.filter(**{field: candidate}).exclude(pk=instance.pk).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate

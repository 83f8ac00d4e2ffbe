"""The editorial state every public record shares, and the one definition of "public"."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max, Q
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


def public_q(prefix: str = "") -> Q:
    """What visitors may see: published, and past any scheduled go-live time. The one
    definition: the queryset, the instances and lookups across a relation (`prefix` ends
    with '__') all use it. The clock is read by the database (Now()), so a queryset made once
    still admits a record that goes live later. A record merged into another (`replaced_by`)
    is never public: its addresses redirect to the survivor (editorial.replacements)."""
    return (
        Q(**{f"{prefix}status": Status.PUBLISHED})
        & Q(**{f"{prefix}replaced_by__isnull": True})
        & (Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": Now()}))
    )


def previewable_q(prefix: str = "") -> Q:
    """What a preview shows beside its record: every related record that is neither archived
    nor merged away, drafts included, so an editor sees the whole draft before approving."""
    return ~Q(**{f"{prefix}status": Status.ARCHIVED}) & Q(**{f"{prefix}replaced_by__isnull": True})


class PublishableQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public_q())

    def latest_go_live(self):
        """The latest scheduled go-live that has passed: when a record became public without
        a write, so without the content-version bump every write makes (core.cache)."""
        return self.filter(publish_at__lte=timezone.now()).aggregate(latest=Max("publish_at"))[
            "latest"
        ]


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
    # Set by a merge (editorial.merge.records_merge): this record and the survivor were one;
    # it leaves the public site and its addresses answer 301 to the survivor's.
    replaced_by = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="replaced_records",
        verbose_name=_("merged into"),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        """public_q() read on this instance's own values, without a query (pages ask it of
        every related record they show); tests/editorial/test_models.py checks they agree."""
        return (
            self.status == Status.PUBLISHED
            and self.replaced_by_id is None
            and (self.publish_at is None or self.publish_at <= timezone.now())
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

"""A visitor's e-mail subscription to one topic: a region, a sector, an organisation or a saved
filter of the event list. Only the address, the language and the rhythm are kept; the row is
deleted on unsubscribing."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization
from taxonomy.models import Region, Sector


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


# How long a digest waits after the last one; an hour short of the rhythm, so a cron run a few
# seconds earlier than yesterday's still finds the subscription due.
FREQUENCY_PERIODS = {
    Frequency.DAILY: datetime.timedelta(days=1) - datetime.timedelta(hours=1),
    Frequency.WEEKLY: datetime.timedelta(days=7) - datetime.timedelta(hours=1),
}

# The topic columns; exactly one is set (subscription_one_topic).
TOPIC_FIELDS = ("region", "sector", "organization")


def _only(field: str) -> Q:
    """The row's topic is `field` and nothing else."""
    others = [other for other in (*TOPIC_FIELDS, "filter_query") if other != field]
    chosen = ~Q(filter_query="") if field == "filter_query" else Q(**{f"{field}__isnull": False})
    rest = Q()
    for other in others:
        rest &= Q(filter_query="") if other == "filter_query" else Q(**{f"{other}__isnull": True})
    return chosen & rest


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_before(self, moment: datetime.datetime):
        return self.filter(confirmed_at__isnull=True, created_at__lt=moment)


class Subscription(models.Model):
    email = models.EmailField(_("e-mail"), max_length=254)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    frequency = models.CharField(
        _("frequency"), max_length=6, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    region = models.ForeignKey(
        Region,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="alert_subscriptions",
        verbose_name=_("region"),
    )
    sector = models.ForeignKey(
        Sector,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="alert_subscriptions",
        verbose_name=_("sector"),
    )
    organization = models.ForeignKey(
        Organization,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="alert_subscriptions",
        verbose_name=_("organisation"),
    )
    filter_query = models.CharField(
        _("saved filter"),
        max_length=500,
        blank=True,
        help_text=_("The event list's query string, validated by its filters."),
    )
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_sent_at = models.DateTimeField(
        _("last digest sent at"),
        null=True,
        blank=True,
        help_text=_("The next digest lists what was published after this (or the confirmation)."),
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        indexes = [
            models.Index(fields=["frequency", "last_sent_at"], name="subscription_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_only("region")
                | _only("sector")
                | _only("organization")
                | _only("filter_query"),
                name="subscription_one_topic",
                violation_error_message=_("A subscription follows exactly one topic."),
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values), name="subscription_frequency_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=[code for code, _name in settings.LANGUAGES]),
                name="subscription_language_valid",
            ),
            # One row per address and topic (one partial constraint per kind of topic, as the
            # unused columns are NULL): subscribing again finds the row.
            *(
                models.UniqueConstraint(
                    Lower("email"),
                    field,
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"subscription_email_{field}_unique",
                )
                for field in TOPIC_FIELDS
            ),
            models.UniqueConstraint(
                Lower("email"),
                "filter_query",
                condition=~Q(filter_query=""),
                name="subscription_email_filter_unique",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.topic_label}"

    def get_absolute_url(self):
        """The event list the subscription follows."""
        return f"{reverse('events:list')}?{self.topic_query}"

    @property
    def topic_query(self) -> str:
        """The event list's query string for this topic."""
        if self.filter_query:
            return self.filter_query
        field = next(field for field in TOPIC_FIELDS if getattr(self, f"{field}_id"))
        return f"{field}={getattr(self, field).slug}"

    @property
    def topic_label(self) -> str:
        """The topic in the active language: the region's, sector's or organisation's name, or
        the saved filter's query string."""
        for field in TOPIC_FIELDS:
            if getattr(self, f"{field}_id"):
                return str(getattr(self, field))
        return self.filter_query

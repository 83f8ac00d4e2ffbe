from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class Article(models.Model):
    """A press article: the source every public fact points back to."""

    title = models.CharField(_("title"), max_length=500)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ARABIC
    )
    text = models.TextField(_("full text"))
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    # Empty until its proposals have been accepted: a batch ingestion leaves an article whose
    # event may or may not be one the portal has for an editor to decide ("to review").
    ingested_at = models.DateTimeField(_("ingested at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        ordering = ["-published_on", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.CheckConstraint(
                condition=Q(language__in=Language.values), name="article_language_valid"
            ),
        ]

    def __str__(self):
        return self.title


class MentionQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).select_related("article")


class Mention(models.Model):
    """Provenance: the span of an article that supports a record."""

    article = models.ForeignKey(
        Article, models.CASCADE, related_name="mentions", verbose_name=_("article")
    )
    content_type = models.ForeignKey(ContentType, models.CASCADE, verbose_name=_("record type"))
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    start = models.PositiveIntegerField(_("span start"))
    end = models.PositiveIntegerField(_("span end"))
    quote = models.TextField(_("quoted text"))

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        indexes = [models.Index(fields=["content_type", "object_id"], name="mention_record")]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_span_ordered"),
            models.UniqueConstraint(
                fields=["article", "content_type", "object_id", "start", "end"],
                name="mention_unique_span",
            ),
        ]

    def __str__(self):
        return f"{self.article}: {self.quote[:60]}"


class FactReport(models.Model):
    """What one source article says of one fact of a record (its dates, its city, an
    amount), whether or not the record took it: when its sources disagree, the record's page
    says so and shows the value the editors kept (the record's own). Written by ingestion;
    which facts a record has is declared by its model (articles.facts)."""

    article = models.ForeignKey(
        Article, models.CASCADE, related_name="fact_reports", verbose_name=_("article")
    )
    content_type = models.ForeignKey(ContentType, models.CASCADE, verbose_name=_("record type"))
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    fact = models.CharField(_("fact"), max_length=40)
    value = models.JSONField(_("value reported"))

    class Meta:
        ordering = ["article", "fact"]
        verbose_name = _("fact reported")
        verbose_name_plural = _("facts reported")
        indexes = [models.Index(fields=["content_type", "object_id"], name="fact_report_record")]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "content_type", "object_id", "fact"],
                name="fact_report_unique",
            ),
        ]

    def __str__(self):
        return f"{self.article}: {self.fact} = {self.value}"

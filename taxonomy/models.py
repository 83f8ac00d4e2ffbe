"""Where and what: Morocco's regions, provinces and communes (the HCP's codes) and sectors."""

from django.db import models
from django.urls import reverse
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

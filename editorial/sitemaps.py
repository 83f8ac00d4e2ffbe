"""Sitemap bases: each URL in Arabic, French and English with hreflang alternates (and
x-default, the Arabic page); a record sitemap lists the public records of one model."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PublicSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 15000  # URLs per sitemap page before the three languages multiply them


class PagesSitemap(PublicSitemap):
    """Pages that are not records, named by their URL names (`pages`)."""

    changefreq = "daily"
    pages: tuple[str, ...] = ()

    def items(self):
        return list(self.pages)

    def location(self, item):
        return reverse(item)


class RecordSitemap(PublicSitemap):
    model = None

    def items(self):
        return self.model.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

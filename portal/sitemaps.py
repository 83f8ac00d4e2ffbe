"""sitemap.xml: an index of one sitemap per record type, each URL given in Arabic, French
and English with hreflang alternates (and x-default, the Arabic page)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Agreement, Event
from organizations.models import Organization, Person


class PublicSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 15000  # URLs per sitemap page before the three languages multiply them


class PagesSitemap(PublicSitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "events:list", "organizations:list", "events:agreements"]

    def location(self, item):
        return reverse(item)


class RecordSitemap(PublicSitemap):
    model = None

    def items(self):
        return self.model.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(RecordSitemap):
    model = Event


class OrganizationSitemap(RecordSitemap):
    model = Organization


class PersonSitemap(RecordSitemap):
    model = Person


class AgreementSitemap(RecordSitemap):
    model = Agreement


SITEMAPS = {
    "pages": PagesSitemap,
    "events": EventSitemap,
    "organizations": OrganizationSitemap,
    "people": PersonSitemap,
    "agreements": AgreementSitemap,
}

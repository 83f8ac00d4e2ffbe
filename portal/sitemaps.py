"""sitemap.xml: an index of one sitemap per record type, composed from the apps' own."""

from editorial.sitemaps import PagesSitemap
from events.sitemaps import AgreementSitemap, EventPagesSitemap, EventSitemap
from organizations.sitemaps import OrganizationPagesSitemap, OrganizationSitemap, PersonSitemap


class PortalPagesSitemap(PagesSitemap):
    pages = ("home", *EventPagesSitemap.pages, *OrganizationPagesSitemap.pages)


SITEMAPS = {
    "pages": PortalPagesSitemap,
    "events": EventSitemap,
    "organizations": OrganizationSitemap,
    "people": PersonSitemap,
    "agreements": AgreementSitemap,
}

from editorial.sitemaps import PagesSitemap, RecordSitemap

from .models import Organization, Person


class OrganizationPagesSitemap(PagesSitemap):
    pages = ("organizations:list", "organizations:people")


class OrganizationSitemap(RecordSitemap):
    model = Organization


class PersonSitemap(RecordSitemap):
    model = Person

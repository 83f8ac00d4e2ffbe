from editorial.sitemaps import PagesSitemap, RecordSitemap

from .models import Agreement, Event


class EventPagesSitemap(PagesSitemap):
    pages = ("events:list", "events:agreements")


class EventSitemap(RecordSitemap):
    model = Event


class AgreementSitemap(RecordSitemap):
    model = Agreement

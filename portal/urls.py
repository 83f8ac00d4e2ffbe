from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from core.pagecache import cache_public_page
from editorial import preview as preview_views

from . import views
from .api import api_urls
from .sitemaps import SITEMAPS

# Shows the request id, and the 503 page when the database is what failed.
handler500 = "portal.error_views.server_error"
handler404 = "portal.views.page_not_found"

urlpatterns = [
    path("", views.root, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # In front of the admin's own "view on site" shortcut: drafts only for who may see them.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(preview_views.view_on_site),
    ),
    path("admin/", admin.site.urls),
    # The public read API: one address for every language (its texts carry them all).
    path("api/v1/", api_urls()),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        cache_public_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_public_page(sitemap_views.sitemap, params=["p"]),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]

urlpatterns += i18n_patterns(
    path("", cache_public_page(views.home), name="home"),
    path("search/", cache_public_page(views.search, params=["q"]), name="search"),
    path("", include("events.urls")),
    path("", include("organizations.urls")),
    path("", include("registrations.urls")),
    path("", include("alerts.urls")),
    path("preview/", include("editorial.preview_urls")),
    prefix_default_language=True,
)

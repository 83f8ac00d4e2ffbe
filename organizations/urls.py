from django.urls import path

from core.pagecache import cache_public_page

from . import views
from .filters import OrganizationFilter, PersonFilter

app_name = "organizations"
urlpatterns = [
    path(
        "organizations/",
        cache_public_page(
            views.OrganizationListView.as_view(),
            params=[*OrganizationFilter.base_filters, "page"],
        ),
        name="list",
    ),
    path(
        "organizations/<slug:slug>/",
        cache_public_page(views.OrganizationDetailView.as_view()),
        name="detail",
    ),
    path(
        "people/",
        cache_public_page(
            views.PersonListView.as_view(), params=[*PersonFilter.base_filters, "page"]
        ),
        name="people",
    ),
    path(
        "people/<slug:slug>/",
        cache_public_page(views.PersonDetailView.as_view()),
        name="person",
    ),
]

from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("organizations/<slug:slug>/", views.organization_detail, name="detail"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
]

from django.urls import path

from . import registration_views, views

app_name = "events"
urlpatterns = [
    path("events/", views.EventListView.as_view(), name="list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement"),
]

# Registration (forums that open it): see events/registration_views.py.
urlpatterns += [
    path("events/<slug:slug>/register/", registration_views.register, name="register"),
]

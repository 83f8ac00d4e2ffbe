from django.urls import path

from . import views

app_name = "registrations"
urlpatterns = [
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("events/<slug:slug>/register/done/", views.outcome, name="outcome"),
    path("events/<slug:slug>/check-in/", views.check_in, name="check_in"),
    path("registration/", views.manage, name="registration"),
    path("registration/cancel/", views.cancel, name="cancel"),
]

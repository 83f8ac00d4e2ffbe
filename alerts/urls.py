from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("alerts/", views.subscribe, name="subscribe"),
    path("alerts/sent/", views.sent, name="sent"),
    path("alerts/confirm/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/", views.unsubscribe, name="unsubscribe"),
    path("alerts/unsubscribe/one-click/", views.unsubscribe_one_click, name="one_click"),
]

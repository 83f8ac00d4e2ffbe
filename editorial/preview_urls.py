"""Included under i18n_patterns in portal/urls.py: /<lang>/preview/<token>/."""

from django.urls import path

from .preview import preview

urlpatterns = [path("<str:token>/", preview, name="preview")]

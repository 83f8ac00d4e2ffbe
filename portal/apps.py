from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_tasks_db.apps import TasksAppConfig


class PortalConfig(AppConfig):
    """The project: settings, URLs, middleware, home, search and sitemaps it composes."""

    name = "portal"
    verbose_name = _("Portal")


# The admin's headings for two kept libraries, which name their apps in English only.
class LoginAttemptsConfig(AxesAppConfig):
    verbose_name = _("Login attempts")


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")


# django-tasks' model names, translated in this project's catalogs (the package ships no
# Arabic or French ones).
LIBRARY_STRINGS = (gettext_noop("Task Result"), gettext_noop("Task Results"))

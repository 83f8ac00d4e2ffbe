from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Industry Morocco — editorial desk")
admin.site.site_title = _("Industry Morocco")
admin.site.index_title = _("Editorial desk")

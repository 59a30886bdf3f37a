"""The admin app, configured to use the editors' site (``nafta_tracker.site.editors_home``)."""

from django.contrib.admin.apps import AdminConfig


class EditorsAdminConfig(AdminConfig):
    default_site = "nafta_tracker.site.editors_home.EditorsAdminSite"

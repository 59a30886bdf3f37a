"""The project's URLs plus an admin site with django-import-export on statements.

The admin (issue 4) adds import/export on its own branch; this lets the CSP tests load
import-export's pages, which hold the admin's only inline event handler, beforehand.
"""

from django.contrib.admin import AdminSite
from django.urls import path
from import_export.admin import ImportExportModelAdmin

from issues.models import Statement
from nafta_tracker.urls import urlpatterns as site_urlpatterns

import_export_site = AdminSite(name="import-export-admin")
import_export_site.register(Statement, ImportExportModelAdmin)

urlpatterns = [
    path("admin/with-import-export/", import_export_site.urls),
    *site_urlpatterns,
]

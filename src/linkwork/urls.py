from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from linkwork.api import api
from linkwork.core.views import LoginView
from linkwork.directory.hsds_api import hsds_api

urlpatterns = [
    path("", include("linkwork.core.urls")),
    path("", include("linkwork.places.urls")),
    path("", include("linkwork.directory.urls")),
    path("", include("linkwork.search.urls")),
    path("", include("linkwork.casework.urls")),
    path("", include("linkwork.outcomes.urls")),
    path("insight/", include("linkwork.insight.urls")),
    path("", include("linkwork.engagement.urls")),
    path("network/", include("linkwork.network.urls")),
    path("governance/", include("linkwork.governance.urls")),
    path("fhir/", include("linkwork.casework.fhir_urls")),
    path("api/v1/", api.urls),
    path("api/hsds/", hsds_api.urls),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

from django.urls import path

from linkwork.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("about-the-data/", views.about_data, name="about_data"),
    path("audit/", views.audit_log, name="audit_log"),
]

from django.urls import URLPattern, URLResolver, path

from linkwork.insight import views

app_name = "insight"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("activity/", views.activity_view, name="activity"),
    path("reach/", views.reach_view, name="reach"),
    path("outcomes/", views.outcomes_view, name="outcomes"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("extract/", views.extract, name="extract"),
    path("gaps/", views.gaps_view, name="gaps"),
    path("report/", views.report_view, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
]

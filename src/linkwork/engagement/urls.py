from django.urls import URLPattern, URLResolver, path

from linkwork.engagement import views_public, views_staff

app_name = "engagement"

# Each page names its policy action in the view (see linkwork.engagement.policy).
urlpatterns: list[URLPattern | URLResolver] = [
    path("consultations/<slug:slug>/", views_public.respond, name="respond"),
    path("consultations/<slug:slug>/resume/<str:token>/", views_public.respond, name="resume"),
    path("consultations/<slug:slug>/thanks/", views_public.thanks, name="thanks"),
    path("stories/", views_public.story_list, name="story_list"),
    path("stories/<slug:slug>/", views_public.story_detail, name="story_detail"),
    path("engagement/", views_staff.consultation_list, name="consultation_list"),
    path("engagement/<int:pk>/", views_staff.consultation_detail, name="consultation_detail"),
    path(
        "engagement/<int:pk>/questions/<int:question_id>/themes/run/",
        views_staff.run_themes,
        name="run_themes",
    ),
    path(
        "engagement/<int:pk>/questions/<int:question_id>/themes/",
        views_staff.theme_review,
        name="theme_review",
    ),
    path("engagement/<int:pk>/report/", views_staff.report, name="report"),
    path("engagement/<int:pk>/report.pdf", views_staff.report_pdf, name="report_pdf"),
    path("engagement/<int:pk>/export.csv", views_staff.export_csv, name="export_csv"),
    path("engagement/<int:pk>/import/", views_staff.import_responses, name="import_responses"),
]

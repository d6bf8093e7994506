from django.urls import URLPattern, URLResolver, path

from linkwork.engagement import (
    views_builder,
    views_easy_read,
    views_events,
    views_public,
    views_staff,
    views_stories,
    views_translation,
)

app_name = "engagement"

# Each page names its policy action (see linkwork.engagement.policy).
urlpatterns: list[URLPattern | URLResolver] = [
    path("consultations/<slug:slug>/", views_public.respond, name="respond"),
    path("consultations/<slug:slug>/resume/<str:token>/", views_public.respond, name="resume"),
    path("consultations/<slug:slug>/thanks/", views_public.thanks, name="thanks"),
    path(
        "consultations/<slug:slug>/easy-read/",
        views_easy_read.respond_easy_read,
        name="respond_easy_read",
    ),
    path(
        "consultations/<slug:slug>/easy-read/resume/<str:token>/",
        views_easy_read.respond_easy_read,
        name="resume_easy_read",
    ),
    path("stories/", views_public.story_list, name="story_list"),
    path("stories/share/", views_stories.share_story, name="story_share"),
    path("stories/share/thanks/", views_stories.story_shared, name="story_shared"),
    path("stories/<slug:slug>/", views_public.story_detail, name="story_detail"),
    path("engagement/", views_staff.consultation_list, name="consultation_list"),
    path("engagement/new/", views_builder.consultation_create, name="consultation_create"),
    path("engagement/stories/", views_stories.review_list, name="story_review_list"),
    path("engagement/stories/<int:pk>/", views_stories.review_story, name="story_review"),
    path("engagement/<int:pk>/", views_staff.consultation_detail, name="consultation_detail"),
    path("engagement/<int:pk>/build/", views_builder.consultation_build, name="consultation_build"),
    path(
        "engagement/<int:pk>/build/questions/new/",
        views_builder.question_add,
        name="question_add",
    ),
    path(
        "engagement/<int:pk>/build/questions/<int:question_id>/",
        views_builder.question_edit,
        name="question_edit",
    ),
    path(
        "engagement/<int:pk>/build/questions/<int:question_id>/move/",
        views_builder.question_move,
        name="question_move",
    ),
    path(
        "engagement/<int:pk>/build/questions/<int:question_id>/remove/",
        views_builder.question_remove,
        name="question_remove",
    ),
    path(
        "engagement/<int:pk>/build/languages/<str:language>/",
        views_translation.consultation_translate,
        name="consultation_translate",
    ),
    path(
        "engagement/<int:pk>/publish/",
        views_builder.consultation_publish,
        name="consultation_publish",
    ),
    path("engagement/<int:pk>/event-notes/", views_events.event_notes, name="event_notes"),
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

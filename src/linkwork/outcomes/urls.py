from django.urls import path

from linkwork.outcomes import self_completion, views

app_name = "outcomes"
urlpatterns = [
    path("outcomes/", views.instrument_list, name="instrument_list"),
    path("outcomes/licences/", views.licence_notes, name="licence_notes"),
    path("outcomes/instruments/<str:code>/", views.instrument_detail, name="instrument_detail"),
    path("outcomes/people/<int:person_id>/", views.person_outcomes, name="person_outcomes"),
    path(
        "outcomes/people/<int:person_id>/record/<str:code>/",
        views.administer,
        name="administer",
    ),
    path("outcomes/people/<int:person_id>/link/", views.self_link_new, name="self_link_new"),
    path("outcomes/results/<int:pk>/", views.administration_detail, name="administration_detail"),
    path("questionnaire/<str:token>/", self_completion.self_complete, name="self_complete"),
]

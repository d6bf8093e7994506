from django.urls import path

from linkwork.directory.views import editorial, moderation, my_list, public, widget

app_name = "directory"
urlpatterns = [
    path("services/", public.search_page, name="search"),
    path("services/<uuid:service_id>/", public.service_detail, name="service"),
    path("services/<uuid:service_id>/report/", public.report_problem, name="report_problem"),
    path("organisations/<uuid:organisation_id>/", public.organisation_detail, name="organisation"),
    path("my-list/", my_list.my_list, name="my_list"),
    path("my-list/add/<uuid:service_id>/", my_list.add, name="my_list_add"),
    path("my-list/remove/<uuid:service_id>/", my_list.remove, name="my_list_remove"),
    path("my-list/print/", my_list.print_view, name="my_list_print"),
    path("my-list/pdf/", my_list.pdf, name="my_list_pdf"),
    path("my-list/share/", my_list.share, name="my_list_share"),
    path("my-list/shared/", my_list.share_done, name="my_list_shared_done"),
    path("my-list/shared/<str:token>/", my_list.shared, name="my_list_shared"),
    path("widget/", widget.widget_builder, name="widget_builder"),
    path("widget/services/", widget.widget, name="widget"),
    # editorial workflow (signed in)
    path("directory/editor/", editorial.dashboard, name="editor_dashboard"),
    path("directory/organisations/<uuid:organisation_id>/claim/", editorial.claim, name="claim"),
    path(
        "directory/organisations/<uuid:organisation_id>/edit/",
        editorial.edit_organisation,
        name="edit_organisation",
    ),
    path(
        "directory/services/new/<uuid:organisation_id>/", editorial.new_service, name="new_service"
    ),
    path("directory/services/<uuid:service_id>/edit/", editorial.edit_service, name="edit_service"),
    path("directory/services/<uuid:service_id>/times/", editorial.edit_times, name="edit_times"),
    path(
        "directory/services/<uuid:service_id>/location/",
        editorial.edit_location,
        name="edit_location",
    ),
    path(
        "directory/services/<uuid:service_id>/contacts/",
        editorial.edit_contacts,
        name="edit_contacts",
    ),
    path(
        "directory/services/<uuid:service_id>/translations/",
        editorial.edit_service_translations,
        name="edit_service_translations",
    ),
    path(
        "directory/organisations/<uuid:organisation_id>/translations/",
        editorial.edit_organisation_translations,
        name="edit_organisation_translations",
    ),
    path(
        "directory/services/<uuid:service_id>/confirm/",
        editorial.confirm_accurate,
        name="confirm_accurate",
    ),
    path("directory/services/<uuid:service_id>/history/", editorial.history, name="history"),
    path("directory/moderation/", moderation.queue, name="moderation_queue"),
    path(
        "directory/moderation/changes/<int:change_id>/",
        moderation.review_change,
        name="review_change",
    ),
    path(
        "directory/moderation/claims/<int:claim_id>/", moderation.review_claim, name="review_claim"
    ),
    path(
        "directory/moderation/problems/<int:report_id>/",
        moderation.resolve_problem,
        name="resolve_problem",
    ),
    path(
        "directory/moderation/duplicates/<int:flag_id>/",
        moderation.review_duplicate,
        name="review_duplicate",
    ),
]

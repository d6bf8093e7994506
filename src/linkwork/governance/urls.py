from django.urls import URLPattern, URLResolver, path

from linkwork.core import policy
from linkwork.governance import views

app_name = "governance"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("audit/", views.audit_search, name="audit_search"),
    path("audit/extract.csv", views.audit_export, name="audit_export"),
    path("people/<int:person_id>/access/", views.person_access, name="person_access"),
    path("unusual-access/", views.unusual_access, name="unusual_access"),
]
urlpatterns += [
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/new/", views.agreement_edit, name="agreement_create"),
    path("agreements/<int:pk>/", views.agreement_edit, name="agreement_edit"),
    path("agreements/<int:pk>/document/", views.agreement_document, name="agreement_document"),
]
urlpatterns += [
    path("processing/", views.processing_record, name="processing_record"),
]
urlpatterns += [
    path("people/<int:person_id>/subject-access/", views.subject_access, name="subject_access"),
    path(
        "people/<int:person_id>/corrections/", views.person_corrections, name="person_corrections"
    ),
]

policy.declare_view_actions(app_name, urlpatterns)  # read off each view's @requires(action)

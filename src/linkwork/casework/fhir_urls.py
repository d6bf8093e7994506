"""FHIR R4 interactions under /fhir/. Anything else under /fhir/ answers an OperationOutcome."""

from django.urls import path, re_path

from linkwork.casework import fhir_views as v

app_name = "fhir"
urlpatterns = [
    path("metadata", v.metadata, name="metadata"),
    path("ServiceRequest", v.service_requests, name="service_request"),
    path("ServiceRequest/<str:pk>", v.service_request_read, name="service_request_read"),
    path(
        "ServiceRequest/<str:pk>/_history/<str:version>",
        v.service_request_read,
        name="service_request_vread",
    ),
    path("Task", v.task_search, name="task_search"),
    path("Task/<str:pk>", v.task_read, name="task"),
    path("Communication", v.communication_search, name="communication_search"),
    path("Communication/<str:pk>", v.communication_read, name="communication"),
    path("Patient/<str:pk>", v.patient_read, name="patient"),
    path("Organization/<str:pk>", v.organization_read, name="organization"),
    re_path(r"^(?P<path>.*)$", v.unknown, name="unknown"),
]

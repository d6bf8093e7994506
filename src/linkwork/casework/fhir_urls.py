"""FHIR R4 endpoints under /fhir/."""

from django.urls import path

from linkwork.casework import fhir_views

app_name = "fhir"
urlpatterns = [
    path("metadata", fhir_views.metadata, name="metadata"),
    path("ServiceRequest", fhir_views.service_request_create, name="service_request"),
    path("Task", fhir_views.task_search, name="task_search"),
    path("Task/<int:pk>", fhir_views.task_read, name="task"),
    path("Communication/discharge-<int:pk>", fhir_views.communication_read, name="communication"),
]

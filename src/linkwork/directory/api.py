"""The directory endpoints of the application API (/api/v1/directory): editors' changes.

The same rules as the forms: an editor may change only records of organisations their
account owns; non-moderators' changes wait for a moderator.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from pydantic import BaseModel, ConfigDict

from linkwork.core.api_auth import staff_auth
from linkwork.directory import editing, services
from linkwork.directory.editorial_forms import OrganizationForm, ServiceForm
from linkwork.directory.models import Organization, Service
from linkwork.directory.permissions import can_edit

router = Router(tags=["directory"])


class ChangeIn(BaseModel):
    """The fields to change, named as in the editing forms (name, summary, status, ...)."""

    model_config = ConfigDict(extra="allow")


class ChangeOut(Schema):
    applied: bool
    change_request_id: int | None = None


def _submit(
    request: HttpRequest,
    form_class: Any,
    object_type: str,
    org: Organization,
    record: Any,
    body: dict[str, Any],
) -> ChangeOut:
    from django.core.exceptions import ValidationError

    if not can_edit(request.user, org):
        raise PermissionDenied("You cannot change this organisation's information.")
    original = editing.snapshot(object_type, record)
    initial = form_class.initial_from(original) if hasattr(form_class, "initial_from") else original
    data = {**initial, **body}
    form = form_class(data)
    if not form.is_valid():
        raise ValidationError({k: [str(e) for e in v] for k, v in form.errors.items()})
    applied, result = services.propose_change(
        user=request.user,
        object_type=object_type,
        organization=org,
        proposed=form.values(),
        original=original,
        object_id=record.id,
    )
    return ChangeOut(
        applied=applied, change_request_id=None if applied or result is None else result.id
    )


def _fields(body: ChangeIn) -> dict[str, Any]:
    return {**body.model_dump(), **(body.model_extra or {})}


@router.patch(
    "/services/{service_id}", response=ChangeOut, auth=staff_auth, summary="Change a service"
)
def change_service(request: HttpRequest, service_id: uuid.UUID, body: ChangeIn) -> ChangeOut:
    service = get_object_or_404(Service.objects.select_related("organization"), id=service_id)
    if service.organization is None:  # nobody's to change: no editor owns it
        raise PermissionDenied("That record does not belong to an organisation.")
    return _submit(request, ServiceForm, "service", service.organization, service, _fields(body))


@router.patch(
    "/organizations/{organization_id}",
    response=ChangeOut,
    auth=staff_auth,
    summary="Change an organisation",
)
def change_organization(
    request: HttpRequest, organization_id: uuid.UUID, body: ChangeIn
) -> ChangeOut:
    org = get_object_or_404(Organization, id=organization_id)
    return _submit(request, OrganizationForm, "organization", org, org, _fields(body))

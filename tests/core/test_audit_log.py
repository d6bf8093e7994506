from __future__ import annotations

import pytest
from django.contrib.admin.sites import site

from linkwork.core import audit
from linkwork.core.models import AuditEntry, Organisation, User
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db


def test_record_names_the_record_by_type_and_id_and_the_actor():
    user = make_user("link_worker")
    org = OrganisationFactory()
    entry = audit.record(audit.Action.VIEW, org, actor=user)
    assert entry.object_type == "core.organisation"
    assert entry.object_id == str(org.pk)
    assert entry.actor_username == user.username


def test_audit_entries_cannot_be_edited_or_deleted():
    entry = audit.record(audit.Action.CREATE, Organisation, 1)
    entry.action = "delete"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(action="view")
    assert AuditEntry.objects.get(pk=entry.pk).action == "create"


def test_detail_refuses_keys_that_could_hold_personal_data():
    with pytest.raises(ValueError, match="personal data"):
        audit.record(audit.Action.UPDATE, Organisation, 1, detail={"name": "Jane Smith"})
    assert not AuditEntry.objects.exists()


def test_admin_cannot_add_change_or_delete_audit_entries(rf):
    admin_user = make_user("admin", is_staff=True, is_superuser=True)
    request = rf.get("/")
    request.user = admin_user
    model_admin = site._registry[AuditEntry]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_request_id_is_generated_by_the_server_and_the_clients_kept_beside_it(client):
    user = make_user("dpo", organisations=(OrganisationFactory(),))
    client.force_login(user)
    response = client.get("/governance/audit/", HTTP_X_REQUEST_ID="req-123")
    assert response.status_code == 200
    server_id = response["X-Request-ID"]
    assert server_id != "req-123" and len(server_id) == 32
    entry = AuditEntry.objects.get(action="view", request_id=server_id)
    assert entry.client_request_id == "req-123"


def test_a_client_cannot_reuse_a_request_id_to_merge_its_requests(client):
    make_user("dpo", username="dpo1", organisations=(OrganisationFactory(),))
    client.force_login(User.objects.get(username="dpo1"))
    first = client.get("/governance/audit/", HTTP_X_REQUEST_ID="same")["X-Request-ID"]
    second = client.get("/governance/audit/", HTTP_X_REQUEST_ID="same")["X-Request-ID"]
    assert first != second


def test_unsafe_request_id_is_not_kept(client):
    make_user("dpo", username="dpo2", organisations=(OrganisationFactory(),))
    client.force_login(User.objects.get(username="dpo2"))
    response = client.get("/governance/audit/", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>"
    entry = AuditEntry.objects.get(action="view", request_id=response["X-Request-ID"])
    assert entry.client_request_id == ""


def test_sign_in_and_failed_sign_in_are_audited(client):
    make_user(username="sam", password="correct-horse-battery")
    client.post("/accounts/login/", {"username": "sam", "password": "nope"})
    client.post("/accounts/login/", {"username": "sam", "password": "correct-horse-battery"})
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert "login_failed" in actions and "login" in actions
    failed = AuditEntry.objects.get(action="login_failed")
    # Issue 10 finding 3: a failure names the username tried and where it came from.
    assert failed.detail == {"username": "sam", "source": "127.0.0.1"} and failed.actor is None

"""Issue 10, finding 14: schemathesis against /api/v1 (with a token of each role) and the HSDS
API, in process (WSGI, no network), with a fixed seed and few examples per operation.

Every answer must be documented: no server error, a documented status code and content type,
and a body that matches its schema (errors as application/problem+json)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from linkwork.wsgi import application
from tests.core.factories import OrganisationFactory, make_user

pytestmark = [pytest.mark.django_db]

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Bounded so the whole module takes a few minutes on one core: every operation is still called
# with generated (valid and invalid) input by every role.
FUZZ = settings(
    max_examples=3,
    derandomize=True,  # the same examples every run
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Calls go straight to the WSGI handler, whose request signals would close the database
    connection holding the test's transaction; Django's own test client disconnects them too."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _call(case, **kwargs):
    """One request in its own savepoint, as each real request has its own transaction (a
    refused statement on PostgreSQL must not poison the calls after it)."""
    with transaction.atomic():
        return case.call_and_validate(checks=CHECKS, **kwargs)


@pytest.fixture
def role_tokens() -> dict[str, str]:
    """A bearer token for one member of staff in each role, in a practice and a programme."""
    programme = OrganisationFactory(kind="programme")
    practice = OrganisationFactory(kind="gp_practice", programme=programme)
    community = OrganisationFactory(kind="community", programme=programme)
    homes = {
        Role.LINK_WORKER: (practice,),
        Role.PRACTICE_STAFF: (practice,),
        Role.COMMUNITY_EDITOR: (community,),
        Role.PROGRAMME_MANAGER: (programme,),
        Role.ANALYST: (programme,),
        Role.DPO: (programme,),
        Role.ADMIN: (),
    }
    tokens = {}
    for role, organisations in homes.items():
        user = make_user(role, username=f"fuzz-{role}", organisations=organisations)
        tokens[str(role)] = create_token(user=user, name="schemathesis")[1]
    return tokens


# Loaded through the app itself (the documents need no database).
api_v1 = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
hsds = schemathesis.openapi.from_wsgi("/api/hsds/openapi.json", application)


@api_v1.parametrize()
@FUZZ
def test_api_v1_answers_every_role_as_documented(case, role_tokens):
    for token in role_tokens.values():
        _call(case, headers={"Authorization": f"Bearer {token}"})


@api_v1.parametrize()
@FUZZ
def test_api_v1_answers_strangers_as_documented(case):
    _call(case)


@hsds.parametrize()
@FUZZ
def test_hsds_api_answers_as_documented(case):
    _call(case)

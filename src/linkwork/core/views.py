from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from linkwork.core.context_processors import nav_items_for
from linkwork.core.forms import LoginForm
from linkwork.core.permissions import require_role
from linkwork.core.roles import ROLE_LABELS, Role


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    roles = [ROLE_LABELS[r] for r in Role if r.value in user.role_names()]  # type: ignore[union-attr]
    return render(request, "core/dashboard.html", {"roles": roles, "links": nav_items_for(user)})


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers and every migration is applied; 503 otherwise."""
    status = {"database": "ok", "migrations": "ok"}
    code = 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            status["migrations"] = "pending"
            code = 503
    except Exception as exc:  # any failure to reach the database is reported, not raised
        status["database"] = f"error: {exc.__class__.__name__}"
        code = 503
    status["status"] = "ok" if code == 200 else "unavailable"
    return JsonResponse(status, status=code)


def about_data(request: HttpRequest) -> HttpResponse:
    from linkwork.places.pack import ATTRIBUTION

    return render(request, "core/about_data.html", {"attribution": ATTRIBUTION})


@require_role(Role.DPO)
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit log lives with the DPO's tools, scoped to the DPO's organisations."""
    return redirect("governance:audit_search")


class LoginView(auth_views.LoginView):
    authentication_form = LoginForm

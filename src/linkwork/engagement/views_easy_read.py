"""The Easy Read response form: the same form, checks and service as the standard one, shown
with short lines, large type and a picture beside each question."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from linkwork.core.permissions import require_action
from linkwork.engagement import policy as actions
from linkwork.engagement.views_public import answer


@never_cache
@require_action(actions.RESPOND)
@require_http_methods(["GET", "POST"])
def respond_easy_read(request: HttpRequest, slug: str, token: str = "") -> HttpResponse:
    return answer(request, slug, token, easy_read=True)

"""Browser tests: Playwright drives Debian's Chromium headless; axe checks every page visited."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls made by test set-up
# are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("LINKWORK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium not found at {CHROMIUM}: CI must run the browser tests.")
        pytest.skip(f"Chromium not found at {CHROMIUM}; install it to run browser tests (CI fails)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class CheckedPage:
    """A page that runs axe after every navigation we ask for, failing on serious violations."""

    def __init__(self, page: Any, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.checked: list[str] = []

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.base_url + path)
        self.check_accessibility()
        return response

    def check_accessibility(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.page.wait_for_load_state("load")
        results = Axe().run(self.page)
        serious = [
            v for v in results.response["violations"] if v.get("impact") in {"serious", "critical"}
        ]
        self.checked.append(self.page.url)
        assert not serious, f"axe found serious violations on {self.page.url}:\n" + "\n".join(
            f"- {v['id']}: {v['help']} ({len(v['nodes'])} nodes: "
            f"{[n['target'] for n in v['nodes'][:3]]})"
            for v in serious
        )


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[CheckedPage]:
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.route("http*://*/**", _block_external(live_server.url))
    pg = context.new_page()
    yield CheckedPage(pg, live_server.url)
    context.close()


def _block_external(base: str) -> Any:
    """No network in tests: anything not served by the test server (map tiles) is refused."""

    def handler(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            route.abort()

    return handler


def tick(scope: Any, label: str) -> None:
    """Tick a design-system checkbox or radio the way a person does: by clicking its visible
    label (the design system draws the label over the real input, so clicking the input itself
    is unreliable), then make sure it took."""
    field = scope.get_by_label(label)
    field_id = field.get_attribute("id")
    scope.locator(f'label[for="{field_id}"]').click()
    assert field.is_checked(), f"{label!r} did not get ticked"


def sign_in(page: CheckedPage, username: str, password: str = "correct-horse-battery") -> None:  # noqa: S107
    """Sign in as a person does: username and password, then the 6-digit code from their
    authenticator app. The test user's app holds the published demo secret, so the code is
    the one `linkwork demo-code` prints. axe checks the sign-in and code pages."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from linkwork.core import two_factor
    from linkwork.core.models import User

    device = two_factor.give_demo_device(User.objects.get(username=username))
    # The same person may sign in twice within one 30-second step in a test: allow the code again.
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    p = page.page
    if p.get_by_role("button", name="Sign out").count():
        p.get_by_role("button", name="Sign out").first.click()
        p.wait_for_load_state("load")
    page.goto("/accounts/login/")
    p.get_by_label("Username").fill(username)
    p.get_by_label("Password").fill(password)
    p.get_by_role("button", name="Sign in").click()
    p.wait_for_url("**/accounts/two-factor/**")
    page.check_accessibility()
    p.get_by_label("Security code").fill(two_factor.current_code())
    p.get_by_role("button", name="Continue").click()
    p.wait_for_load_state("load")

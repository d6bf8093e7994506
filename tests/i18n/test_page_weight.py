"""Low bandwidth: every public page, with the CSS, JavaScript and images it loads, transfers
under 150 KB compressed, as production serves it (WhiteNoise's Brotli files for static assets,
HTML compressed by the proxy with gzip), without map tiles (they come from the tile server
only when a map is shown, and never in tests). Pages work without JavaScript: every public
page's main action is a plain link or form."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from tests.i18n.pages import fetch, public_world

pytestmark = pytest.mark.django_db

BUDGET = 150 * 1024
ASSET = re.compile(
    r'<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src|img[^>]+src|use[^>]+href)="([^"#]+)'
)


def _static_file(url: str) -> Path:
    assert url.startswith(settings.STATIC_URL), url
    found = finders.find(url.removeprefix(settings.STATIC_URL))
    assert found, f"{url} is not a static file"
    return Path(str(found))


#: What an asset loads in turn: JavaScript modules it imports, files its CSS points at.
IMPORTS = re.compile(r'import\s[^"\']*["\']([^"\']+\.js)["\']|url\(["\']?(?!data:)([^"\')]+)')


def page_weight(html: str) -> dict[str, int]:
    """Bytes on the wire for the page and each asset it loads, directly or through module
    imports and CSS url()s (each once)."""
    sizes = {"(html, gzip)": len(gzip.compress(html.encode(), compresslevel=6))}
    queue = [url for url in dict.fromkeys(ASSET.findall(html)) if url.startswith("/")]
    while queue:
        url = queue.pop()
        if url in sizes:
            continue
        body = _static_file(url).read_bytes()
        sizes[url] = min(len(body), len(brotli.compress(body)))
        if url.endswith((".js", ".css")):
            for imported in IMPORTS.findall(body.decode("utf-8", "replace")):
                target = urljoin(url, imported[0] or imported[1])
                queue.append(urlsplit(target).path)
    return sizes


@pytest.mark.parametrize("language", ["en-GB", "ar", "zh-hans"])
def test_every_public_page_is_under_150_kb_compressed(language: str) -> None:
    heavy = {}
    for page in public_world():
        sizes = page_weight(fetch(Client(), page, language))
        total = sum(sizes.values())
        if total >= BUDGET:
            heavy[page.name] = (total, sizes)
    assert not heavy, heavy


def test_page_weight_counts_what_the_scripts_import() -> None:
    html = '<script type="module" src="/static/linkwork/js/init.js"></script>'
    assert "/static/vendor/sgds/scripts/design-system.js" in page_weight(html)


def test_public_pages_need_no_javascript_for_their_forms() -> None:
    """Every form on a public page submits with a real button to a real URL (no JS-only
    controls)."""
    for page in public_world():
        html = fetch(Client(), page, "en-GB")
        for form in re.findall(r"<form\b[^>]*>.*?</form>", html, flags=re.S):
            assert re.search(r'<button[^>]*type="submit"|<input[^>]*type="submit"', form), (
                page.name,
                form[:200],
            )

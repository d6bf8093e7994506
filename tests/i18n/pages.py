"""The public pages, with just enough data to show every part of them, for the language,
readability and page-weight tests. One list, so a public page added here is checked by all."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.test import Client
from django.utils import timezone

from linkwork.core.roles import Role
from linkwork.engagement.models import Story
from tests.casework.factories import PracticeFactory
from tests.core.factories import OrganisationFactory, make_user
from tests.directory import factories as f
from tests.engagement.factories import ConsultationFactory, with_questions


@dataclass(frozen=True)
class PublicPage:
    name: str
    url: str
    status: int = 200
    post: dict[str, str] | None = None


def public_world() -> list[PublicPage]:
    """Build a service, its organisation, a consultation, a story and a practice with a link
    worker, and return every public page that shows them."""
    org = f.OrganizationFactory(name="Perth Community Trust", description="We run walks.")
    walk = f.ServiceFactory(
        name="Perth Strollers",
        organization=org,
        summary="A gentle walk every Tuesday",
        categories=["physical-activity"],
        access="drop_in",
        is_free=True,
        email="walks@example.org",
        url="https://example.org/walks",
    )
    sat = f.place_service(walk, "PH2 8BX")
    f.accessible(sat.location, "step_free")
    f.open_on(walk, "TU,TH", "10:00", "11:30")
    f.speak(walk, "pl", "Polish")
    walk.phones.create(number="01738 123456")
    f.postcode("PH1 5PH")
    consultation = ConsultationFactory(slug="have-your-say", title="Tell us about groups near you")
    with_questions(consultation)
    Story.objects.create(
        organisation=OrganisationFactory(),
        title="A warm space",
        slug="warm-space",
        summary="A hall opened its doors",
        body="Every Tuesday people meet for soup.",
        status=Story.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    practice = PracticeFactory(name="Riverside Medical Practice")
    make_user(Role.LINK_WORKER, organisations=(practice,))
    return [
        PublicPage("home", "/"),
        PublicPage("search", "/services/"),
        PublicPage("results", "/services/?category=physical-activity"),
        PublicPage("no results", "/services/?q=zzzqqq"),
        PublicPage("service", f"/services/{walk.id}/"),
        PublicPage("report a problem", f"/services/{walk.id}/report/"),
        PublicPage("organisation", f"/organisations/{org.id}/"),
        PublicPage("my list (empty)", "/my-list/"),
        PublicPage("my list", "/my-list/", post={"add": str(walk.id)}),
        PublicPage("my list print", "/my-list/print/", post={"add": str(walk.id)}),
        PublicPage("my list expired", "/my-list/shared/not-a-real-token/", status=404),
        PublicPage("widget builder", "/widget/"),
        PublicPage("widget", "/widget/services/?category=physical-activity"),
        PublicPage("self-referral", "/ask-for-a-link-worker/"),
        PublicPage("self-referral sent", "/ask-for-a-link-worker/thank-you/"),
        PublicPage("self-referral easy read", "/ask-for-a-link-worker/easy-read/"),
        PublicPage("consultation", "/consultations/have-your-say/"),
        PublicPage("consultation easy read", "/consultations/have-your-say/easy-read/"),
        PublicPage("consultation thanks", "/consultations/have-your-say/thanks/"),
        PublicPage("stories", "/stories/"),
        PublicPage("story", "/stories/warm-space/"),
        PublicPage("share a story", "/stories/share/"),
        PublicPage("story shared", "/stories/share/thanks/"),
        PublicPage("about the data", "/about-the-data/"),
        PublicPage("sign in", "/accounts/login/"),
        PublicPage("forgotten password", "/accounts/password_reset/"),
        PublicPage("reset link sent", "/accounts/password_reset/done/"),
        PublicPage("not found", "/no-such-page/", status=404),
    ]


def fetch(client: Client, page: PublicPage, language: str) -> str:
    """The page as a browser whose first language is `language` sees it."""
    if page.post is not None:
        client.post(f"/my-list/add/{page.post['add']}/", HTTP_ACCEPT_LANGUAGE=language)
    response = client.get(page.url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == page.status, (page.name, response.status_code)
    return response.content.decode()


class _VisibleText(HTMLParser):
    """Text a reader sees (not scripts, styles or the language names, which are in their own
    languages on purpose), one entry per text node, plus alt/aria-label/placeholder/title."""

    SKIP = {"script", "style", "template", "noscript", "title"}

    def __init__(self, *, options: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        if not options:
            self.SKIP = {*self.SKIP, "option"}
        self.texts: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        own_language = "lang" in values and tag in {"button", "span", "a", "option", "ul"}
        if tag in self.SKIP or own_language:
            self._skip.append(tag)
        for name in ("alt", "aria-label", "placeholder", "title"):
            if values.get(name):
                self.texts.append(values[name] or "")
        if tag == "input" and values.get("type") in {"submit", "button"} and values.get("value"):
            self.texts.append(values["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            text = " ".join(data.split())
            if text:
                self.texts.append(text)


def visible_texts(page_html: str, *, options: bool = True) -> list[str]:
    """The page's visible text; `options=False` leaves out drop-down list choices."""
    parser = _VisibleText(options=options)
    parser.feed(page_html)
    return parser.texts


def main_text(page_html: str) -> str:
    """The page's own words (inside <main>), as one block of sentences for readability."""
    match = re.search(r"<main\b.*?</main>", page_html, flags=re.S)
    return html.unescape(" \n".join(visible_texts(match.group(0) if match else page_html)))

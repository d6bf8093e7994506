"""Public pages: search, service, organisation, report a problem, My list, widget."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from linkwork.directory.models import ProblemReport, SharedList
from tests.directory import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def walk() -> object:
    s = f.ServiceFactory(
        name="Perth Strollers",
        summary="A gentle walk every Tuesday",
        categories=["physical-activity"],
        access="drop_in",
        is_free=True,
        email="walks@example.org",
        url="https://example.org/walks",
    )
    sat = f.place_service(s, "PH2 8BX")
    f.accessible(sat.location, "step_free")
    f.open_on(s, "TU,TH", "10:00", "11:30")
    s.phones.create(number="01738 123456")
    return s


def test_search_by_postcode_and_category(client: Client, walk: object) -> None:
    f.postcode("PH1 5PH")
    far = f.ServiceFactory(name="Dumfries walkers", categories=["physical-activity"])
    f.place_service(far, "DG1 2BD")
    response = client.get(
        "/services/", {"postcode": "ph1 5ph", "distance": "5", "category": "physical-activity"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Perth Strollers" in html and "Dumfries walkers" not in html
    assert "km" in html and "Physical activity" in html and "Drop in" in html
    assert 'id="map-data"' in html


def test_invalid_postcode_is_a_form_error_not_a_500(client: Client) -> None:
    response = client.get("/services/", {"postcode": "NOT A CODE"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "ds_error-summary" in html and 'href="#id_postcode"' in html
    f.postcode("PH1 5PH")
    unknown = client.get("/services/", {"postcode": "AB10 9ZZ"}).content.decode()
    assert "ds_error-summary" in unknown and "AB10 9ZZ" in unknown
    # a postcode we do not list, in a district we know: searched near it, and said so
    near = client.get("/services/", {"q": "walk", "postcode": "PH1 9ZZ"}).content.decode()
    assert "We do not know the postcode PH1 9ZZ exactly: showing what is near PH1." in near


def test_search_without_javascript_lists_results(client: Client, walk: object) -> None:
    html = client.get("/services/", {"q": "walk"}).content.decode()
    assert "Perth Strollers" in html and "Add Perth Strollers to my list" in html


def test_service_page_has_what_a_person_needs(client: Client, walk: object) -> None:
    html = client.get(f"/services/{walk.id}/").content.decode()
    for text in (
        "Perth Strollers",
        "Tuesdays and Thursdays, 10am to 11:30am",
        "01738 123456",
        "walks@example.org",
        "https://example.org/walks",
        "Step-free access",
        "Free",
        "PH2 8BX",
        "This information has not been checked yet.",
        "Report a problem with this information",
    ):
        assert text in html, text


def test_stale_flag_after_twelve_months(client: Client, walk: object) -> None:
    walk.last_reviewed_at = timezone.now() - timedelta(days=400)
    walk.save()
    html = client.get(f"/services/{walk.id}/").content.decode()
    assert "more than 13 months ago" in html and "app-checked--stale" in html
    walk.last_reviewed_at = timezone.now() - timedelta(days=10)
    walk.save()
    assert "app-checked--stale" not in client.get(f"/services/{walk.id}/").content.decode()


def test_organisation_page(client: Client, walk: object) -> None:
    html = client.get(f"/organisations/{walk.organization_id}/").content.decode()
    assert walk.organization.name in html and "Perth Strollers" in html


def test_unknown_service_is_404(client: Client) -> None:
    assert client.get("/services/00000000-0000-4000-8000-000000000000/").status_code == 404


def test_report_a_problem_reaches_editors(client: Client, walk: object) -> None:
    url = f"/services/{walk.id}/report/"
    assert client.post(url, {"what": "times", "message": ""}).status_code == 200
    response = client.post(url, {"what": "times", "message": "It moved to Wednesdays"})
    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert report.service == walk and report.organization == walk.organization


def test_my_list_add_remove_print_pdf_share(client: Client, walk: object) -> None:
    other = f.ServiceFactory(name="Chatterbox cafe")
    client.post(f"/my-list/add/{walk.id}/", {"next": "/services/?q=walk"})
    client.post(f"/my-list/add/{other.id}/", {"next": "https://evil.example/"})
    html = client.get("/my-list/").content.decode()
    assert "Perth Strollers" in html and "Chatterbox cafe" in html
    printed = client.get("/my-list/print/").content.decode()
    # The print styles come from a static file (the CSP allows no inline style).
    assert "directory/css/print.css" in printed and "Tuesdays and Thursdays" in printed
    pdf = client.get("/my-list/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    client.post(f"/my-list/remove/{other.id}/")
    assert "Chatterbox cafe" not in client.get("/my-list/").content.decode()
    client.post("/my-list/share/")
    shared = SharedList.objects.get()
    assert len(shared.token) >= 32 and shared.service_ids == [str(walk.id)]
    anonymous = Client()
    assert "Perth Strollers" in anonymous.get(f"/my-list/shared/{shared.token}/").content.decode()
    shared.expires_at = timezone.now() - timedelta(seconds=1)
    shared.save()
    assert anonymous.get(f"/my-list/shared/{shared.token}/").status_code == 410
    assert anonymous.get("/my-list/shared/guess/").status_code == 404


def test_redirects_stay_on_site(client: Client, walk: object) -> None:
    response = client.post(f"/my-list/add/{walk.id}/", {"next": "https://evil.example/"})
    assert response["Location"] == "/my-list/"


def test_widget_can_be_framed_and_filters(client: Client, walk: object) -> None:
    f.ServiceFactory(name="Food larder", categories=["food"])
    response = client.get(
        "/widget/services/", {"category": "physical-activity", "area": "S12000048"}
    )
    html = response.content.decode()
    assert "X-Frame-Options" not in response
    assert "Perth Strollers" in html and "Food larder" not in html
    builder = client.get("/widget/", {"category": "food", "area": ""}).content.decode()
    assert "&lt;iframe" in builder and "/widget/services/?category=food" in builder

"""No personal data to a partner without a current agreement for the purpose AND consent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from linkwork.core.models import AuditEntry
from linkwork.governance.agreements import expiring_soon, may_share_with
from linkwork.governance.models import DataSharingAgreement, SharingPurpose
from tests.casework.factories import CommunityOrgFactory, PersonFactory, PracticeFactory
from tests.core.factories import OrganisationFactory, make_user
from tests.governance.factories import AgreementFactory, dpo_of, give_consent

pytestmark = pytest.mark.django_db
REFERRAL = SharingPurpose.REFERRAL
today = timezone.localdate


def _shared():
    partner = CommunityOrgFactory()
    person = PersonFactory()
    AgreementFactory(partner=partner, parties=[person.gp_practice])
    give_consent(person, partner)
    return partner, person


def test_sharing_is_allowed_with_a_current_agreement_and_consent():
    partner, person = _shared()
    assert may_share_with(partner, person, REFERRAL)
    assert may_share_with(partner.pk, person, "referral")


def test_no_agreement_means_no_sharing_even_with_consent():
    partner, person = CommunityOrgFactory(), PersonFactory()
    give_consent(person, partner)
    assert not may_share_with(partner, person, REFERRAL)


def test_no_consent_or_withdrawn_consent_means_no_sharing():
    partner, person = _shared()
    other = PersonFactory(gp_practice=person.gp_practice)
    assert not may_share_with(partner, other, REFERRAL)
    give_consent(person, None, decision="withdrawn")
    assert not may_share_with(partner, person, REFERRAL)


def test_consent_for_another_partner_does_not_count():
    _partner, person = _shared()
    stranger = CommunityOrgFactory()
    AgreementFactory(partner=stranger)
    assert not may_share_with(stranger, person, REFERRAL)


@pytest.mark.parametrize(
    "change",
    [
        {"status": DataSharingAgreement.Status.DRAFT},
        {"status": DataSharingAgreement.Status.SUSPENDED},
        {"status": DataSharingAgreement.Status.ENDED},
        {"ends_on": dt.date(2000, 1, 1), "starts_on": dt.date(1999, 1, 1)},
        {"starts_on": dt.date(2999, 1, 1), "ends_on": dt.date(2999, 12, 1)},
        {"purposes": [SharingPurpose.OUTCOMES.value]},
    ],
)
def test_an_agreement_not_in_force_or_for_another_purpose_does_not_count(change):
    partner, person = _shared()
    DataSharingAgreement.objects.filter(partner=partner).update(**change)
    assert not may_share_with(partner, person, REFERRAL)


def test_an_agreement_naming_other_parties_does_not_cover_this_persons_practice():
    partner, person = CommunityOrgFactory(), PersonFactory()
    AgreementFactory(partner=partner, parties=[PracticeFactory()])
    give_consent(person, partner)
    assert not may_share_with(partner, person, REFERRAL)


def test_a_programme_party_covers_its_member_practices():
    programme = OrganisationFactory(kind="programme")
    practice = PracticeFactory(programme=programme)
    partner, person = CommunityOrgFactory(), PersonFactory(gp_practice=practice)
    AgreementFactory(partner=partner, parties=[programme])
    give_consent(person, partner)
    assert may_share_with(partner, person, REFERRAL)


def test_an_unknown_purpose_is_an_error_not_a_yes():
    partner, person = _shared()
    with pytest.raises(ValueError):
        may_share_with(partner, person, "marketing")


@override_settings(GOVERNANCE_AGREEMENT_WARNING_DAYS=30)
def test_agreements_ending_soon_are_flagged_on_the_dashboard(client):
    practice = PracticeFactory()
    soon = AgreementFactory(parties=[practice], ends_on=today() + dt.timedelta(days=10))
    AgreementFactory(parties=[practice], ends_on=today() + dt.timedelta(days=300))
    AgreementFactory(parties=[PracticeFactory()], ends_on=today() + dt.timedelta(days=5))
    dpo = dpo_of(practice)
    assert expiring_soon(dpo) == [soon]
    client.force_login(dpo)
    body = client.get(reverse("governance:dashboard")).content.decode()
    assert soon.title in body and "1 data-sharing agreement ends soon" in body
    listing = client.get(reverse("governance:agreement_list")).content.decode()
    assert "Ends soon" in listing


def _post(practice, partner, **extra):
    data = {
        "title": "Walking group DSA",
        "partner": partner.pk,
        "parties": [practice.pk],
        "purposes": ["referral", "follow_up"],
        "data_categories": ["identity", "contact"],
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "status": "active",
    }
    data.update(extra)
    return data


def test_a_dpo_records_an_agreement_with_its_signed_pdf(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    practice, partner = PracticeFactory(), CommunityOrgFactory()
    client.force_login(dpo_of(practice))
    pdf = SimpleUploadedFile("dsa.pdf", b"%PDF-1.4 signed", content_type="application/pdf")
    response = client.post(
        reverse("governance:agreement_create"), _post(practice, partner, document=pdf)
    )
    assert response.status_code == 302
    agreement = DataSharingAgreement.objects.get()
    assert agreement.purposes == ["referral", "follow_up"] and agreement.document
    assert AuditEntry.objects.filter(object_type="governance.datasharingagreement").exists()
    download = client.get(reverse("governance:agreement_document", args=[agreement.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_agreement_form_refuses_a_non_pdf_and_reversed_dates(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    practice, partner = PracticeFactory(), CommunityOrgFactory()
    client.force_login(dpo_of(practice))
    fake = SimpleUploadedFile("dsa.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("governance:agreement_create"),
        _post(practice, partner, document=fake, ends_on="2025-01-01"),
    )
    body = response.content.decode()
    assert response.status_code == 400 and "ds_error-summary" in body
    assert "must be a PDF" in body and "on or after the start date" in body
    assert not DataSharingAgreement.objects.exists()


def test_a_dpo_cannot_see_or_change_another_organisations_agreements(client):
    mine, theirs = PracticeFactory(), PracticeFactory()
    theirs_agreement = AgreementFactory(parties=[theirs])
    client.force_login(dpo_of(mine))
    assert (
        theirs_agreement.title
        not in client.get(reverse("governance:agreement_list")).content.decode()
    )
    edit = reverse("governance:agreement_edit", args=[theirs_agreement.pk])
    assert client.get(edit).status_code == 404
    response = client.post(
        reverse("governance:agreement_create"), _post(theirs, CommunityOrgFactory())
    )
    assert response.status_code == 400 and "ds_error-summary" in response.content.decode()
    assert DataSharingAgreement.objects.count() == 1


def test_other_roles_cannot_record_agreements(client):
    practice = PracticeFactory()
    client.force_login(make_user("link_worker", organisations=(practice,)))
    response = client.post(
        reverse("governance:agreement_create"), _post(practice, CommunityOrgFactory())
    )
    assert response.status_code == 403

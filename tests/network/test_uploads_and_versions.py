"""The resource library's files: type by content, refusals, version history, private serving,
search over the text of PDF and DOCX files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from linkwork.network import uploads
from linkwork.network.models import Resource
from linkwork.network.selectors import search_resources
from linkwork.network.services import resources as services
from tests.network.factories import (
    docx_bytes,
    exe_bytes,
    member,
    moderator,
    odt_bytes,
    pdf_bytes,
    xlsx_bytes,
    zip_bomb_bytes,
)

pytestmark = pytest.mark.django_db


def _check(data: bytes) -> uploads.CheckedFile:
    return uploads.check_upload(io.BytesIO(data))


@pytest.mark.parametrize(
    ("data", "file_type"),
    [(pdf_bytes(), "pdf"), (docx_bytes(), "docx"), (xlsx_bytes(), "xlsx"), (odt_bytes(), "odt")],
)
def test_each_allowed_type_is_recognised_by_its_content(data: bytes, file_type: str) -> None:
    assert _check(data).file_type == file_type


def test_a_text_file_is_refused_as_the_wrong_type() -> None:
    with pytest.raises(ValidationError) as caught:
        _check(b"just some words, named report.pdf")
    assert caught.value.code == "wrong_type"


def test_a_zip_that_is_not_an_office_document_is_refused() -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ValidationError) as caught:
        _check(out.getvalue())
    assert caught.value.code == "wrong_type"


def test_a_disguised_executable_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        _check(exe_bytes())
    assert caught.value.code == "executable"


def test_a_document_carrying_a_macro_is_refused() -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "wordprocessingml.document.main+xml")
        archive.writestr("word/vbaProject.bin", b"\x00" * 100)
    with pytest.raises(ValidationError) as caught:
        _check(out.getvalue())
    assert caught.value.code == "executable"


def test_a_zip_bomb_is_refused_before_anything_is_decompressed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zipfile

    def no_reading(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("an entry was decompressed before the bomb check")

    bomb = zip_bomb_bytes()
    assert len(bomb) < 1024 * 1024  # small on disk, 100 MB inside
    monkeypatch.setattr(zipfile.ZipFile, "read", no_reading)
    monkeypatch.setattr(zipfile.ZipFile, "open", no_reading)
    with pytest.raises(ValidationError) as caught:
        _check(bomb)
    assert caught.value.code == "zip_bomb"


def test_a_file_over_20_mb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 1000)
    with pytest.raises(ValidationError) as caught:
        _check(pdf_bytes("x" * 2000))
    assert caught.value.code == "too_large"
    with pytest.raises(ValidationError):
        uploads.check_upload(io.BytesIO(b"%PDF-"), size=1001)


def test_the_real_limit_is_20_mb() -> None:
    assert uploads.MAX_UPLOAD_BYTES == 20 * 1024 * 1024
    big = b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024)
    with pytest.raises(ValidationError):
        _check(big)


def _document(actor: object, data: bytes, name: str = "induction.pdf") -> Resource:
    return services.add_resource(
        actor=actor,  # type: ignore[arg-type]
        kind=Resource.Kind.DOCUMENT,
        title="Induction pack",
        summary="What a new link worker needs in their first weeks.",
        audience="link_workers",
        section="induction",
        upload=io.BytesIO(data),
        upload_name=name,
    )


def test_a_new_version_keeps_the_old_ones(_private_store: Path) -> None:
    manager = moderator()
    resource = _document(manager, pdf_bytes("first edition"))
    services.add_version(
        actor=manager,
        resource=resource,
        upload=io.BytesIO(docx_bytes("second edition with supervision")),
        upload_name="induction v2.docx",
        note="Added supervision",
    )
    versions = list(resource.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert [v.file_type for v in versions] == ["pdf", "docx"]
    assert all((_private_store / v.stored_path).exists() for v in versions)
    resource.refresh_from_db()
    assert "supervision" in resource.search_text  # search follows the current version
    assert versions[1].note == "Added supervision"


def test_files_are_stored_outside_the_media_root(settings: object, _private_store: Path) -> None:
    resource = _document(moderator(), pdf_bytes())
    version = resource.versions.get()
    media = Path(settings.MEDIA_ROOT).resolve()  # type: ignore[attr-defined]
    stored = (_private_store / version.stored_path).resolve()
    assert stored.exists() and media not in stored.parents


def test_a_member_cannot_add_a_version_to_someone_elses_resource() -> None:
    from django.core.exceptions import PermissionDenied

    resource = _document(moderator(), pdf_bytes())
    with pytest.raises(PermissionDenied):
        services.add_version(
            actor=member(), resource=resource, upload=io.BytesIO(pdf_bytes()), upload_name="x.pdf"
        )


def test_search_finds_words_inside_pdf_and_docx_files() -> None:
    manager = moderator()
    _document(manager, pdf_bytes("Befriending referrals in Orkney"))
    services.add_resource(
        actor=manager,
        kind=Resource.Kind.TEMPLATE,
        title="Practice agreement template",
        summary="Agree how the practice and link worker work together.",
        audience="practices",
        upload=io.BytesIO(docx_bytes("Confidentiality clause for huddles")),
        upload_name="agreement.docx",
    )
    reader = member()
    assert [r.title for r in search_resources(reader, text="orkney befriending")] == [
        "Induction pack"
    ]
    assert [r.title for r in search_resources(reader, text="HUDDLES")] == [
        "Practice agreement template"
    ]
    assert not search_resources(reader, text="orkney huddles").exists()


def test_a_members_suggestion_waits_for_a_moderator() -> None:
    suggested = _document(member(), pdf_bytes())
    assert suggested.status == Resource.Status.SUGGESTED
    assert not search_resources(member(), text="induction").exists()
    services.publish(actor=moderator(), resource=suggested)
    assert search_resources(member(), text="induction").exists()


def test_download_is_an_attachment_with_the_right_type_and_nosniff() -> None:
    resource = _document(moderator(), pdf_bytes(), name="../../etc/passwd.exe")
    client = Client()
    client.force_login(member())
    response = client.get(reverse("network:resource_download", args=[resource.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and "passwd.pdf" in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF-")  # closes the file
    resource.refresh_from_db()
    assert resource.download_count == 1


def test_old_versions_can_still_be_downloaded() -> None:
    manager = moderator()
    resource = _document(manager, pdf_bytes())
    services.add_version(
        actor=manager, resource=resource, upload=io.BytesIO(docx_bytes()), upload_name="v2.docx"
    )
    client = Client()
    client.force_login(member())
    first = client.get(reverse("network:version_download", args=[resource.pk, 1]))
    assert b"".join(first.streaming_content).startswith(b"%PDF-")
    assert first["Content-Type"] == "application/pdf"
    current = client.get(reverse("network:resource_download", args=[resource.pk]))
    assert b"".join(current.streaming_content).startswith(b"PK")
    assert current["Content-Type"] == uploads.CONTENT_TYPES["docx"]


def test_uploading_a_disguised_executable_through_the_page_shows_an_error() -> None:
    client = Client()
    client.force_login(moderator())
    response = client.post(
        reverse("network:resource_new"),
        {
            "kind": "document",
            "title": "Totally a PDF",
            "summary": "Honest",
            "audience": "everyone",
            "upload": SimpleUploadedFile("report.pdf", exe_bytes(), "application/pdf"),
        },
    )
    assert response.status_code == 400
    assert "program, not a document" in response.content.decode()
    assert not Resource.objects.exists()

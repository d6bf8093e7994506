"""Factories and small files for network tests."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import factory
from django.utils import timezone

from linkwork.core.models import Organisation, User
from linkwork.core.roles import Role
from linkwork.network.models import Event, MemberProfile, Resource, Topic
from linkwork.network.samples import make_docx, make_pdf
from tests.core.factories import OrganisationFactory, make_user

MEMBER_ROLES = [
    Role.LINK_WORKER,
    Role.PRACTICE_STAFF,
    Role.COMMUNITY_EDITOR,
    Role.PROGRAMME_MANAGER,
    Role.ANALYST,
    Role.DPO,
]


def programme_with_practice() -> tuple[Organisation, Organisation]:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    practice = OrganisationFactory(programme=programme)
    return programme, practice


def member(role: str = Role.LINK_WORKER, **kwargs: object) -> User:
    return make_user(role, **kwargs)


def moderator(**kwargs: object) -> User:
    return make_user(Role.PROGRAMME_MANAGER, **kwargs)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberProfile

    user = factory.LazyFunction(member)
    listed = True
    display_name = factory.Sequence(lambda n: f"Member {n}")
    job_role = "Community link worker"
    area = "lothian"
    specialisms = "mental health, welfare rights"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Learning event {n}")
    description = "Peer learning for link workers."
    format = Event.Format.ONLINE
    online_url = "https://meet.example.org/network"
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + dt.timedelta(hours=2))
    capacity = 2
    organiser = factory.LazyFunction(moderator)


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    kind = Resource.Kind.LINK
    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "A useful resource."
    url = "https://example.org/resource"
    owner = factory.LazyFunction(moderator)
    status = Resource.Status.PUBLISHED
    search_text = factory.LazyAttribute(lambda r: f"{r.title} {r.summary}".lower())


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    title = factory.Sequence(lambda n: f"Topic {n}")
    author = factory.LazyFunction(member)


def pdf_bytes(text: str = "Induction checklist for new link workers") -> bytes:
    return make_pdf("Test document", [text])


def docx_bytes(text: str = "Practice agreement between the practice and the programme") -> bytes:
    return make_docx("Test document", [text])


def _zip(entries: dict[str, bytes], *, first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:
            archive.writestr(first, entries.pop(first), compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    content_types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    return _zip({"[Content_Types].xml": content_types.encode(), "xl/workbook.xml": b"<workbook/>"})


def odt_bytes() -> bytes:
    return _zip(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"},
        first="mimetype",
    )


def zip_bomb_bytes() -> bytes:
    """A DOCX-looking archive whose one entry expands about 1000-fold (30 MB of zeros)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b"wordprocessingml.document.main+xml")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(30):
                entry.write(chunk)
    return out.getvalue()


def exe_bytes() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00" + b"\0" * 200 + b"This program cannot be run in DOS mode"

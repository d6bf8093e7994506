"""The resource library: suggesting, publishing, new versions and downloads."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.core import audit
from linkwork.core import policy as core_policy
from linkwork.core.models import User
from linkwork.engagement.models import Story
from linkwork.engagement.selectors import published_stories
from linkwork.network import policy, uploads
from linkwork.network.models import CaseStudyLink, Resource, ResourceVersion


def _search_text(resource: Resource, extracted: str) -> str:
    return " ".join([resource.title, resource.summary, resource.tags, extracted]).lower()


@transaction.atomic
def add_resource(
    *,
    actor: User,
    kind: str,
    title: str,
    summary: str,
    audience: str,
    section: str = "",
    tags: str = "",
    url: str = "",
    review_date: dt.date | None = None,
    upload: BinaryIO | None = None,
    upload_name: str = "",
    upload_size: int | None = None,
    case_studies: list[CaseStudyLink] | None = None,
) -> Resource:
    """A member suggests a resource; a moderator's goes straight into the library."""
    core_policy.check(actor, policy.SUGGEST_RESOURCE)
    publishes = core_policy.can(actor, policy.PUBLISH_RESOURCE)
    if kind == Resource.Kind.LINK and not url:
        raise ValidationError({"url": _("Enter the web address of the link.")})
    if kind != Resource.Kind.LINK and upload is None:
        raise ValidationError({"upload": _("Choose the file to upload.")})
    resource = Resource(
        kind=kind,
        title=title,
        summary=summary,
        audience=audience,
        section=section,
        tags=tags,
        url=url if kind == Resource.Kind.LINK else "",
        review_date=review_date,
        owner=actor,
        status=Resource.Status.PUBLISHED if publishes else Resource.Status.SUGGESTED,
        published_at=timezone.now() if publishes else None,
    )
    resource.full_clean()
    resource.search_text = _search_text(resource, "")
    resource.save()
    if case_studies:
        resource.case_studies.set(case_studies)
    audit.record(audit.Action.CREATE, resource, actor=actor, detail={"status": resource.status})
    if upload is not None:
        _add_version(
            actor=actor, resource=resource, upload=upload, name=upload_name, size=upload_size
        )
    return resource


@transaction.atomic
def add_version(
    *,
    actor: User,
    resource: Resource,
    upload: BinaryIO,
    upload_name: str,
    upload_size: int | None = None,
    note: str = "",
) -> ResourceVersion:
    """A new file for a document or template; every earlier version is kept."""
    if resource.owner_id != actor.pk:
        core_policy.check(actor, policy.PUBLISH_RESOURCE)
    else:
        core_policy.check(actor, policy.SUGGEST_RESOURCE)
    if not resource.has_files:
        raise ValidationError(_("A link has no files."))
    return _add_version(
        actor=actor, resource=resource, upload=upload, name=upload_name, size=upload_size, note=note
    )


def _add_version(
    *,
    actor: User,
    resource: Resource,
    upload: BinaryIO,
    name: str,
    size: int | None,
    note: str = "",
) -> ResourceVersion:
    try:
        checked = uploads.check_upload(upload, size=size)
    except ValidationError as exc:
        raise ValidationError({"upload": exc.messages}) from exc
    extracted = uploads.extract_text(checked)
    locked = Resource.objects.select_for_update().get(pk=resource.pk)
    number = (locked.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    stem = (name.rsplit(".", 1)[0] or "document")[:150]
    version = ResourceVersion.objects.create(
        resource=locked,
        number=number,
        stored_path=uploads.store(checked),
        original_name=f"{stem}.{checked.file_type}",
        file_type=checked.file_type,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        extracted_text=extracted,
        note=note,
        uploaded_by=actor,
    )
    locked.search_text = _search_text(locked, extracted)
    locked.save(update_fields=["search_text", "updated_at"])
    audit.record(
        audit.Action.CREATE,
        version,
        actor=actor,
        detail={"related_type": "network.resource", "related_id": resource.pk, "count": number},
    )
    return version


@transaction.atomic
def publish(*, actor: User, resource: Resource) -> Resource:
    core_policy.check(actor, policy.PUBLISH_RESOURCE, resource)
    previous = resource.status
    resource.status = Resource.Status.PUBLISHED
    resource.published_at = resource.published_at or timezone.now()
    resource.save(update_fields=["status", "published_at", "updated_at"])
    audit.record(
        audit.Action.UPDATE,
        resource,
        actor=actor,
        detail={"from_status": previous, "to_status": resource.status},
    )
    return resource


@transaction.atomic
def withdraw(*, actor: User, resource: Resource) -> Resource:
    core_policy.check(actor, policy.PUBLISH_RESOURCE, resource)
    previous = resource.status
    resource.status = Resource.Status.WITHDRAWN
    resource.save(update_fields=["status", "updated_at"])
    audit.record(
        audit.Action.UPDATE,
        resource,
        actor=actor,
        detail={"from_status": previous, "to_status": resource.status},
    )
    return resource


@transaction.atomic
def record_download(*, actor: User, version: ResourceVersion) -> None:
    """Count a download (atomically, so two at once both count) and audit it."""
    core_policy.check(actor, policy.DOWNLOAD_RESOURCE, version.resource)
    ResourceVersion.objects.filter(pk=version.pk).update(download_count=F("download_count") + 1)
    Resource.objects.filter(pk=version.resource_id).update(download_count=F("download_count") + 1)
    audit.record(
        audit.Action.EXPORT,
        version,
        actor=actor,
        detail={"related_type": "network.resource", "related_id": version.resource_id},
    )


@transaction.atomic
def add_case_study(
    *, actor: User, title: str, url: str = "", story: Story | None = None, summary: str = ""
) -> CaseStudyLink:
    core_policy.check(actor, policy.ADD_CASE_STUDY)
    if not url and story is None:
        raise ValidationError(
            {"url": _("Choose a story from the stories library or give a web address.")}
        )
    if story is not None and not published_stories().filter(pk=story.pk).exists():
        raise ValidationError({"story": _("Choose a story that is published.")})
    link = CaseStudyLink(title=title, url=url, story=story, summary=summary, added_by=actor)
    link.full_clean()
    link.save()
    audit.record(audit.Action.CREATE, link, actor=actor)
    return link

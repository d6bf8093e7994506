"""The resource library: search, detail, suggest/publish, versions and downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from linkwork.core import policy as core_policy
from linkwork.network import policy, selectors, uploads
from linkwork.network.forms import ResourceForm, ResourceSearchForm, VersionForm
from linkwork.network.models import Resource
from linkwork.network.services import resources as resource_services
from linkwork.network.views.common import MemberRequest, add_errors, form_page, member_view


def _resource(request: MemberRequest, pk: int) -> Resource:
    resource = selectors.resource_detail(request.user, pk)
    if resource is None:
        raise Http404
    return resource


@member_view(policy.VIEW)
def resource_list(request: MemberRequest) -> HttpResponse:
    form = ResourceSearchForm(request.GET or None)
    results = selectors.search_resources(request.user)
    if form.is_valid():
        results = selectors.search_resources(
            request.user,
            text=form.cleaned_data["q"],
            section=form.cleaned_data["section"],
            kind=form.cleaned_data["kind"],
        )
    return render(
        request,
        "network/resource_list.html",
        {
            "form": form,
            "resources": results[:100],
            "searched": bool(request.GET),
            "suggestions": selectors.suggestions(request.user),
            "can_publish": core_policy.can(request.user, policy.PUBLISH_RESOURCE),
        },
    )


@member_view(policy.VIEW)
def resource_detail(request: MemberRequest, pk: int) -> HttpResponse:
    resource = _resource(request, pk)
    versions = list(resource.versions.all())
    return render(
        request,
        "network/resource_detail.html",
        {
            "resource": resource,
            "versions": versions,
            "current": versions[0] if versions else None,
            "can_publish": core_policy.can(request.user, policy.PUBLISH_RESOURCE),
            "can_add_version": resource.has_files
            and (
                resource.owner_id == request.user.pk
                or core_policy.can(request.user, policy.PUBLISH_RESOURCE)
            ),
        },
    )


@member_view(policy.SUGGEST_RESOURCE)
def resource_new(request: MemberRequest) -> HttpResponse:
    form = ResourceForm(request.POST or None, request.FILES or None)
    publishes = core_policy.can(request.user, policy.PUBLISH_RESOURCE)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["upload"]
        try:
            resource = resource_services.add_resource(
                actor=request.user,
                kind=data["kind"],
                title=data["title"],
                summary=data["summary"],
                audience=data["audience"],
                section=data["section"],
                tags=data["tags"],
                url=data["url"],
                review_date=data["review_date"],
                upload=upload,
                upload_name=upload.name if upload else "",
                upload_size=upload.size if upload else None,
                case_studies=list(data["case_studies"]),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if resource.status == Resource.Status.PUBLISHED:
                messages.success(request, _("The resource is published."))
            else:
                messages.success(
                    request, _("Thank you: a moderator will check your suggestion and publish it.")
                )
            return redirect("network:resource_detail", resource.pk)
    return form_page(
        request,
        form,
        title=_("Add a resource") if publishes else _("Suggest a resource"),
        multipart=True,
        back_url="network:resource_list",
        submit_label=_("Publish") if publishes else _("Send suggestion"),
        status=400 if form.errors else 200,
    )


@member_view(policy.SUGGEST_RESOURCE)
def version_new(request: MemberRequest, pk: int) -> HttpResponse:
    resource = _resource(request, pk)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["upload"]
        try:
            resource_services.add_version(
                actor=request.user,
                resource=resource,
                upload=upload,
                upload_name=upload.name,
                upload_size=upload.size,
                note=form.cleaned_data["note"],
            )
        except PermissionDenied:
            raise
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The new version is uploaded; earlier ones are kept."))
            return redirect("network:resource_detail", resource.pk)
    return form_page(
        request,
        form,
        title=_("Upload a new version"),
        caption=resource.title,
        multipart=True,
        submit_label=_("Upload"),
        status=400 if form.errors else 200,
    )


@member_view(policy.PUBLISH_RESOURCE)
@require_POST
def resource_publish(request: MemberRequest, pk: int) -> HttpResponse:
    resource = _resource(request, pk)
    if request.POST.get("withdraw"):
        resource_services.withdraw(actor=request.user, resource=resource)
        messages.success(request, _("The resource is withdrawn."))
    else:
        resource_services.publish(actor=request.user, resource=resource)
        messages.success(request, _("The resource is published."))
    return redirect("network:resource_detail", resource.pk)


@member_view(policy.DOWNLOAD_RESOURCE)
def resource_download(request: MemberRequest, pk: int, number: int | None = None) -> FileResponse:
    resource = _resource(request, pk)
    versions = resource.versions.all()
    version = versions.filter(number=number).first() if number else versions.first()
    if version is None:
        raise Http404
    try:
        handle = uploads.open_stored(version.stored_path)
    except FileNotFoundError as exc:
        raise Http404 from exc
    resource_services.record_download(actor=request.user, version=version)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response

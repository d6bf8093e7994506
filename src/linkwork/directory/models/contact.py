"""How to reach a service: phones, named contacts, languages and opening times."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from linkwork.directory.models.base import HsdsModel, text
from linkwork.directory.models.base import number as num


def _fk(model: str | type[models.Model], related_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        model, null=True, blank=True, on_delete=models.CASCADE, related_name=related_name
    )


class Contact(HsdsModel):
    """A named role or person to contact about a service (public contact details only)."""

    organization = _fk("directory.Organization", "contacts")
    service = _fk("directory.Service", "contacts")
    service_at_location = _fk("directory.ServiceAtLocation", "contacts")
    location = _fk("directory.Location", "contacts")
    name = text("name")
    title = text("title")
    department = text("department")
    email = models.CharField(_("email"), max_length=254, blank=True)


class Phone(HsdsModel):
    """A phone number for a service, organisation, location or contact."""

    location = _fk("directory.Location", "phones")
    service = _fk("directory.Service", "phones")
    organization = _fk("directory.Organization", "phones")
    contact = _fk(Contact, "phones")
    service_at_location = _fk("directory.ServiceAtLocation", "phones")
    number = models.CharField(_("number"), max_length=100)
    extension = num("extension")
    type = models.CharField(_("type"), max_length=50, blank=True)
    description = text("description")


class Language(HsdsModel):
    """A language a service, location or phone line is offered in (ISO 639 code)."""

    service = _fk("directory.Service", "languages")
    location = _fk("directory.Location", "languages")
    phone = _fk(Phone, "languages")
    name = models.CharField(_("name"), max_length=200, blank=True)
    code = models.CharField(_("code"), max_length=20, blank=True, db_index=True)
    note = text("note")


class Schedule(HsdsModel):
    """When a service is open: a weekly pattern (RFC 5545 style) or a one-off date.

    Regular hours: freq=WEEKLY, byday="MO,WE", opens_at/closes_at "10:00". A one-off
    session: dtstart (and valid_from = valid_to) set to the date, no freq.
    """

    WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

    service = _fk("directory.Service", "schedules")
    location = _fk("directory.Location", "schedules")
    service_at_location = _fk("directory.ServiceAtLocation", "schedules")
    valid_from = models.CharField(max_length=100, blank=True)
    valid_to = models.CharField(max_length=100, blank=True)
    dtstart = models.CharField(max_length=100, blank=True)
    timezone = num("timezone")
    until = models.CharField(max_length=100, blank=True)
    count = num("count")
    wkst = models.CharField(max_length=2, blank=True)
    freq = models.CharField(max_length=10, blank=True)
    interval = num("interval")
    byday = models.CharField(max_length=100, blank=True)
    byweekno = models.CharField(max_length=200, blank=True)
    bymonthday = models.CharField(max_length=200, blank=True)
    byyearday = models.CharField(max_length=400, blank=True)
    description = text("description")
    opens_at = models.CharField(max_length=20, blank=True)
    closes_at = models.CharField(max_length=20, blank=True)
    schedule_link = models.CharField(max_length=1000, blank=True)
    attending_type = text("attending type")
    notes = text("notes")

    @property
    def is_one_off(self) -> bool:
        return not self.freq and bool(self.dtstart or self.valid_from)

"""The places endpoints of the application API (/api/v1/)."""

from ninja import Router

router = Router(tags=["places"])

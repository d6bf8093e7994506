"""Reading places: postcode -> where it is, its data zone, deprivation and areas."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from linkwork.places.models import Postcode
from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

__all__ = ["InvalidPostcode", "PlaceRecord", "UnknownPostcode", "lookup_postcode"]


class UnknownPostcode(LookupError):
    """The postcode is well-formed but not in the places database."""

    def __init__(self, postcode: str) -> None:
        self.postcode = postcode
        super().__init__(
            _("We do not know the postcode %(postcode)s. Check it, or try a nearby postcode.")
            % {"postcode": postcode}
        )


@dataclass(frozen=True)
class PlaceRecord:
    """Everything Linkwork knows about one postcode. SIMD: 1 = most deprived.

    Codes and names are "" and SIMD values None where the source has no data zone (e.g. the
    Glasgow G2 postcodes in the shipped pack) or no coordinates.
    """

    postcode: str
    latitude: float | None
    longitude: float | None
    data_zone_code: str
    data_zone_name: str
    simd_rank: int | None
    simd_decile: int | None
    simd_quintile: int | None
    simd_version: str
    council_area_code: str
    council_area_name: str
    health_board_code: str
    health_board_name: str
    hscp_code: str
    hscp_name: str
    terminated: str  # YYYYMM when the postcode stopped being used; "" if live

    @property
    def area_codes(self) -> list[str]:
        """The council area, health board and HSCP codes that hold this postcode."""
        return [c for c in (self.council_area_code, self.health_board_code, self.hscp_code) if c]


def lookup_postcode(raw: str) -> PlaceRecord:
    """The place record for a postcode typed in any case and spacing.

    Raises InvalidPostcode (not shaped like a postcode) or UnknownPostcode (not in the database).
    One query.
    """
    postcode = normalise_postcode(raw)
    row = (
        Postcode.objects.select_related("data_zone", "council_area", "health_board", "hscp")
        .filter(postcode=postcode)
        .first()
    )
    if row is None:
        raise UnknownPostcode(postcode)
    zone, ca, hb, hscp = row.data_zone, row.council_area, row.health_board, row.hscp
    return PlaceRecord(
        postcode=row.postcode,
        latitude=row.latitude,
        longitude=row.longitude,
        data_zone_code=zone.code if zone else "",
        data_zone_name=zone.name if zone else "",
        simd_rank=zone.simd_rank if zone else None,
        simd_decile=zone.simd_decile if zone else None,
        simd_quintile=zone.simd_quintile if zone else None,
        simd_version=zone.simd_version if zone else "",
        council_area_code=ca.code if ca else "",
        council_area_name=ca.name if ca else "",
        health_board_code=hb.code if hb else "",
        health_board_name=hb.name if hb else "",
        hscp_code=hscp.code if hscp else "",
        hscp_name=hscp.name if hscp else "",
        terminated=row.terminated,
    )

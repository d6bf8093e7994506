"""The compact places pack shipped with Linkwork (see scripts/build_places_pack.py)."""

from __future__ import annotations

from pathlib import Path

PACK_DIR = Path(__file__).resolve().parent / "pack"

ATTRIBUTION = [
    "Contains Scottish Government data licensed under the Open Government Licence v3.0 "
    "(Scottish Index of Multiple Deprivation 2020v2).",
    "Contains Public Health Scotland data licensed under the Open Government Licence v3.0 "
    "(SIMD 2020v2 geography lookup).",
    "Contains OS data © Crown copyright and database right; Contains Royal Mail data © Royal "
    "Mail copyright and database right; Source: Office for National Statistics licensed under "
    "the Open Government Licence v3.0 (National Statistics Postcode Lookup).",
    "Boundaries: Office for National Statistics and Scottish Government, Open Government "
    "Licence v3.0.",
]

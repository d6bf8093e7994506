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
    "Contains National Records of Scotland data © Crown copyright and database right, licensed "
    "under the Open Government Licence v3.0 (Scottish Postcode Directory: Glasgow G2 postcodes).",
    "Boundaries: Office for National Statistics and Scottish Government, Open Government "
    "Licence v3.0.",
]

# Files in the pack and their CSV headers (the loader recognises them by these headers).
INTERMEDIATE_ZONES_FILE = "intermediate_zones.csv.gz"
DATA_ZONES_FILE = "data_zones.csv.gz"
POSTCODES_FILE = "postcodes.csv.gz"
BOUNDARY_FILES = ("council_areas.geojson", "health_boards.geojson", "hscps.geojson")

INTERMEDIATE_ZONE_COLUMNS = ("intermediate_zone", "name")
DATA_ZONE_COLUMNS = (
    "data_zone",
    "name",
    "intermediate_zone",
    "council_area",
    "health_board",
    "hscp",
    "population",
    "working_age_population",
    "simd_version",
    "simd_rank",
    "simd_decile",
    "simd_quintile",
    "income_rank",
    "employment_rank",
    "health_rank",
    "education_rank",
    "access_rank",
    "crime_rank",
    "housing_rank",
)
POSTCODE_COLUMNS = (
    "postcode",
    "latitude",
    "longitude",
    "data_zone",
    "council_area",
    "health_board",
    "hscp",
    "terminated",
)


def pack_files() -> list[Path]:
    """The pack's files in load order (areas first, then zones, then postcodes)."""
    names = [*BOUNDARY_FILES, INTERMEDIATE_ZONES_FILE, DATA_ZONES_FILE, POSTCODES_FILE]
    return [PACK_DIR / name for name in names]

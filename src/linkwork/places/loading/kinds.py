"""The kinds of CSV places file Linkwork loads, recognised by their columns.

Column names are matched case-insensitively (as regular expressions), so the national files'
spellings (`pcds` in the NSPL, `DataZone2011Code` in the NRS Scottish Postcode Directory,
`SIMD2020v2_Rank` in the SIMD release) and the pack's own headers all work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from linkwork.places.loading import cells
from linkwork.places.loading.sources import LoadError

Converter = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    attr: str  # the model field (or a helper name starting with "_")
    names: tuple[str, ...]  # regular expressions for the header, lower case
    convert: Converter
    required: bool = True


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    target: str  # "postcode", "data_zone", "intermediate_zone"
    order: int  # load order: areas, zones, data zones, postcodes
    signature: tuple[str, ...]  # any one of these columns identifies the kind
    columns: tuple[Column, ...]
    keep: tuple[str, str] | None = None  # (column, value): skip other rows (NSPL: Scotland)


@dataclass
class Layout:
    """A kind matched against one file's header: where each column is."""

    kind: Kind
    path: Path
    header: list[str]
    index: dict[str, int]  # attr -> position
    names: dict[str, str]  # attr -> the header's own spelling
    keep_index: int | None = None

    def cells(self) -> list[tuple[str, int, str, Converter]]:
        return [
            (c.attr, self.index[c.attr], self.names[c.attr], c.convert)
            for c in self.kind.columns
            if c.attr in self.index
        ]


SIMD = r"simd_?(\d{4}v?\d?)"
POSTCODE_KINDS = (
    Kind(
        "nspl",
        "ONS National Statistics Postcode Lookup (NSPL) CSV",
        "postcode",
        40,
        ("pcds",),
        (
            Column("postcode", ("pcds",), cells.postcode),
            Column("latitude", ("lat",), cells.latitude),
            Column("longitude", ("long",), cells.longitude),
            Column("data_zone", ("lsoa11", "lsoa21"), cells.code),
            Column("council_area", ("laua",), cells.code),
            Column("health_board", ("hlthau",), cells.code),
            Column("terminated", ("doterm",), cells.month),
        ),
        keep=("ctry", "S92000003"),
    ),
    Kind(
        "spd",
        "NRS Scottish Postcode Directory CSV",
        "postcode",
        40,
        ("datazone2011code", "dateofdeletion", "councilarea2019code", "healthboardarea2019code"),
        (
            Column("postcode", ("postcode",), cells.postcode),
            Column("latitude", ("latitude",), cells.latitude),
            Column("longitude", ("longitude",), cells.longitude),
            Column("data_zone", ("datazone2011code",), cells.code),
            Column("council_area", ("councilarea2019code",), cells.code),
            Column("health_board", ("healthboardarea2019code",), cells.code),
            Column("hscp", ("integrationauthority2019code", "hscp2019code"), cells.code),
            Column("terminated", ("dateofdeletion",), cells.month),
        ),
    ),
    Kind(
        "pack_postcodes",
        "Linkwork places pack postcodes CSV",
        "postcode",
        40,
        ("postcode",),
        (
            Column("postcode", ("postcode",), cells.postcode),
            Column("latitude", ("latitude",), cells.latitude),
            Column("longitude", ("longitude",), cells.longitude),
            Column("data_zone", ("data_zone",), cells.code),
            Column("council_area", ("council_area",), cells.code),
            Column("health_board", ("health_board",), cells.code),
            Column("hscp", ("hscp",), cells.code),
            Column("terminated", ("terminated",), cells.month),
        ),
    ),
)
ZONE_KINDS = (
    Kind(
        "phs_simd",
        "Public Health Scotland SIMD lookup CSV",
        "data_zone",
        20,
        ("intzone", "datazone"),
        (
            Column("code", ("datazone",), cells.code),
            Column("intermediate_zone", ("intzone",), cells.code),
            Column("council_area", ("ca",), cells.code),
            Column("health_board", ("hb",), cells.code),
            Column("hscp", ("hscp",), cells.code),
            Column("simd_rank", (SIMD + "rank",), cells.whole),
        ),
    ),
    Kind(
        "pack_data_zones",
        "Linkwork places pack data zones CSV",
        "data_zone",
        20,
        ("simd_version",),
        (
            Column("code", ("data_zone",), cells.code),
            Column("name", ("name",), cells.text),
            Column("intermediate_zone", ("intermediate_zone",), cells.code),
            Column("council_area", ("council_area",), cells.code),
            Column("health_board", ("health_board",), cells.code),
            Column("hscp", ("hscp",), cells.code),
            Column("population", ("population",), cells.whole),
            Column("working_age_population", ("working_age_population",), cells.whole),
            Column("simd_version", ("simd_version",), cells.text),
            Column("simd_rank", ("simd_rank",), cells.whole),
            Column("simd_decile", ("simd_decile",), cells.decile),
            Column("simd_quintile", ("simd_quintile",), cells.quintile),
            *(
                Column(f"{d}_rank", (f"{d}_rank",), cells.rank)
                for d in ("income", "employment", "health", "education", "access", "crime")
            ),
            Column("housing_rank", ("housing_rank",), cells.rank),
        ),
    ),
    Kind(
        "sg_simd",
        "Scottish Government SIMD ranks and indicators CSV",
        "data_zone",
        30,
        ("data_zone",),
        (
            Column("code", ("data_zone",), cells.code),
            Column("_intermediate_zone_name", ("intermediate_zone",), cells.text, False),
            Column("population", ("total_population",), cells.whole),
            Column("working_age_population", ("working_age_population",), cells.whole),
            Column("simd_rank", (SIMD + "_rank",), cells.whole),
            Column("simd_decile", (SIMD + "_decile",), cells.decile),
            Column("simd_quintile", (SIMD + "_quintile",), cells.quintile),
            *(
                Column(f"{d}_rank", (SIMD + f"_{d}_domain_rank",), cells.rank)
                for d in ("income", "employment", "health", "education", "access", "crime")
            ),
            Column("housing_rank", (SIMD + "_housing_domain_rank",), cells.rank),
        ),
    ),
    Kind(
        "pack_intermediate_zones",
        "Linkwork places pack intermediate zones CSV",
        "intermediate_zone",
        10,
        ("intermediate_zone",),
        (
            Column("code", ("intermediate_zone",), cells.code),
            Column("name", ("name",), cells.text),
        ),
    ),
)
CSV_KINDS = POSTCODE_KINDS + ZONE_KINDS

KNOWN_FILES = _(
    "Linkwork loads: the ONS NSPL postcode CSV (pcds, lat, long, lsoa11, laua, hlthau, ctry, "
    "doterm), the NRS Scottish Postcode Directory CSV (Postcode, Latitude, Longitude, "
    "DataZone2011Code, CouncilArea2019Code, HealthBoardArea2019Code, "
    "IntegrationAuthority2019Code, DateOfDeletion), the SIMD 2020v2 CSV with indicators "
    "(Data_Zone, SIMD2020v2_Rank, ...), the PHS SIMD lookup CSV (DataZone, IntZone, HB, HSCP, "
    "CA), boundary GeoJSON (lad18cd/lad18nm, HBCode/HBName, HIACode/HIAName) and the places "
    "pack's own files."
)


def _find(patterns: Sequence[str], lowered: list[str]) -> int | None:
    for pattern in patterns:
        regex = re.compile(pattern)
        for i, name in enumerate(lowered):
            if regex.fullmatch(name):
                return i
    return None


def simd_version(header_name: str) -> str:
    match = re.match(SIMD, header_name.lower())
    return match.group(1) if match else ""


def layout_for(path: Path, header: list[str]) -> Layout:
    """Recognise the kind of CSV file from its header, or raise a LoadError saying why not."""
    lowered = [h.strip().lower() for h in header]
    if not any(lowered):
        raise LoadError(path, _("the file is empty or has no header row. ") + KNOWN_FILES, line=1)
    for kind in CSV_KINDS:
        if _find(kind.signature, lowered) is None:
            continue
        index: dict[str, int] = {}
        missing = []
        for column in kind.columns:
            position = _find(column.names, lowered)
            if position is None:
                if column.required:
                    missing.append(column.names[0])
            else:
                index[column.attr] = position
        keep_index = None
        if kind.keep is not None:
            keep_index = _find((kind.keep[0],), lowered)
            if keep_index is None:
                missing.append(kind.keep[0])
        if missing:
            raise LoadError(
                path,
                _("this looks like a %(kind)s but it lacks the columns: %(missing)s.")
                % {"kind": kind.label, "missing": ", ".join(missing)},
                line=1,
                column=missing[0],
            )
        names = {attr: header[i].strip() for attr, i in index.items()}
        return Layout(kind, path, header, index, names, keep_index)
    shown = ", ".join(h.strip() for h in header[:8]) + (", ..." if len(header) > 8 else "")
    raise LoadError(
        path,
        _("cannot tell what kind of places file this is from its columns (%(columns)s). ")
        % {"columns": shown}
        + KNOWN_FILES,
        line=1,
    )

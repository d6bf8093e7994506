"""Build the compact places pack (src/linkwork/places/pack/) from the raw open data files.

    python scripts/build_places_pack.py --source ../shared/data     (or: make places-pack)

Reads the SIMD 2020v2 CSVs, the PHS SIMD lookup, the NSPL extracts, the ALISS Glasgow G2
postcodes and the three boundary GeoJSON files; writes gzip CSVs (deterministic: rebuilding
from the same sources gives the same bytes) and simplified GeoJSON, plus ATTRIBUTION.txt and
README.md. The raw files are never copied.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings

if not settings.configured:
    settings.configure(USE_I18N=False)

from linkwork.places import pack
from linkwork.places.codes import SCOTLAND, current_code
from linkwork.places.geo import simplify_geometry
from linkwork.places.postcodes import normalise_postcode

MAX_PACK_BYTES = 5 * 1024 * 1024
# 0.0015 degrees is about 170 m north-south and 90 m east-west in Scotland: invisible at the
# zoom levels a service map uses; areas change by under 0.5%.
TOLERANCE = 0.0015
DIGITS = 4  # ~10 m
MIN_AREA = 1e-5  # drop islets and holes under about 6 hectares

BOUNDARIES = {
    "council_areas.geojson": ("boundaries/council_areas_2018.geojson", "lad18cd", "lad18nm"),
    "health_boards.geojson": ("boundaries/health_boards_2019.geojson", "HBCode", "HBName"),
    "hscps.geojson": ("boundaries/hscps_2019.geojson", "HIACode", "HIAName"),
}
DOMAIN_RANKS = {
    "income_rank": "SIMD2020v2_Income_Domain_Rank",
    "employment_rank": "SIMD2020_Employment_Domain_Rank",
    "health_rank": "SIMD2020_Health_Domain_Rank",
    "education_rank": "SIMD2020_Education_Domain_Rank",
    "access_rank": "SIMD2020_Access_Domain_Rank",
    "crime_rank": "SIMD2020_Crime_Domain_Rank",
    "housing_rank": "SIMD2020_Housing_Domain_Rank",
}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write_gzip_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(buffer.getvalue().encode("utf-8"))
    return count


def build_zones(source: Path, out: Path) -> dict[str, str]:
    """Write intermediate and data zones; return data zone -> HSCP code."""
    phs = {r["DataZone"]: r for r in read_csv(source / "simd/simd2020v2_phs_codes.csv")}
    simd = read_csv(source / "simd/simd2020v2_withinds.csv")
    zones: dict[str, str] = {}
    rows = []
    for r in sorted(simd, key=lambda r: r["Data_Zone"]):
        code = r["Data_Zone"]
        p = phs[code]
        zones.setdefault(p["IntZone"], r["Intermediate_Zone"])
        if zones[p["IntZone"]] != r["Intermediate_Zone"]:
            sys.exit(f"intermediate zone {p['IntZone']} has two names")
        rows.append(
            [
                code,
                "",  # data zone names are not in these sources
                p["IntZone"],
                current_code(p["CA"]),
                current_code(p["HB"]),
                current_code(p["HSCP"]),
                r["Total_population"],
                r["Working_Age_population"],
                "2020v2",
                r["SIMD2020v2_Rank"],
                r["SIMD2020v2_Decile"],
                r["SIMD2020v2_Quintile"],
                *(r[column] for column in DOMAIN_RANKS.values()),
            ]
        )
    n = write_gzip_csv(
        out / pack.INTERMEDIATE_ZONES_FILE, pack.INTERMEDIATE_ZONE_COLUMNS, sorted(zones.items())
    )
    print(f"intermediate zones: {n}")
    n = write_gzip_csv(out / pack.DATA_ZONES_FILE, pack.DATA_ZONE_COLUMNS, rows)
    print(f"data zones: {n}")
    return {code: current_code(p["HSCP"]) for code, p in phs.items()}


def build_postcodes(source: Path, out: Path, hscp_of: dict[str, str]) -> None:
    rows: dict[str, list[str]] = {}
    for path in sorted((source / "postcodes").glob("NSPL_*.csv")):
        for r in read_csv(path):
            if r["ctry"] != SCOTLAND:
                continue
            postcode = normalise_postcode(r["pcds"])
            lat, lon = float(r["lat"]), float(r["long"])
            located = not (lat > 99 or (lat == 0 and lon == 0))
            data_zone = current_code(r["lsoa11"])
            rows[postcode] = [
                postcode,
                f"{lat:.6f}" if located else "",
                f"{lon:.6f}" if located else "",
                data_zone,
                current_code(r["laua"]),
                current_code(r["hlthau"]),
                hscp_of.get(data_zone, ""),
                r["doterm"],
            ]
    nspl = len(rows)
    for item in json.loads((source / "aliss/g2_postcodes.json").read_text(encoding="utf-8")):
        postcode = normalise_postcode(item["pk"])
        f = item["fields"]
        rows.setdefault(
            postcode,
            [
                postcode,
                f"{float(f['latitude']):.6f}",
                f"{float(f['longitude']):.6f}",
                "",  # no data zone in this source
                current_code(f["council_area_2011_code"]),
                current_code(f["health_board_area_2014_code"]),
                current_code(f["integration_authority_2016_code"]),
                "",
            ],
        )
    n = write_gzip_csv(
        out / pack.POSTCODES_FILE, pack.POSTCODE_COLUMNS, (rows[k] for k in sorted(rows))
    )
    print(f"postcodes: {n} ({nspl} from NSPL, {n - nspl} Glasgow G2 from ALISS)")


def build_boundaries(source: Path, out: Path) -> None:
    for name, (raw, code_key, name_key) in BOUNDARIES.items():
        data = json.loads((source / raw).read_text(encoding="utf-8"))
        features: list[dict[str, Any]] = []
        for feature in data["features"]:
            props = feature["properties"]
            geometry = simplify_geometry(
                feature["geometry"], tolerance=TOLERANCE, digits=DIGITS, min_area=MIN_AREA
            )
            code = current_code(props[code_key])
            features.append(
                {
                    "type": "Feature",
                    "properties": {code_key: code, name_key: props[name_key].strip()},
                    "geometry": geometry,
                }
            )
        features.sort(key=lambda f: f["properties"][code_key])
        text = json.dumps(
            {"type": "FeatureCollection", "features": features},
            separators=(",", ":"),
            ensure_ascii=False,
        )
        (out / name).write_text(text + "\n", encoding="utf-8")
        print(f"{name}: {len(features)} areas, {len(text) // 1024} KiB")


README = """# The Linkwork places pack

Real Scottish geography and deprivation data, derived from open data and small enough to ship
(built by `scripts/build_places_pack.py`; rebuild with `make places-pack`; load with
`linkwork load-places`). Licence and attribution: see ATTRIBUTION.txt (Open Government
Licence v3.0). All codes are current GSS codes (old Glasgow, North Lanarkshire, Fife and Perth
and Kinross codes are mapped to the 2019 ones).

- `data_zones.csv.gz`: all 6,976 2011 data zones with their intermediate zone, council area,
  health board and HSCP codes, population, SIMD 2020v2 rank, decile and quintile (Scottish
  Government; 1 = most deprived) and the seven domain ranks (ties are .5). From
  `simd2020v2_withinds.csv` (Scottish Government) and `simd2020v2_phs_codes.csv` (PHS).
- `intermediate_zones.csv.gz`: the 1,279 2011 intermediate zones (code, name). Same sources.
- `postcodes.csv.gz`: the Scottish live and terminated postcodes of the DG, FK, HS, KW, PH, TD
  and ZE postcode areas (latitude, longitude, data zone, council area, health board, HSCP;
  `terminated` is YYYYMM), from the ONS NSPL (November 2021), plus the Glasgow G2 postcodes
  from the NRS Scottish Postcode Directory (via ALISS; these have no data zone).
- `council_areas.geojson`, `health_boards.geojson`, `hscps.geojson`: the 32 council areas,
  14 health boards and 31 HSCPs (same property names as the source files), boundaries
  simplified with Douglas-Peucker (about 150 m), 4 decimal places, islets under 6 ha dropped.
  From ONS and Scottish Government generalised boundaries.

Data zone names are not in these sources, so they are blank. Large cities other than central
Glasgow (Edinburgh, Aberdeen, Dundee...) have no postcodes in the pack: a deployment loads the
full NSPL or the NRS Scottish Postcode Directory by path (see docs/data-sources.md).
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=pack.PACK_DIR)
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    hscp_of = build_zones(args.source, out)
    build_postcodes(args.source, out, hscp_of)
    build_boundaries(args.source, out)
    (out / "ATTRIBUTION.txt").write_text("\n".join(pack.ATTRIBUTION) + "\n", encoding="utf-8")
    (out / "README.md").write_text(README, encoding="utf-8")
    total = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    print(f"pack: {out} ({total / 1024 / 1024:.2f} MB)")
    if total > MAX_PACK_BYTES:
        sys.exit(f"the pack is {total} bytes, more than the {MAX_PACK_BYTES} allowed")


if __name__ == "__main__":
    main()

"""`linkwork load-places` with national-format files: it links them up, loading twice changes
nothing, and a broken file names file, line and column and leaves the database as it was.

The rows are real (Perth and Dumfries postcodes, their data zones and SIMD values, copied from
the NSPL November 2021 and SIMD 2020v2 files), cut down to a few columns.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkwork.places.models import (
    HSCP,
    CouncilArea,
    DataZone,
    HealthBoard,
    IntermediateZone,
    Postcode,
)

pytestmark = pytest.mark.django_db

PHS = """\
DataZone,IntZone,HB,HSCP,CA,SIMD2020V2Rank,SIMD2020V2CountryDecile,SIMD2020V2CountryQuintile
S01011907,S02002245,S08000030,S37000033,S12000048,5581,8,4
S01007612,S02001430,S08000017,S37000006,S12000006,392,1,1
"""
SIMD = (
    '"Data_Zone","Intermediate_Zone","Council_area","Total_population",'
    '"Working_Age_population","SIMD2020v2_Rank","SIMD2020v2_Decile","SIMD2020v2_Quintile",'
    '"SIMD2020v2_Income_Domain_Rank","SIMD2020_Employment_Domain_Rank",'
    '"SIMD2020_Health_Domain_Rank","SIMD2020_Education_Domain_Rank",'
    '"SIMD2020_Access_Domain_Rank","SIMD2020_Crime_Domain_Rank","SIMD2020_Housing_Domain_Rank",'
    '"income_rate"\n'
    '"S01011907","Western Edge","Perth and Kinross",700,400,5581,9,5,5000,5100,5200,5300.5,'
    '2000,6000,4000,"5%"\n'
    '"S01007612","Dumfries Central","Dumfries and Galloway",964,690,392,1,1,682,197,375,1316,'
    '6592,8,999,"27%"\n'
)
NSPL_HEADER = "pcd,pcds,doterm,laua,hlthau,ctry,lsoa11,msoa11,lat,long,imd\n"
NSPL = NSPL_HEADER + (
    '"PH1 1QD","PH1 1QD","","S12000048","S08000030","S92000003","S01011907","S02002245",'
    "56.399240,-3.481269,5581\n"
    '"DG1 1AD","DG1 1AD","199512","S12000006","S08000017","S92000003","S01007612","S02001430",'
    "55.069608,-3.609667,392\n"
    '"TD151AA","TD15 1AA","","E06000057","E54000049","E92000001","E01027390","E02005703",'
    "55.770000,-2.000000,1000\n"
)
SPD = (
    "Postcode,PostcodeDistrict,DateOfIntroduction,DateOfDeletion,Latitude,Longitude,"
    "CouncilArea2019Code,HealthBoardArea2019Code,IntegrationAuthority2019Code,"
    "DataZone2011Code,IntermediateZone2011Code\n"
    "PH1 1QX,PH1,01/01/1990,31/05/2019,56.398994,-3.479347,S12000048,S08000030,S37000033,"
    "S01011907,S02002245\n"
)


def boundaries(props: list[dict[str, str]]) -> str:
    square = [[[-3.5, 56.3], [-3.4, 56.3], [-3.4, 56.4], [-3.5, 56.4], [-3.5, 56.3]]]
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": p,
                    "geometry": {"type": "Polygon", "coordinates": square},
                }
                for p in props
            ],
        }
    )


COUNCILS = boundaries(
    [
        {"lad18cd": "S12000048", "lad18nm": "Perth and Kinross"},
        {"lad18cd": "S12000046", "lad18nm": "Glasgow City"},  # the old code
    ]
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load(*paths: Path) -> None:
    call_command("load-places", *[str(p) for p in paths], "--no-progress")


def snapshot() -> dict[str, list[Any]]:
    models = (CouncilArea, HealthBoard, HSCP, IntermediateZone, DataZone, Postcode)
    return {m.__name__: sorted(m.objects.values_list(), key=str) for m in models}


@pytest.fixture
def national(tmp_path: Path) -> list[Path]:
    return [
        write(tmp_path, "nspl.csv", NSPL),
        write(tmp_path, "spd.csv.gz", SPD),
        write(tmp_path, "simd.csv", SIMD),
        write(tmp_path, "phs.csv", PHS),
        write(tmp_path, "councils.geojson", COUNCILS),
    ]


def test_national_files_load_and_link_up(national: list[Path]) -> None:
    load(*national)
    zone = DataZone.objects.get(code="S01011907")
    # Scottish Government deciles (9, 5), not the PHS population-weighted ones (8, 4).
    assert (zone.simd_rank, zone.simd_decile, zone.simd_quintile) == (5581, 9, 5)
    assert zone.simd_version == "2020v2"
    assert zone.education_rank == 5300.5
    assert zone.population == 700
    assert zone.intermediate_zone.code == "S02002245"
    assert zone.intermediate_zone.name == "Western Edge"
    assert (zone.council_area_id, zone.health_board_id, zone.hscp_id) == (
        "S12000048",
        "S08000030",
        "S37000033",
    )
    perth = Postcode.objects.get(postcode="PH1 1QD")
    assert (perth.latitude, perth.longitude) == (56.399240, -3.481269)
    assert perth.data_zone_id == "S01011907"
    assert perth.hscp_id == "S37000033"  # the NSPL has no HSCP: it comes from the data zone
    assert Postcode.objects.get(postcode="DG1 1AD").terminated == "199512"
    assert Postcode.objects.get(postcode="PH1 1QX").terminated == "201905"
    assert not Postcode.objects.filter(postcode="TD15 1AA").exists()  # in England
    assert CouncilArea.objects.get(code="S12000049").name == "Glasgow City"
    assert not CouncilArea.objects.filter(code="S12000046").exists()
    # Areas that the files name but whose boundaries were not loaded get their official name.
    assert HealthBoard.objects.get(code="S08000030").name == "Tayside"
    assert HealthBoard.objects.get(code="S08000030").boundary is None
    assert CouncilArea.objects.get(code="S12000048").boundary["type"] == "Polygon"


def test_loading_twice_gives_the_same_rows(national: list[Path]) -> None:
    load(*national)
    first = snapshot()
    load(*reversed(national))
    assert snapshot() == first


def test_the_command_reports_what_it_loaded(
    national: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("load-places", *[str(p) for p in national])
    out, err = capsys.readouterr()
    assert "nspl.csv: ONS National Statistics Postcode Lookup (NSPL) CSV, 2 rows" in out
    assert "rows/s" in out
    assert "Skipped 1 rows outside Scotland." in out
    assert "Loading places" in err  # the progress bar


def test_a_folder_loads_every_file_in_it(national: list[Path]) -> None:
    load(national[0].parent)
    assert Postcode.objects.count() == 3


BROKEN = [
    # (description, file name, content, expected fragments of the message)
    (
        "wrong columns",
        "nspl.csv",
        NSPL.replace(",lat,", ",latitude_x,"),
        ["nspl.csv", "line 1", "column “lat”", "lacks the columns: lat"],
    ),
    (
        "truncated row",
        "nspl.csv",
        NSPL_HEADER + '"PH1 1QD","PH1 1QD","","S12000048","S08000030"\n',
        ["nspl.csv", "line 2", "expected 11 values", "found 5"],
    ),
    (
        "bad number",
        "nspl.csv",
        NSPL.replace("56.399240", "fifty-six"),
        ["nspl.csv", "line 2", "column “lat”", "“fifty-six” is not a number"],
    ),
    (
        "latitude out of range",
        "nspl.csv",
        NSPL.replace("55.069608", "-95.5"),
        ["nspl.csv", "line 3", "column “lat”", "not a latitude"],
    ),
    (
        "malformed postcode",
        "nspl.csv",
        NSPL.replace('"PH1 1QD","PH1 1QD"', '"PH1 1QD","PH1 1Q"'),
        ["nspl.csv", "line 2", "column “pcds”", "not a postcode"],
    ),
    (
        "unknown data zone",
        "nspl.csv",
        NSPL.replace('"S01011907"', '"S01099999"'),
        ["nspl.csv", "line 2", "column “lsoa11”", "unknown data zone “S01099999”"],
    ),
    (
        "unknown council area",
        "nspl.csv",
        NSPL.replace('"S12000048"', '"S12000099"'),
        ["nspl.csv", "line 2", "column “laua”", "“S12000099” is not a current council area"],
    ),
    (
        "bad termination date",
        "spd.csv",
        SPD.replace("31/05/2019", "sometime"),
        ["spd.csv", "line 2", "column “DateOfDeletion”", "not a date"],
    ),
    (
        "decile out of range",
        "simd.csv",
        SIMD.replace("5581,9,5", "5581,11,5"),
        ["simd.csv", "line 2", "column “SIMD2020v2_Decile”", "not between 1 and 10"],
    ),
    (
        "rank not a whole number",
        "phs.csv",
        PHS.replace(",5581,", ",5581.7,"),
        ["phs.csv", "line 2", "column “SIMD2020V2Rank”", "not a whole number"],
    ),
    (
        "unknown kind of file",
        "people.csv",
        "name,email\nAnn,ann@example.org\n",
        ["people.csv", "line 1", "cannot tell what kind of places file", "name, email"],
    ),
    (
        "empty file",
        "empty.csv",
        "",
        ["empty.csv", "line 1", "empty or has no header"],
    ),
    (
        "malformed JSON",
        "councils.geojson",
        '{"type": "FeatureCollection",\n "features": [}',
        ["councils.geojson", "line 2", "JSON is malformed"],
    ),
    (
        "boundary without a name",
        "councils.geojson",
        COUNCILS.replace('"Glasgow City"', '""'),
        ["councils.geojson", "feature 2", "column “lad18nm”", "empty"],
    ),
    (
        "boundaries in British National Grid",
        "councils.geojson",
        COUNCILS.replace("-3.5, 56.3", "297315, 576211"),
        ["councils.geojson", "feature 1", "not WGS84"],
    ),
    (
        "GeoJSON of unknown areas",
        "wards.geojson",
        boundaries([{"WD19CD": "S13002888", "WD19NM": "Nith"}]),
        ["wards.geojson", "cannot tell which areas", "WD19CD"],
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_a_broken_file_is_named_with_line_and_column_and_changes_nothing(
    national: list[Path], tmp_path: Path, name: str, content: str, expected: list[str]
) -> None:
    load(*national)  # some data there already, which must survive unchanged
    before = snapshot()
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    # The good files first, so their rows are written before the broken file is reached.
    good = [write(bad_dir, f"good-{p.name}", p.read_text()) for p in national[2:4]]
    bad = write(bad_dir, name, content)
    with pytest.raises(CommandError) as exc:
        load(*good, bad)
    message = str(exc.value)
    for fragment in expected:
        assert fragment in message
    assert "Nothing was loaded." in message
    assert snapshot() == before


def test_a_failed_load_into_an_empty_database_leaves_it_empty(national: list[Path]) -> None:
    broken = national[0].with_name("broken.csv")
    broken.write_text(NSPL.replace("56.399240", "x"), encoding="utf-8")
    with pytest.raises(CommandError):
        load(*national[1:], broken)
    assert all(not rows for rows in snapshot().values())


def test_an_unreadable_gzip_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "postcodes.csv.gz"
    path.write_bytes(b"\x1f\x8b" + b"not really gzip at all" * 10)
    with pytest.raises(CommandError, match=r"postcodes\.csv\.gz.*not a readable gzip file"):
        load(path)


def test_a_truncated_gzip_file_is_reported_with_the_line_reached(tmp_path: Path) -> None:
    rows = "".join(
        f'"PH1 1QD","PH1 1QD","","S12000048","S08000030","S92000003","","",56.{i:06d},-3.4,1\n'
        for i in range(20000)
    )
    data = gzip.compress((NSPL_HEADER + rows).encode())
    path = tmp_path / "nspl.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CommandError) as exc:
        load(path)
    assert "nspl.csv.gz, line " in str(exc.value)
    assert "truncated" in str(exc.value)
    assert not Postcode.objects.exists()


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"nowhere\.csv: there is no such file"):
        load(tmp_path / "nowhere.csv")


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((NSPL_HEADER + '"PH1 1QD","Caf\xe9"\n').encode("latin-1"))
    with pytest.raises(CommandError, match=r"latin1\.csv, line 2: the file is not UTF-8"):
        load(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.sampled_from('ab1,"S.\n -9'), max_size=60), max_size=5))
def test_garbage_rows_give_a_load_error_or_load_nothing_but_never_crash(rows: list[str]) -> None:
    import tempfile

    from linkwork.places.loading.sources import LoadError
    from linkwork.places.services import load_places

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nspl.csv"
        path.write_text(NSPL_HEADER + "\n".join(rows), encoding="utf-8")
        try:
            load_places(paths=[path], progress=False)
        except LoadError as exc:
            assert "nspl.csv" in str(exc)
    assert not Postcode.objects.exists()

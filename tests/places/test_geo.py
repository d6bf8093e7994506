"""Distance and bounding boxes that other apps use for "services near me"."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkwork.places.geo import bounding_box, distance_m, douglas_peucker, simplify_geometry

EDINBURGH = (55.9533, -3.1883)
GLASGOW = (55.8642, -4.2518)


def test_edinburgh_to_glasgow_is_about_67_km() -> None:
    assert distance_m(*EDINBURGH, *GLASGOW) == pytest.approx(66_900, rel=0.01)


def test_distance_is_zero_to_itself_and_symmetric() -> None:
    assert distance_m(*EDINBURGH, *EDINBURGH) == 0
    assert distance_m(*EDINBURGH, *GLASGOW) == distance_m(*GLASGOW, *EDINBURGH)


def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert distance_m(56.0, -4.0, 57.0, -4.0) == pytest.approx(111_195, rel=0.001)


lats = st.floats(min_value=54.0, max_value=61.0)
lons = st.floats(min_value=-9.0, max_value=0.0)


@given(lats, lons, st.floats(min_value=0.1, max_value=100), st.floats(0, 2 * math.pi))
def test_bounding_box_holds_every_point_within_the_distance(
    lat: float, lon: float, km: float, bearing: float
) -> None:
    box = bounding_box(lat, lon, km)
    # A point just inside the radius, in any direction.
    d = km * 1000 * 0.999 / 6_371_008.8
    lat2 = math.degrees(
        math.asin(
            math.sin(math.radians(lat)) * math.cos(d)
            + math.cos(math.radians(lat)) * math.sin(d) * math.cos(bearing)
        )
    )
    lon2 = lon + math.degrees(
        math.atan2(
            math.sin(bearing) * math.sin(d) * math.cos(math.radians(lat)),
            math.cos(d) - math.sin(math.radians(lat)) * math.sin(math.radians(lat2)),
        )
    )
    assert distance_m(lat, lon, lat2, lon2) <= km * 1000
    assert box.contains(lat2, lon2)


def test_bounding_box_is_not_much_bigger_than_needed() -> None:
    box = bounding_box(*EDINBURGH, 10)
    assert distance_m(box.min_lat, EDINBURGH[1], box.max_lat, EDINBURGH[1]) == pytest.approx(
        20_000, rel=0.01
    )
    assert not box.contains(*GLASGOW)


def test_bounding_box_rejects_a_negative_distance() -> None:
    with pytest.raises(ValueError):
        bounding_box(*EDINBURGH, -1)


def test_douglas_peucker_drops_points_on_a_straight_line_and_keeps_corners() -> None:
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (2.0, 2.0)]
    assert douglas_peucker(line, 0.01) == [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0)]


def test_simplifying_keeps_rings_closed_and_drops_islets() -> None:
    square = [[0, 0], [0.5, 0.00001], [1, 0], [1, 1], [0, 1], [0, 0]]
    islet = [[5, 5], [5.0001, 5], [5.0001, 5.0001], [5, 5]]
    result = simplify_geometry(
        {"type": "MultiPolygon", "coordinates": [[square], [islet]]},
        tolerance=0.001,
        digits=4,
        min_area=1e-6,
    )
    assert result == {
        "type": "Polygon",
        "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
    }

"""Geography of the map: the outline of Zabrze and its districts (simplified polygons shipped in
`data/zabrze.geojson`, plausible but not surveyed), the projection to SVG coordinates, point-in-polygon and the
WiMax coverage share computed from the access points' positions."""

from functools import lru_cache
from math import asin
from math import cos
from math import radians
from math import sin
from math import sqrt
from pathlib import Path

import json


DATA = Path(__file__).parent / "data" / "zabrze.geojson"


@lru_cache(maxsize=1)
def city():
    """The GeoJSON FeatureCollection: one feature `kind=city` (the outline) and one per district (`id`)."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def outline():
    return next(f for f in city()["features"] if f["properties"]["kind"] == "city")["geometry"]["coordinates"][0]


def districts():
    return [f for f in city()["features"] if f["properties"]["kind"] == "district"]


def bounds():
    ring = outline()
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def contains(ring, lon, lat):
    """Ray casting: is the point inside the polygon ring [[lon, lat], ...]?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def district_at(lon, lat):
    for feature in districts():
        if contains(feature["geometry"]["coordinates"][0], lon, lat):
            return feature["properties"]["id"]
    return None


def km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km."""
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(a))


def coverage(points, range_km, steps=60):
    """Share (0..1) of the city's area within `range_km` of any of the points [(lat, lon)], on a grid of samples."""
    west, south, east, north = bounds()
    ring = outline()
    inside = covered = 0
    for i in range(steps):
        lat = south + (north - south) * (i + 0.5) / steps
        for j in range(steps):
            lon = west + (east - west) * (j + 0.5) / steps
            if not contains(ring, lon, lat):
                continue
            inside += 1
            if any(km(lat, lon, plat, plon) <= range_km for plat, plon in points):
                covered += 1
    return covered / inside if inside else 0.0


class Projection:
    """lon/lat -> SVG x/y (equirectangular, scaled by cos(latitude), north up)."""

    def __init__(self, width=600, margin=10):
        self.west, self.south, self.east, self.north = bounds()
        self.scale_x = cos(radians((self.south + self.north) / 2))
        span_x = (self.east - self.west) * self.scale_x
        span_y = self.north - self.south
        self.factor = (width - 2 * margin) / span_x
        self.margin = margin
        self.width = width
        self.height = round(span_y * self.factor + 2 * margin)

    def __call__(self, lon, lat):
        x = self.margin + (lon - self.west) * self.scale_x * self.factor
        y = self.margin + (self.north - lat) * self.factor
        return round(x, 1), round(y, 1)

    def path(self, ring):
        points = [self(lon, lat) for lon, lat in ring]
        return "M" + " L".join(f"{x},{y}" for x, y in points) + " Z"

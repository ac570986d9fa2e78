"""The generator of the network registry's demo data (`demo_data.json`, read by `setup.load_demo`).

What is written by hand — the note, street names, the kiosks' addresses and positions (the kiosk screens and their
documented screenshots show them), hotspot places, the connected sites' names and owning units, the texts of the
technical details, the backbone's ring of district nodes and the seed's figures — is in `data/demo_input.json`.
Everything else is computed from it and from the city's outline in `data/zabrze.geojson`, with a seeded random
generator, so the output is the same on every run:

- positions of cameras, hotspots, access points and connected sites: random points inside the city's districts
  (a hotspot inside the district of its place, a district's own office inside that district), rounded to 5
  decimals, the district read from the polygon;
- addresses: a street of the list and a house number;
- the WiMax access points and cameras are spread by best-candidate sampling (each the farthest of a few random
  draws from those placed before), placed again until the coverage computed as `totals` does it (`geo.coverage`,
  the control panel's default range) rounds to the reported percentage;
- fibre: the backbone joins the district nodes (each at its district's centre), every n-th connected site has its
  distribution segment from the nearest district node; lengths are great-circle distances (plus a drop into the
  building for distribution segments) scaled so that they add up to the reported total, rounded to 10 m, the
  rounding remainder on the last segment.

Run from the repository (Python standard library only, no Zope needed)::

    python3 src/ezabrze.policy/src/ezabrze/policy/network/demo_generator.py          # rewrite demo_data.json
    python3 src/ezabrze.policy/src/ezabrze/policy/network/demo_generator.py --check  # exit 1 if it differs

`tests/network/test_demo_generator.py` fails when the committed file and the generator's output drift apart.
"""

from pathlib import Path

import argparse
import importlib.util
import json
import random
import re
import sys
import unicodedata


HERE = Path(__file__).parent
INPUT = HERE / "data" / "demo_input.json"
OUTPUT = HERE / "demo_data.json"
MAX_PLACEMENTS = 100


def _geo():
    """`geo.py` of this package loaded from its file: the generator runs without Zope (the package's
    `__init__` imports Plone)."""
    spec = importlib.util.spec_from_file_location("ezabrze_network_geo", HERE / "geo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


geo = _geo()


def slug(title):
    """Plone-like id of a Polish title: "Urząd Miejski – budynek A" -> "urzad-miejski-budynek-a"."""
    text = unicodedata.normalize("NFKD", title.replace("ł", "l").replace("Ł", "L"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class Generator:
    def __init__(self, data):
        self.data = data
        self.rng = random.Random(data["seed"])
        self.districts = {f["properties"]["id"]: f for f in geo.districts()}
        self.west, self.south, self.east, self.north = geo.bounds()

    # -------------------------------------------------------------- places

    def district_name(self, district_id):
        return self.districts[district_id]["properties"]["name"]

    def centre(self, district_id):
        """The district's node: the mean of its polygon's corners."""
        ring = self.districts[district_id]["geometry"]["coordinates"][0]
        if ring[0] == ring[-1]:
            ring = ring[:-1]
        return round(sum(p[1] for p in ring) / len(ring), 5), round(sum(p[0] for p in ring) / len(ring), 5)

    def point(self, district_id=None):
        """A random (lat, lon, district) inside the city, or inside the given district."""
        if district_id is None:
            west, south, east, north = self.west, self.south, self.east, self.north
        else:
            ring = self.districts[district_id]["geometry"]["coordinates"][0]
            west, east = min(p[0] for p in ring), max(p[0] for p in ring)
            south, north = min(p[1] for p in ring), max(p[1] for p in ring)
        while True:
            lat = round(self.rng.uniform(south, north), 5)
            lon = round(self.rng.uniform(west, east), 5)
            found = geo.district_at(lon, lat)
            if found is not None and district_id in (None, found):
                return lat, lon, found

    def address(self):
        low, high = self.data["house_numbers"]
        return f"{self.rng.choice(self.data['streets'])} {self.rng.randint(low, high)}{self.data['address_suffix']}"

    # -------------------------------------------------------------- nodes

    def node(
        self,
        id_,
        title,
        node_type,
        medium,
        project,
        owner_unit,
        technical_details,
        place=None,
        address=None,
        internal_notes="",
    ):
        lat, lon, district = place if place is not None else self.point()
        return {
            "id": id_,
            "title": title,
            "node_type": node_type,
            "address": address if address is not None else self.address(),
            "latitude": lat,
            "longitude": lon,
            "district": district,
            "medium": medium,
            "node_status": self.data["statuses"].get(id_, "working"),
            "project": project,
            "owner_unit": owner_unit,
            "technical_details": technical_details,
            "internal_notes": internal_notes,
        }

    def kiosks(self):
        spec = self.data["kiosks"]
        return [
            self.node(
                f"infokiosk-{number:02d}",
                f"Infokiosk nr {number}",
                "kiosk",
                "fibre",
                spec["project"],
                self.data["operator_unit"],
                spec["technical_details"].format(number=number),
                place=(kiosk["latitude"], kiosk["longitude"], kiosk["district"]),
                address=kiosk["address"],
            )
            for number, kiosk in enumerate(spec["placed"], start=1)
        ]

    def fibre_cameras(self):
        spec = self.data["cameras"]
        return [
            self.node(
                f"kamera-{number:02d}",
                f"Kamera monitoringu nr {number}",
                "camera",
                "fibre",
                spec["fibre"]["project"],
                spec["owner_unit"],
                spec["fibre"]["technical_details"].format(number=number),
            )
            for number in range(1, spec["fibre"]["count"] + 1)
        ]

    def hotspots(self):
        spec = self.data["hotspots"]
        return [
            self.node(
                f"hotspot-{number}",
                f"Hotspot: {place['place']}",
                "hotspot",
                "fibre",
                spec["project"],
                self.data["operator_unit"],
                spec["technical_details"],
                place=self.point(place["district"]),
            )
            for number, place in enumerate(spec["places"], start=1)
        ]

    def spread(self, count, candidates):
        """`count` random points, each the farthest of `candidates` draws from the points before it (best-candidate
        sampling: spread over the city as an operator would place access points)."""
        points = []
        for _ in range(count):
            draws = [self.point() for _ in range(candidates)]
            points.append(max(draws, key=lambda c: min((geo.km(c[0], c[1], p[0], p[1]) for p in points), default=0.0)))
        return points

    def wimax(self):
        """The WiMax cameras and access points, placed until their coverage is the reported one."""
        cameras, points = self.data["cameras"], self.data["access_points"]
        coverage = self.data["wimax_coverage"]
        first = cameras["fibre"]["count"] + 1
        count = cameras["wimax"]["count"] + points["count"]
        for _attempt in range(MAX_PLACEMENTS):
            places = self.spread(count, coverage["candidates"])
            share = geo.coverage([(lat, lon) for lat, lon, _d in places], coverage["range_km"])
            if round(100 * share) == coverage["percent"]:
                break
        else:
            raise RuntimeError(f"no placement of the WiMax points covers {coverage['percent']} % of the city")
        wimax_cameras = [
            self.node(
                f"kamera-{number:02d}",
                f"Kamera monitoringu nr {number} (WiMax)",
                "camera",
                "wimax",
                cameras["wimax"]["project"],
                cameras["owner_unit"],
                cameras["wimax"]["technical_details"].format(number=number),
                place=places.pop(0),
            )
            for number in range(first, first + cameras["wimax"]["count"])
        ]
        access_points = [
            self.node(
                f"punkt-wimax-{number:02d}",
                f"Punkt dostępowy WiMax nr {number}",
                "access_point",
                "wimax",
                points["project"],
                self.data["operator_unit"],
                points["technical_details"].format(sector=number % points["sectors"] + 1),
                place=places.pop(0),
            )
            for number in range(1, points["count"] + 1)
        ]
        return wimax_cameras, access_points

    def site_titles(self):
        """(title, project, district or None) of every connected site, backbone sites first."""
        sites = self.data["sites"]
        backbone, distribution = sites["backbone"], sites["distribution"]
        titles = [(title, backbone["project"], None) for title in backbone["titles"]]
        titles += [(title, distribution["project"], None) for title in distribution["titles"]]
        for pattern, count in distribution["series"]:
            titles += [(pattern.format(n=n), distribution["project"], None) for n in range(1, count + 1)]
        own = distribution["one_per_district"]
        titles += [
            (own["title"].format(district=self.district_name(d)), distribution["project"], d) for d in own["districts"]
        ]
        return titles

    def sites(self):
        spec = self.data["sites"]
        return [
            self.node(
                slug(title),
                title,
                "site",
                "fibre",
                project,
                spec["owner_units"].get(title, self.data["operator_unit"]),
                spec["technical_details"].format(number=number),
                place=self.point(district),
                internal_notes=spec["internal_notes"],
            )
            for number, (title, project, district) in enumerate(self.site_titles(), start=1)
        ]

    # -------------------------------------------------------------- fibre

    def segments(self, sites):
        fibre = self.data["fibre"]
        hubs = {d: (fibre["hub"].format(district=self.district_name(d)), *self.centre(d)) for d in self.districts}
        routes = []  # (kind, project, title pattern, (name, lat, lon) start, end, drop)
        backbone = fibre["backbone"]
        ring = backbone["ring"]
        pairs = list(zip(ring, ring[1:] + ring[:1], strict=True)) + [tuple(link) for link in backbone["links"]]
        for start, end in pairs:
            routes.append(("backbone", backbone["project"], backbone["title"], hubs[start], hubs[end], 0.0))
        distribution = fibre["distribution"]
        for site in sites[:: distribution["every_nth_site"]]:
            end = (site["title"], site["latitude"], site["longitude"])
            hub = min(hubs.values(), key=lambda h: geo.km(h[1], h[2], end[1], end[2]))
            routes.append(("distribution", distribution["project"], distribution["title"], hub, end, fibre["drop_km"]))
        raw = [geo.km(start[1], start[2], end[1], end[2]) + drop for _k, _p, _t, start, end, drop in routes]
        scale = fibre["total_km"] / sum(raw)
        lengths = [round(length * scale, 2) for length in raw]
        lengths[-1] = round(fibre["total_km"] - sum(lengths[:-1]), 2)
        segments = []
        for number, ((kind, project, title, start, end, _drop), length) in enumerate(
            zip(routes, lengths, strict=True), start=1
        ):
            segments.append(
                {
                    "kind": kind,
                    "start_point": start[0],
                    "end_point": end[0],
                    "start_latitude": start[1],
                    "start_longitude": start[2],
                    "end_latitude": end[1],
                    "end_longitude": end[2],
                    "title": title.format(start=_short(start[0], fibre["hub"]), end=_short(end[0], fibre["hub"])),
                    "id": f"odcinek-{number:03d}",
                    "length_km": length,
                    "project": project,
                    "internal_notes": fibre["internal_notes"],
                }
            )
        return segments

    def generate(self):
        kiosks = self.kiosks()
        cameras = self.fibre_cameras()
        hotspots = self.hotspots()
        wimax_cameras, access_points = self.wimax()
        sites = self.sites()
        nodes = kiosks + cameras + wimax_cameras + hotspots + access_points + sites
        return {"note": self.data["note"], "nodes": nodes, "segments": self.segments(sites)}


def _short(name, hub_pattern):
    """A district node's name without its prefix in a segment's title ("Węzeł Zaborze" -> "Zaborze")."""
    prefix = hub_pattern.split("{")[0]
    return name[len(prefix) :] if name.startswith(prefix) else name


def generate(input_path=INPUT):
    return Generator(json.loads(Path(input_path).read_text(encoding="utf-8"))).generate()


def render(data):
    """The file's text: one key per line, Polish letters as they are."""
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed file")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = render(generate())
    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == text
        print(f"{args.output}: {'up to date' if same else 'differs from the generator'}")
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The network registry's demo data is what its generator makes of the hand-written input: the committed
`demo_data.json` and the generator cannot drift apart, and what the generator computes (positions inside the
districts, fibre lengths, WiMax coverage) holds in the committed file. No site needed."""

from ezabrze.policy.network import demo_generator
from ezabrze.policy.network import geo
from ezabrze.policy.network import WIMAX_RANGE_KM

import json
import pytest


@pytest.fixture(scope="module")
def committed():
    return json.loads(demo_generator.OUTPUT.read_text(encoding="utf-8"))


def test_committed_file_is_the_generators_output_byte_for_byte():
    assert demo_generator.OUTPUT.read_text(encoding="utf-8") == demo_generator.render(demo_generator.generate())


def test_check_mode_tells_a_drifted_file(tmp_path, capsys):
    target = tmp_path / "demo_data.json"
    assert demo_generator.main(["--output", str(target)]) == 0
    assert demo_generator.main(["--check", "--output", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    data["nodes"][0]["latitude"] += 0.001
    target.write_text(demo_generator.render(data), encoding="utf-8")
    assert demo_generator.main(["--check", "--output", str(target)]) == 1
    assert "differs from the generator" in capsys.readouterr().out


def test_same_seed_same_data_other_seed_other_positions(tmp_path):
    data = json.loads(demo_generator.INPUT.read_text(encoding="utf-8"))
    first = demo_generator.Generator(data).generate()
    assert demo_generator.Generator(data).generate() == first
    other = tmp_path / "input.json"
    other.write_text(json.dumps(dict(data, seed=data["seed"] + 1)), encoding="utf-8")
    second = demo_generator.generate(other)
    assert [n["id"] for n in second["nodes"]] == [n["id"] for n in first["nodes"]]
    assert [n["latitude"] for n in second["nodes"][17:]] != [n["latitude"] for n in first["nodes"][17:]]


def test_seed_figures(committed):
    nodes = committed["nodes"]
    by = {}
    for node in nodes:
        by.setdefault((node["node_type"], node["medium"]), []).append(node)
    assert {key: len(items) for key, items in by.items()} == {
        ("kiosk", "fibre"): 17,
        ("camera", "fibre"): 16,
        ("camera", "wimax"): 8,
        ("hotspot", "fibre"): 5,
        ("access_point", "wimax"): 42,
        ("site", "fibre"): 178,
    }
    assert len([n for n in nodes if n["medium"] == "fibre"]) == 216
    assert len({n["id"] for n in nodes}) == len(nodes)
    assert round(sum(s["length_km"] for s in committed["segments"]), 2) == 100.0


def test_every_node_lies_in_its_district(committed):
    for node in committed["nodes"]:
        assert geo.district_at(node["longitude"], node["latitude"]) == node["district"], node["id"]
    centre_offices = [n for n in committed["nodes"] if n["title"].startswith("Punkt Obsługi Mieszkańców – ")]
    assert len(centre_offices) == 10
    names = {f["properties"]["id"]: f["properties"]["name"] for f in geo.districts()}
    for office in centre_offices:
        assert office["title"].endswith(names[office["district"]])


def test_wimax_coverage_is_the_reported_one(committed):
    points = [(n["latitude"], n["longitude"]) for n in committed["nodes"] if n["medium"] == "wimax"]
    assert round(100 * geo.coverage(points, WIMAX_RANGE_KM)) == 90


def test_segments_follow_the_positions(committed):
    nodes = {n["title"]: n for n in committed["nodes"]}
    segments = committed["segments"]
    assert [s["kind"] for s in segments].count("backbone") == 15
    for segment in segments:
        straight = geo.km(
            segment["start_latitude"], segment["start_longitude"], segment["end_latitude"], segment["end_longitude"]
        )
        assert straight < segment["length_km"] < 1.5 * straight + 0.1, segment["id"]
        if segment["kind"] == "distribution":
            site = nodes[segment["end_point"]]
            assert (segment["end_latitude"], segment["end_longitude"]) == (site["latitude"], site["longitude"])

"""The command line end to end on a temporary SQLite database (no network)."""
import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.serve.cli import app

RAID_A = {
    "id": "a1", "url": "https://north-wire.example/raid", "outlet": "North Wire", "published": "2024-03-12",
    "title": "Border raid repelled, ministry says",
    "text": (
        "Russia's Defence Ministry said on Tuesday that its forces repelled a cross-border raid on the village "
        "of Kozinka in the Belgorod region.\n\n"
        "About 70 attackers were killed in the fighting, the ministry said."
    ),
}
RAID_B = {
    "id": "b1", "url": "https://border-post.example/kozinka", "outlet": "Border Post", "published": "2024-03-12",
    "title": "Volunteer corps claims village",
    "text": (
        "Fighters of the Russian Volunteer Corps clashed with Russian troops in Kozinka on Tuesday.\n\n"
        "The group said its units took control of the village and that not a single fighter was lost."
    ),
}
FESTIVAL = "Harvest festival opens\n\nThe town's harvest festival opened on Saturday with music, dancing and apple pies."


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "raids.jsonl").write_text(json.dumps(RAID_A) + "\n" + json.dumps(RAID_B) + "\n", encoding="utf-8")
    (folder / "festival.txt").write_text(FESTIVAL, encoding="utf-8")
    return folder


def run(db: str, *args: str):
    return CliRunner().invoke(app, ["--db", db, *args], catch_exceptions=False)


def export(db: str, what: str, fmt: str = "jsonl") -> str:
    res = run(db, "export", "--what", what, "--format", fmt)
    assert res.exit_code == 0, res.output
    return res.stdout


def test_ingest_fuses_two_outlets_and_flags_their_contradiction(db_url, inputs):
    res = run(db_url, "ingest", str(inputs))
    assert res.exit_code == 0, res.output
    assert "read 3 / new 3 / duplicates 0 / failed 0" in res.stderr
    events = [json.loads(line) for line in export(db_url, "events").splitlines()]
    battles = [e for e in events if e["event_type"] == "Battles"]
    assert len(battles) == 1, events
    ev = battles[0]
    assert ev["location"]["name"] == "Kozinka" and ev["location"]["country"] == "RU"
    assert ev["date"]["start"] == "2024-03-12"
    assert len(ev["documents"]) == 2
    names = {a["name"] for a in ev["actors"]}
    assert "Russian Volunteer Corps" in names
    fatal = {(c["value"], c["stance"]) for c in ev["claims"] if c["property"] == "fatalities"}
    assert (70, "asserts") in fatal and (0, "denies") in fatal
    assert ev["fatalities"]["low"] == 0 and ev["fatalities"]["high"] == 70
    assert ev["contradictions"], "70 killed vs not a single fighter lost must be flagged"
    # the festival is stored as a document but yields no event
    docs = [json.loads(line) for line in export(db_url, "documents").splitlines()]
    assert len(docs) == 3
    festival = next(d for d in docs if "harvest" in d["text"])
    assert not any(festival["id"] in e["documents"] for e in events)


def test_reingest_changes_nothing_and_keeps_event_ids(db_url, inputs):
    assert run(db_url, "ingest", str(inputs)).exit_code == 0
    before = export(db_url, "events")
    res = run(db_url, "ingest", str(inputs))
    assert res.exit_code == 0
    assert "new 0 / duplicates 3" in res.stderr
    assert export(db_url, "events") == before


def test_two_ingests_then_refuse_keep_the_events_of_one_ingest(db_url, inputs, tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(RAID_A) + "\n", encoding="utf-8")
    second.write_text(json.dumps(RAID_B) + "\n", encoding="utf-8")
    assert run(db_url, "ingest", str(first)).exit_code == 0
    assert run(db_url, "ingest", str(second)).exit_code == 0
    incremental = export(db_url, "events")
    res = run(db_url, "refuse")
    assert res.exit_code == 0 and "(+0 new, 0 updated, 0 merged)" in res.stderr
    assert export(db_url, "events") == incremental
    battles = [e for e in map(json.loads, incremental.splitlines()) if e["event_type"] == "Battles"]
    assert len(battles) == 1 and len(battles[0]["documents"]) == 2


def test_bad_inputs_are_reported_and_the_rest_ingested(db_url, inputs):
    (inputs / "broken.jsonl").write_text('{"text": "ok line about nothing"}\n{oops\n', encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    res = run(db_url, "ingest", str(inputs))
    assert res.exit_code == 2
    assert "broken.jsonl:2" in res.stderr and "malformed JSON" in res.stderr
    assert "empty.txt" in res.stderr
    assert "new 4" in res.stderr and "failed 2" in res.stderr


def test_exports_in_every_format(db_url, inputs):
    run(db_url, "ingest", str(inputs))
    rows = list(csv.DictReader(io.StringIO(export(db_url, "events", "acled-csv"))))
    assert rows and list(rows[0].keys())[:6] == ["event_id_cnty", "event_date", "year", "time_precision",
                                                 "disorder_type", "event_type"]
    assert any(r["location"] == "Kozinka" and r["country"] == "Russia" and ";" in r["source"] for r in rows)
    geo = json.loads(export(db_url, "events", "geojson"))
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["type"] == "Point"
    assert list(csv.DictReader(io.StringIO(export(db_url, "events", "csv"))))
    claims = [json.loads(line) for line in export(db_url, "claims").splitlines()]
    assert {c["property"] for c in claims} >= {"fatalities"}
    assert run(db_url, "export", "--what", "documents", "--format", "geojson").exit_code != 0


def test_events_filters_and_show(db_url, inputs):
    run(db_url, "ingest", str(inputs))
    res = run(db_url, "events", "--country", "RU", "--type", "Battles")
    assert res.exit_code == 0 and "Kozinka" in res.stdout
    assert "Kozinka" not in run(db_url, "events", "--country", "UA").stdout
    assert "Kozinka" not in run(db_url, "events", "--since", "2024-04-01").stdout
    assert run(db_url, "events", "--since", "yesterday").exit_code != 0
    assert "Kozinka" in run(db_url, "events", "--actor", "russia").stdout  # part of a name, any case
    assert "Kozinka" not in run(db_url, "events", "--actor", "%").stdout  # LIKE's wildcards are plain characters
    ev = json.loads(export(db_url, "events").splitlines()[0])
    shown = run(db_url, "show", ev["id"])
    assert shown.exit_code == 0 and ev["id"] in shown.stdout and "evidence" in shown.stdout
    assert run(db_url, "show", "e_nope").exit_code == 1


def test_classify_and_places_commands(tmp_path):
    f = tmp_path / "snips.jsonl"
    f.write_text(
        json.dumps({"id": "1", "text": "Russian drones struck an oil depot in Odesa overnight."}) + "\n"
        + json.dumps({"id": "2", "text": "The orchestra played Mozart to a full hall."}) + "\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["classify", str(f)])
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert out[0]["sub_event_type"] == "Air/drone strike" and out[1]["sub_event_type"] is None
    res = CliRunner().invoke(app, ["places", str(f)])
    first = json.loads(res.stdout.splitlines()[0])
    odesa = next(p for p in first["places"] if p["name"] == "Odesa")
    text = json.loads(f.read_text().splitlines()[0])["text"]
    assert text[odesa["start"]:odesa["end"]] == "Odesa" and odesa["country"] == "UA"

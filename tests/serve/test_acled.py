"""Issue 15, point 5: the ACLED export has ACLED's columns in ACLED's order, with ACLED's codes."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from deskdata import N_EVENTS, make_event
from eventwire.serve.cli import app as cli_app
from eventwire.serve.exports.acled import acled_id, interaction

# as the issue lists them, from ACLED's own export
ACLED_ORDER = (
    "event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, "
    "assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, "
    "admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, "
    "fatalities, tags, timestamp"
).split(", ")


def _export(db: str, fmt: str) -> list[dict]:
    res = CliRunner().invoke(cli_app, ["--db", db, "export", "--format", fmt])
    assert res.exit_code == 0, res.output
    reader = csv.DictReader(io.StringIO(res.stdout))
    rows = list(reader)
    return reader.fieldnames, rows


def test_the_columns_are_acleds_in_acleds_order(desk_db):
    header, rows = _export(desk_db, "acled-csv")
    assert header == ACLED_ORDER
    assert len(rows) == N_EVENTS


def test_codes_are_acleds(desk_db):
    _, rows = _export(desk_db, "acled-csv")
    by_id = {r["event_id_cnty"]: r for r in rows}
    for i in range(N_EVENTS):
        ev = make_event(i)
        row = by_id[acled_id(ev)]
        assert row["event_id_cnty"][:3] == {"UA": "UKR", "RU": "RUS"}[ev.location.country]
        assert row["country"] == {"UA": "Ukraine", "RU": "Russia"}[ev.location.country]
        assert row["iso"] == {"UA": "804", "RU": "643"}[ev.location.country] and row["region"] == "Europe"
        assert row["inter1"] == str(ev.actors[0].inter) and row["inter2"] == "7"
        assert row["interaction"] == str(min(ev.actors[0].inter, 7) * 10 + max(ev.actors[0].inter, 7))
        assert row["time_precision"] == "1" and row["geo_precision"] == "1"
        assert row["fatalities"] == str(ev.fatalities.best)
        assert row["disorder_type"] == "Political violence"
        assert (row["civilian_targeting"] == "Civilian targeting") is True  # actor2 is civilians
        assert int(row["timestamp"]) > 1_700_000_000
        assert row["event_date"] == ev.date.start.isoformat() and row["year"] == str(ev.date.start.year)


@pytest.mark.parametrize(("one", "two", "code"), [(1, 7, 17), (7, 1, 17), (8, 2, 28), (3, "", 30), ("", "", "")])
def test_interaction_puts_the_lower_code_first(one, two, code):
    assert interaction(one, two) == code


def test_extras_are_keyed_by_event_id_cnty(desk_db):
    _, rows = _export(desk_db, "acled-csv")
    header, extras = _export(desk_db, "acled-extras")
    assert header[0] == "event_id_cnty" and "claims" in header and "evidence" in header
    assert {r["event_id_cnty"] for r in extras} == {r["event_id_cnty"] for r in rows}
    disputed = [r for r in extras if json.loads(r["contradictions"])]
    assert len(disputed) == len([i for i in range(N_EVENTS) if i % 4 == 0])
    assert all(json.loads(r["evidence"])[0]["span"] for r in extras)

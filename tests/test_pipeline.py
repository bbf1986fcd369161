"""The whole pipeline on a temporary database: provenance dates and resumable stages."""
import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from eventwire.pipeline import Pipeline
from eventwire.store import repository as repo
from eventwire.store.orm import DocumentRow, MentionRow

BODY = (
    "Ukrainian drones struck an oil depot in the town of Lgov in the Kursk region early on Tuesday, "
    "the regional governor said, adding that two workers were injured.\n\n"
    "The governor said the fire at the depot was put out by the afternoon and that a garage and a car "
    "were also damaged by falling debris in the same street.\n\n"
    "Officials said air defences destroyed four more drones over the region during the night and that "
    "there was no damage from those."
)


def write(tmp: Path, records: list[dict]) -> Path:
    f = tmp / "in.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return f


def test_scraped_copy_takes_its_story_date_and_reports_the_conflict(tmp_path, any_db_url):
    original = {"id": "orig", "url": "https://wire.example/a", "outlet": "Wire", "published": "2024-03-12", "text": BODY}
    scrape = {"id": "copy", "url": "https://farm.example/b", "published": "2024-04-29",
              # the related list is cleaned away; the farm's own closing sentence keeps the copy a copy
              "text": BODY + "\n\nRelated:\nCheap flights to Kursk\nBest hotels near the border\n\n"
                             "The site that copied this story added a closing sentence of its own to it."}
    undated = {"id": "undated", "url": "https://farm.example/c", "text": BODY.replace("Tuesday", "Tuesday morning")}
    pipe = Pipeline(any_db_url)
    summary = pipe.ingest([str(write(tmp_path, [original, scrape, undated]))])
    assert (summary.new, summary.failed) == (3, 0)
    with pipe.Session() as s:
        rows = {r.external_id: r for r in s.scalars(select(DocumentRow))}
    assert len({r.story for r in rows.values()}) == 1
    assert rows["copy"].copy_of["document"] == rows["orig"].id
    assert rows["copy"].published_date.isoformat() == "2024-03-12"
    assert rows["copy"].published_conflict == "page says 2024-04-29; story says 2024-03-12"
    assert rows["undated"].published_source == "story" and rows["undated"].published_date.isoformat() == "2024-03-12"
    # the event is dated from the story (Tuesday before 12 March 2024 is 12 March), once
    assert summary.events == 1


def test_a_half_finished_run_is_completed_by_the_next(tmp_path, any_db_url):
    f = write(tmp_path, [{"id": "1", "published": "2024-03-12", "text": BODY}])
    pipe = Pipeline(any_db_url)
    pipe.ingest([str(f)])
    with pipe.Session.begin() as s:  # as if killed after storing the document, before extraction
        s.execute(update(DocumentRow).values(stage="cleaned"))
        s.query(MentionRow).delete()
    summary = Pipeline(any_db_url).ingest([str(f)])
    assert (summary.new, summary.duplicates) == (0, 1)
    with pipe.Session() as s:
        assert {r.stage for r in s.scalars(select(DocumentRow))} == {"extracted"}
        assert s.query(MentionRow).count() > 0
    assert summary.events == 1


def test_a_document_extracted_again_to_no_mentions_is_fused_again_by_the_next_run(tmp_path, any_db_url):
    f = write(tmp_path, [{"id": "1", "published": "2024-03-12", "text": BODY}])
    pipe = Pipeline(any_db_url)
    assert pipe.ingest([str(f)]).events == 1
    with pipe.Session.begin() as s:  # as if another run extracted it again, finding nothing, then was killed
        doc = s.scalar(select(DocumentRow.id))
        repo.replace_mentions(s, doc, [])
    summary = Pipeline(any_db_url).ingest([str(f)])
    assert (summary.new, summary.duplicates, summary.events) == (0, 1, 0)
    assert Pipeline(any_db_url).ingest([str(f)]).events == 0


def test_a_new_report_updates_its_event_only_and_non_english_is_noted(tmp_path, any_db_url):
    first = {"id": "1", "outlet": "Wire", "published": "2024-03-12", "text": BODY}
    other = {"id": "2", "outlet": "Post", "published": "2024-03-12",
             "text": "Russian forces shelled the town of Vovchansk in the Kharkiv region on Tuesday, the governor said."}
    second = {"id": "3", "outlet": "Herald", "published": "2024-03-12",
              "text": "A Ukrainian drone attack on an oil depot in Lgov on Tuesday injured two workers, officials in the Kursk region said."}
    russian = {"id": "4", "language": "ru", "text": "Беспилотник атаковал нефтебазу в Льгове во вторник, сообщили власти."}
    pipe = Pipeline(any_db_url)
    s1 = pipe.ingest([str(write(tmp_path, [first, other]))])
    assert s1.changes[0] == s1.events == 2
    (tmp_path / "in.jsonl").unlink()
    s2 = pipe.ingest([str(write(tmp_path, [second, russian]))])
    assert s2.changes == (0, 1, 0)  # the Lgov event gained a source; Vovchansk untouched
    assert s2.not_english == 1 and "1 not in English" in s2.line()
    s3 = pipe.ingest([str(tmp_path / "in.jsonl")])
    assert (s3.new, s3.changes, s3.events) == (0, (0, 0, 0), 2)


def test_a_page_dated_long_after_every_event_it_dates_is_flagged(tmp_path, any_db_url):
    text = ("Drones struck an oil depot in Lgov on 12 March 2024, the governor said.\n\n"
            "Russian missiles hit a warehouse in the town on 14 March 2024, officials said.")
    rec = {"id": "late", "url": "https://farm.example/x", "published": "2024-06-30", "text": text}
    calls = []

    def counting_extractor():
        from eventwire.extract.factory import build_extractor

        real = build_extractor()

        class Counting:
            def extract(self, doc, story=None):
                calls.append(doc.published.date)
                return real.extract(doc, story=story)
        return Counting()

    pipe = Pipeline(any_db_url, extractor_factory=counting_extractor)
    pipe.ingest([str(write(tmp_path, [rec]))])
    with pipe.Session() as s:
        row = s.scalars(select(DocumentRow)).one()
    assert row.published_conflict == "page says 2024-06-30; the latest date its story's texts name is 2024-03-14"
    assert row.published_confidence < 0.9 and row.published_date.isoformat() == "2024-03-14"
    assert "14 March 2024" in row.published_evidence and "scrape" in row.published_reason
    # clean's page date stays as clean read it, beside the decision
    assert (row.page_date.isoformat(), row.page_source, row.page_evidence) == ("2024-06-30", "metadata", "2024-06-30")
    # decided before extraction: extracted once, against the story's date
    assert [d.isoformat() for d in calls] == ["2024-03-14"]


def test_one_body_under_unrelated_headlines_is_two_articles_not_copies(tmp_path, any_db_url):
    box = ("What you need to know: the war in brief, updated every morning with the main developments, "
           "maps of the front line and answers to readers' most common questions about the conflict.")
    a = {"id": "a", "url": "https://paper.example/live", "title": "Live: siege of the steel plant enters its eighth week", "text": box}
    b = {"id": "b", "url": "https://paper.example/opinion", "title": "Opinion: what the summit in Beijing means for Europe", "text": box}
    copy = {"id": "c", "url": "https://farm.example/x", "title": "Farm|Live: siege of the steel plant enters its eighth week", "text": box}
    pipe = Pipeline(any_db_url)
    summary = pipe.ingest([str(write(tmp_path, [a, b, copy]))])
    assert (summary.new, summary.duplicates) == (2, 1)  # the farm's copy of 'a' is a duplicate; 'b' is not
    with pipe.Session() as s:
        rows = {r.external_id: r for r in s.scalars(select(DocumentRow))}
    assert rows["a"].story != rows["b"].story and rows["b"].copy_of is None
    again = pipe.ingest([str(tmp_path / "in.jsonl")])
    assert (again.new, again.duplicates) == (0, 3)


def test_figures_that_contradict_across_outlets_are_flagged_with_both_claimants(tmp_path, db_url):
    """Issue 11, item 10: one side's count of attackers killed against the other side's 'not a single
    fighter lost', and a ministry's count against a governor's, each told by another outlet."""
    from eventwire.store.repository import query_events

    recs = [
        {"id": "a", "url": "https://wire.example/raid", "outlet": "Steppe Wire", "published": "2024-05-08",
         "text": "KURSK — Russia's Defence Ministry said on Tuesday that its troops had repelled a cross-border raid "
                 "near the village of Tyotkino in the Kursk region, killing 25 attackers."},
        {"id": "b", "url": "https://courier.example/legion", "outlet": "Border Courier", "published": "2024-05-08",
         "text": "Fighters of a volunteer legion fighting for Ukraine clashed with Russian troops near the village of "
                 "Tyotkino in the Kursk region on Tuesday, the legion said.\n\n"
                 "\"Not a single fighter was lost,\" the legion said in a statement on its channel."},
        {"id": "c", "url": "https://post.example/shebekino", "outlet": "Evening Post", "published": "2024-05-08",
         "text": "Russia's Emergencies Ministry said six people were killed when shells hit Shebekino in the "
                 "Belgorod region on Monday."},
        {"id": "d", "url": "https://herald.example/shebekino", "outlet": "Border Herald", "published": "2024-05-08",
         "text": "Shelling of Shebekino in the Belgorod region on Monday killed nine people, regional governor "
                 "Vyacheslav Gladkov said."},
    ]
    pipe = Pipeline(db_url)
    assert pipe.ingest([str(write(tmp_path, recs))]).events == 2
    with pipe.Session() as s:
        events = {e.location.name: e for e in query_events(s)}
    for name, sides in (("Tyotkino", ("Defence Ministry", "legion")), ("Shebekino", ("Emergencies Ministry", "Gladkov"))):
        ev = events[name]
        assert len(ev.documents) == 2
        (c,) = ev.contradictions
        assert c.property == "fatalities"
        claimants = [ev.claims[i].claimant for i in c.claims]
        assert {ev.claims[i].evidence.document for i in c.claims} == set(ev.documents)  # one figure from each outlet
        assert all(any(side in who for who in claimants) for side in sides), claimants
        assert all(side in c.summary for side in sides)


@pytest.mark.parametrize("merge_rows", [1, 10**9])
def test_a_copy_is_found_whether_its_original_s_bands_were_merged_or_not(tmp_path, any_db_url, monkeypatch, merge_rows):
    """The original's bands merged into ``prov_bands`` by its own pass (a limit of one row), or still recent."""
    from eventwire.store import provenance_index

    monkeypatch.setattr(provenance_index, "RECENT_BANDS_MERGE_ROWS", merge_rows)
    pipe = Pipeline(any_db_url)
    original = {"id": "orig", "url": "https://wire.example/a", "published": "2024-03-12", "text": BODY}
    pipe.ingest([str(write(tmp_path, [original]))])
    with pipe.Session() as s:
        conn = s.connection()
        held = [conn.exec_driver_sql(f"SELECT COUNT(*) FROM {t}").scalar_one() > 0 for t in ("prov_bands", "prov_bands_recent")]
    assert held == ([True, False] if merge_rows == 1 else [False, True])
    copy = {"id": "copy", "url": "https://farm.example/b", "published": "2024-04-29",
            "text": BODY + "\n\nThe site that copied this story added a closing sentence of its own to it."}
    pipe.ingest([str(write(tmp_path, [copy]))])
    with pipe.Session() as s:
        rows = {r.external_id: r for r in s.scalars(select(DocumentRow))}
    assert rows["copy"].copy_of["document"] == rows["orig"].id

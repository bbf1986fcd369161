"""``watch`` against a feed server on 127.0.0.1: conditional GET, backoff on errors and garbage,
dedup across renumbered items, state kept across restarts, feed lists in plain text and OPML."""
from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_server import GARBAGE, FeedServer, rss, start

from eventwire.errors import InputError
from eventwire.ingest import urls
from eventwire.pipeline import Pipeline
from eventwire.serve.watch import Watcher
from eventwire.serve.watch.feedlist import FeedSpec, read_feed_list
from eventwire.serve.watch.poll import MAX_BACKOFF_SECONDS, backoff
from eventwire.store import feed_state as state_repo

ODESA = ("hg-1", "https://hg.example/odesa", "Port of Odesa hit by missiles",
         "Russian missiles struck grain warehouses in the port of Odesa on Wednesday night, the governor said.")
FERRY = ("hg-2", "https://hg.example/ferry", "Ferry timetable changes",
         "The summer ferry timetable starts on Monday, with two extra crossings on weekends.")
KHARKIV = ("hg-3", "https://hg.example/kharkiv", "Drone strike on Kharkiv",
           "A drone hit an apartment block in Kharkiv on Thursday, killing two people, the mayor said.")


@pytest.fixture()
def server(monkeypatch) -> Iterator[tuple[FeedServer, str]]:
    monkeypatch.setenv(urls.ALLOW_PRIVATE_ENV, "1")  # the feed is on loopback
    state = FeedServer(feed=rss([ODESA, FERRY]))
    httpd, base = start(state)
    yield state, f"{base}/feed.xml"
    httpd.shutdown()
    httpd.server_close()


def watcher(db_url: str, url: str, seed: int = 1) -> tuple[Watcher, list[str]]:
    lines: list[str] = []
    w = Watcher(Pipeline(db_url), [FeedSpec(url, 60)], report=lambda line, _o: lines.append(line),
                rng=random.Random(seed))
    return w, lines


def state_of(w: Watcher, url: str) -> state_repo.FeedState:
    with w.pipeline.Session() as session:
        return state_repo.get_feed_state(session, url)


def test_conditional_get_and_new_items_only(db_url, server):
    srv, url = server
    w, lines = watcher(db_url, url)
    first = w.poll(FeedSpec(url, 60))
    assert (first.status, first.items, first.new_items, first.summary.new) == ("new", 2, 2, 2)
    second = w.poll(FeedSpec(url, 60))
    assert second.status == "not modified"
    sent = srv.feed_requests()[-1]
    assert sent.if_none_match == srv.etag() and sent.if_modified_since == "Thu, 18 Jul 2024 09:00:00 GMT"
    assert sent.status == 304

    srv.feed = rss([KHARKIV, ODESA, FERRY])
    third = w.poll(FeedSpec(url, 60))
    assert (third.status, third.items, third.new_items, third.summary.new) == ("new", 3, 1, 1)
    assert state_of(w, url).etag == srv.etag()


def test_renumbered_relinked_or_reposted_items_are_not_read_again(db_url, server):
    srv, url = server
    w, _ = watcher(db_url, url)
    w.poll(FeedSpec(url, 60))
    renumbered = ("x-1", ODESA[1], ODESA[2], ODESA[3])  # new GUID, same link
    relinked = ("x-2", "https://hg.example/ferry?utm=1", FERRY[2], FERRY[3])  # new GUID and link, same text
    srv.feed = rss([renumbered, relinked])
    again = w.poll(FeedSpec(url, 60))
    assert (again.status, again.items, again.new_items, again.summary) == ("unchanged", 2, 0, None)


def test_errors_and_garbage_back_off_and_a_good_poll_recovers(db_url, server):
    srv, url = server
    w, lines = watcher(db_url, url)
    srv.fail_with = [500, GARBAGE, 503]
    waits = []
    for expected_failures, reason in ((1, "HTTP 500"), (2, "malformed feed XML"), (3, "HTTP 503")):
        out = w.poll(FeedSpec(url, 60))
        assert out.status == "failed" and reason in out.error and out.failures == expected_failures
        # doubled per failure in a row, with jitter between half and all of it, never under the interval
        assert max(60, 60 * 2 ** expected_failures / 2) <= out.next_in <= 60 * 2 ** expected_failures
        waits.append(out.next_in)
        assert state_of(w, url).failures == expected_failures
    assert waits == sorted(waits)
    assert all("failed (" in line and "in a row, next poll in" in line for line in lines)
    good = w.poll(FeedSpec(url, 60))
    assert good.status == "new" and good.new_items == 2 and state_of(w, url).failures == 0
    assert good.next_in == 60


def test_state_survives_a_restart(db_url, server):
    srv, url = server
    first, _ = watcher(db_url, url)
    first.poll(FeedSpec(url, 60))
    srv.fail_with = [500]
    first.poll(FeedSpec(url, 60))
    restarted, _ = watcher(db_url, url, seed=2)
    kept = state_of(restarted, url)
    assert kept.failures == 1 and kept.etag == srv.etag()
    # still backing off after the restart: the feed is not due yet
    assert restarted._due()[0][0] == kept.next_poll > kept.last_poll + 60
    out = restarted.poll(FeedSpec(url, 60))
    assert out.status == "not modified" and srv.feed_requests()[-1].if_none_match == srv.etag()


def test_backoff_is_capped_and_jittered():
    rng = random.Random(7)
    draws = {round(backoff(300, 3, rng)) for _ in range(50)}
    assert len(draws) > 10 and min(draws) >= 1200 and max(draws) <= 2400
    assert backoff(300, 200, rng) <= MAX_BACKOFF_SECONDS
    assert backoff(10, 1, rng) >= 10


# ------------------------------------------------------------ feed lists
def test_plain_feed_list_with_intervals_and_comments(tmp_path: Path):
    path = tmp_path / "feeds.txt"
    path.write_text("# wires\nhttps://a.example/rss\n\nhttps://b.example/atom 900  # busy\nhttps://a.example/rss\n",
                    encoding="utf-8")
    assert read_feed_list(path) == [FeedSpec("https://a.example/rss"), FeedSpec("https://b.example/atom", 900.0)]


def test_opml_feed_list(tmp_path: Path):
    path = tmp_path / "feeds.opml"
    path.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        '<outline text="News"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/>'
        '<outline type="rss" text="B" xmlUrl="https://b.example/atom" interval="120"/></outline>'
        '<outline text="no feed here"/></body></opml>', encoding="utf-8")
    assert read_feed_list(path) == [FeedSpec("https://a.example/rss"), FeedSpec("https://b.example/atom", 120.0)]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("https://a.example/rss 0.1\n", "below"),
        ("https://a.example/rss soon\n", "not a number"),
        ("a b c\n", "expected a feed and an optional interval"),
        ("# nothing\n", "names no feeds"),
        ('<?xml version="1.0"?><!DOCTYPE o [<!ENTITY e "x">]><opml><body/></opml>', "DTD"),
        ("<opml><body><outline xmlUrl='x'></body>", "malformed OPML"),
    ],
)
def test_bad_feed_lists_are_clear_errors(tmp_path: Path, content, reason):
    path = tmp_path / "feeds.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read_feed_list(path)

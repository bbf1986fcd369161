"""Watched feeds' state and seen items in a real SQLite file."""
from __future__ import annotations

from eventwire.store.database import make_engine, make_sessionmaker
from eventwire.store.feed_state import (
    FeedState, SeenKey, get_feed_state, get_feed_states, mark_seen, save_feed_state, unseen,
)


def test_state_round_trips_and_updates_in_place(db_url):
    Session = make_sessionmaker(make_engine(db_url))
    with Session.begin() as s:
        assert get_feed_state(s, "https://a.example/rss") is None
        save_feed_state(s, FeedState("https://a.example/rss", 300, etag='"v1"', failures=2, next_poll=10.5))
    with Session.begin() as s:
        save_feed_state(s, FeedState("https://a.example/rss", 600, etag='"v2"', last_modified="Thu, 18 Jul 2024",
                                     failures=0, next_poll=20.0, last_poll=19.0, last_status="ok"))
    with Session() as s:
        assert get_feed_state(s, "https://a.example/rss") == FeedState(
            "https://a.example/rss", 600, '"v2"', "Thu, 18 Jul 2024", 0, 20.0, 19.0, "ok")


def test_many_states_are_read_at_once(db_url):
    Session = make_sessionmaker(make_engine(db_url))
    urls = [f"https://f{i}.example/rss" for i in range(1203)]  # more than one query's worth
    with Session.begin() as s:
        for i, url in enumerate(urls[::2]):
            save_feed_state(s, FeedState(url, 300, next_poll=float(i)))
    with Session() as s:
        found = get_feed_states(s, urls)
    assert set(found) == set(urls[::2])
    assert found[urls[4]] == FeedState(urls[4], 300, next_poll=2.0)


def test_an_item_is_seen_by_guid_in_its_feed_by_link_or_by_content(db_url):
    Session = make_sessionmaker(make_engine(db_url))
    with Session.begin() as s:
        mark_seen(s, "feed-a", [SeenKey("g1", "https://x/1", "h1")], when=1.0)
    probes = [
        SeenKey("g1", "https://x/other", "h-other"),  # same GUID, same feed: seen
        SeenKey("g9", "https://x/1", "h-other"),  # same link: seen
        SeenKey("g9", None, "h1"),  # same title and text: seen
        SeenKey("g9", "https://x/9", "h9"),  # nothing in common: new
    ]
    with Session() as s:
        assert unseen(s, "feed-a", probes) == [False, False, False, True]
        # a GUID is the feed's own: another feed's "g1" is another item
        assert unseen(s, "feed-b", [SeenKey("g1", "https://x/b", "hb")]) == [True]
        assert unseen(s, "feed-a", []) == []

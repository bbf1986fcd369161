"""``eventwire watch`` on feed files: a poll ingests a feed's new items, the next reads nothing; the loop's
schedule; signals stop it cleanly.  Polls over HTTP are in test_watch_http.py."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.pipeline import Pipeline
from eventwire.serve.cli import app
from eventwire.serve.watch import Watcher
from eventwire.serve.watch.feedlist import FeedSpec

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>Harbour Gazette</title>
    <link>https://harbour-gazette.example/</link>
    <item>
      <title>Port of Odesa hit by missiles</title>
      <link>https://harbour-gazette.example/odesa-port</link>
      <guid>hg-1</guid>
      <pubDate>Thu, 18 Jul 2024 09:00:00 GMT</pubDate>
      <description>Russian missiles struck grain warehouses in the port of Odesa on Wednesday night, the regional governor said. Three dock workers were killed, he said.</description>
    </item>
    <item>
      <title>Ferry timetable changes</title>
      <link>https://harbour-gazette.example/ferry</link>
      <guid>hg-2</guid>
      <pubDate>Thu, 18 Jul 2024 10:00:00 GMT</pubDate>
      <description>The summer ferry timetable starts on Monday, with two extra crossings on weekends and a later last departure.</description>
    </item>
  </channel>
</rss>
"""


@pytest.fixture()
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "gazette.rss"
    path.write_text(FEED, encoding="utf-8")
    return path


def run(db: str, *args: str):
    return CliRunner().invoke(app, ["--db", db, *args], catch_exceptions=False)


def test_watch_once_ingests_the_feed_and_a_second_poll_reads_nothing(db_url, feed):
    first = run(db_url, "watch", str(feed), "--once")
    assert first.exit_code == 0, first.output
    assert f"{feed}: 2 items, 2 new: read 2 / new 2 / duplicates 0 / failed 0" in first.stderr
    assert "watched 1 poll: 2 new items / 2 new documents / 0 failed polls / 0 failed items" in first.stderr
    docs = [json.loads(line) for line in run(db_url, "export", "--what", "documents").stdout.splitlines()]
    assert {d["url"] for d in docs} == {"https://harbour-gazette.example/odesa-port", "https://harbour-gazette.example/ferry"}
    assert all(d["outlet"] == "Harbour Gazette" for d in docs)
    before = run(db_url, "export", "--what", "events").stdout

    second = run(db_url, "watch", str(feed), "--once")  # the file is unchanged: not even parsed
    assert second.exit_code == 0, second.output
    assert f"{feed}: not modified" in second.stderr
    feed.write_text(FEED.replace("hg-1", "hg-renumbered-1").replace("hg-2", "hg-renumbered-2"), encoding="utf-8")
    third = run(db_url, "watch", str(feed), "--once")  # changed file, renumbered items: seen by link
    assert f"{feed}: 2 items, none new" in third.stderr
    assert len(run(db_url, "export", "--what", "documents").stdout.splitlines()) == 2
    assert run(db_url, "export", "--what", "events").stdout == before


def test_watch_once_reports_a_missing_feed_and_fails(db_url, tmp_path):
    res = run(db_url, "watch", str(tmp_path / "gone.rss"), "--once")
    assert res.exit_code == 2
    assert f"{tmp_path / 'gone.rss'}: failed ([E541] no such file)" in res.stderr
    assert "watched 1 poll: 0 new items / 0 new documents / 1 failed polls" in res.stderr


def test_watch_rejects_a_tiny_interval_and_no_feeds(db_url, feed):
    assert run(db_url, "watch", str(feed), "--interval", "0.01").exit_code != 0
    assert run(db_url, "watch", "--once").exit_code != 0


def test_watch_reads_a_feeds_file(db_url, feed, tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# my feeds\n{feed}  600\n\n{tmp_path / 'gone.rss'}\n", encoding="utf-8")
    res = run(db_url, "--db", db_url, "watch", "--feeds", str(listing), "--once")
    assert res.exit_code == 2  # the missing one failed
    assert f"{feed}: 2 items, 2 new" in res.stderr and "gone.rss: failed ([E541] no such file)" in res.stderr
    assert "next poll in 600 s" in res.stderr  # the feed's own interval


# --------------------------------------------------------- the loop, no network
class NoSleep(threading.Event):
    """A stop event whose wait returns at once, recording the wait asked for; set after ``rounds``."""

    def __init__(self, rounds: int) -> None:
        super().__init__()
        self.waits: list[float | None] = []
        self.rounds = rounds

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(timeout)
        if len(self.waits) >= self.rounds:
            self.set()
        return self.is_set()


def test_loop_polls_each_feed_when_it_is_due(db_url, feed, tmp_path):
    other = tmp_path / "other.rss"
    other.write_text(FEED.replace("harbour-gazette", "other-gazette").replace("<title>", "<title>Other: "), encoding="utf-8")
    now = [1000.0]
    stop = NoSleep(rounds=3)
    lines: list[str] = []

    def report(line, _outcome):
        lines.append(line)
        now[0] += 1  # each poll takes a second

    specs = [FeedSpec(str(feed), 60), FeedSpec(str(other), 100)]
    watcher = Watcher(Pipeline(db_url), specs, interval=30, report=report, stop=stop, clock=lambda: now[0])
    totals = watcher.run()
    # round 1 polls both (never polled: due), at 1000 and 1001; the 60 s feed is due first, at 1060,
    # and the clock says 1002 when the loop goes to sleep; nothing is due after a wait that ended early
    assert [line.split("] ", 1)[1].split(":")[0] for line in lines] == [str(feed), str(other)]
    assert stop.waits == [58, 58, 58]
    assert totals.polls == 2 and totals.new_items == 4


def test_ctrl_c_ends_the_loop_with_the_summary_of_finished_polls(db_url, feed):
    def report(_line, _outcome):
        raise KeyboardInterrupt

    totals = Watcher(Pipeline(db_url), [str(feed)], interval=1, report=report).run()
    assert totals.interrupted and totals.polls == 1
    assert totals.line().startswith("watched 1 poll (interrupted): 2 new items")


def test_stop_ends_the_wait_at_once(db_url, feed):
    stop = threading.Event()
    started = time.monotonic()
    totals = Watcher(Pipeline(db_url), [str(feed)], interval=600, report=lambda *_: stop.set(), stop=stop).run()
    assert totals.polls == 1 and not totals.interrupted
    assert time.monotonic() - started < 60


def test_interval_below_the_minimum_is_refused(db_url):
    with pytest.raises(ValueError, match="interval"):
        Watcher(Pipeline(db_url), ["feed.rss"], interval=0)


# ----------------------------------------------------- a real process, signalled
@pytest.mark.parametrize(("sig", "interrupted"), [(signal.SIGINT, True), (signal.SIGTERM, False)])
def test_signals_stop_a_running_watch_cleanly(db_url, feed, tmp_path, sig, interrupted):
    assert run(db_url, "watch", str(feed), "--once").exit_code == 0  # later polls need no NLP model: fast
    exe = Path(sys.executable).with_name("eventwire")
    if not exe.exists():
        pytest.skip("eventwire script not installed")
    log_path = tmp_path / "watch.log"
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_DB"}
    with log_path.open("w") as log:
        # a shell starts background jobs with SIGINT ignored, and a Python started so keeps ignoring it:
        # give the watcher the disposition an interactive user's Ctrl-C meets
        proc = subprocess.Popen([str(exe), "--db", db_url, "watch", str(feed), "--interval", "30"],
                                stdout=log, stderr=subprocess.STDOUT, env=env,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        try:
            deadline = time.monotonic() + 60
            while ": not modified" not in log_path.read_text():
                assert proc.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "no first poll within 60 s"
                time.sleep(0.1)
            proc.send_signal(sig)
            try:
                code = proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                pytest.fail(f"still running 60 s after the signal; its log:\n{log_path.read_text()}")
            assert code == 0, log_path.read_text()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=15)
    text = log_path.read_text()
    assert "watched 1 poll" in text and ": not modified" in text
    assert ("(interrupted)" in text) is interrupted
    assert "Traceback" not in text and "Aborted" not in text

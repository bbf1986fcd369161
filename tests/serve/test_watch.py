"""``eventwire watch``: a pass ingests a feed's new items, the next adds nothing; signals stop it cleanly."""
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

from eventwire.pipeline import IngestSummary
from eventwire.serve.cli import app
from eventwire.serve.watch import Watcher

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


def test_watch_once_ingests_the_feed_and_a_second_pass_adds_nothing(db_url, feed):
    first = run(db_url, "watch", str(feed), "--once")
    assert first.exit_code == 0, first.output
    assert "pass 1: read 2 / new 2 / duplicates 0 / failed 0" in first.stderr
    assert "watched 1 pass: read 2 / new 2 / duplicates 0 / failed 0" in first.stderr
    docs = [json.loads(line) for line in run(db_url, "export", "--what", "documents").stdout.splitlines()]
    assert {d["url"] for d in docs} == {"https://harbour-gazette.example/odesa-port", "https://harbour-gazette.example/ferry"}
    assert all(d["outlet"] == "Harbour Gazette" for d in docs)
    before = run(db_url, "export", "--what", "events").stdout

    second = run(db_url, "watch", str(feed), "--once")
    assert second.exit_code == 0, second.output
    assert "read 2 / new 0 / duplicates 2 / failed 0" in second.stderr
    assert len(run(db_url, "export", "--what", "documents").stdout.splitlines()) == 2
    assert run(db_url, "export", "--what", "events").stdout == before


def test_watch_once_reports_a_missing_feed_and_fails(db_url, tmp_path):
    res = run(db_url, "watch", str(tmp_path / "gone.rss"), "--once")
    assert res.exit_code == 2
    assert "gone.rss" in res.stderr and "no such file" in res.stderr
    assert "watched 1 pass" in res.stderr


def test_watch_rejects_a_tiny_interval(db_url, feed):
    assert run(db_url, "watch", str(feed), "--interval", "0.01").exit_code != 0


# --------------------------------------------------------- the loop, no NLP
class FakePipeline:
    """Counts passes; ``interrupt_on`` raises KeyboardInterrupt as Ctrl-C would."""

    def __init__(self, interrupt_on: int | None = None) -> None:
        self.calls = 0
        self.interrupt_on = interrupt_on

    def ingest(self, inputs: list[str]) -> IngestSummary:
        self.calls += 1
        if self.calls == self.interrupt_on:
            raise KeyboardInterrupt
        return IngestSummary(read=2, new=2 if self.calls == 1 else 0, duplicates=0 if self.calls == 1 else 2, events=1)


class NoSleep(threading.Event):
    """A stop event whose wait returns at once, recording the interval asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float | None] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(timeout)
        return self.is_set()


def test_loop_sleeps_the_interval_between_passes_and_sums_them():
    stop = NoSleep()
    lines: list[str] = []

    def report(line, _summary):
        lines.append(line)
        if len(lines) == 3:
            stop.set()

    pipe = FakePipeline()
    totals = Watcher(pipe, ["feed.rss"], interval=60, report=report, stop=stop).run()
    assert pipe.calls == 3 and stop.waits == [60, 60, 60]
    assert [line.split("] ", 1)[1][:7] for line in lines] == ["pass 1:", "pass 2:", "pass 3:"]
    assert totals.line() == "watched 3 passes: read 6 / new 2 / duplicates 4 / failed 0 | 1 events in the database"


def test_stop_ends_the_wait_at_once():
    stop = threading.Event()
    started = time.monotonic()
    totals = Watcher(FakePipeline(), ["feed.rss"], interval=60, report=lambda *_: stop.set(), stop=stop).run()
    assert totals.passes == 1 and not totals.interrupted
    assert time.monotonic() - started < 10


def test_ctrl_c_ends_the_loop_with_the_summary_of_finished_passes():
    totals = Watcher(FakePipeline(interrupt_on=2), ["feed.rss"], interval=1).run()
    assert totals.interrupted and totals.passes == 1
    assert totals.line().startswith("watched 1 pass (interrupted): read 2 / new 2")


def test_interval_below_the_minimum_is_refused():
    with pytest.raises(ValueError, match="interval"):
        Watcher(FakePipeline(), ["feed.rss"], interval=0)


# ----------------------------------------------------- a real process, signalled
@pytest.mark.parametrize(("sig", "interrupted"), [(signal.SIGINT, True), (signal.SIGTERM, False)])
def test_signals_stop_a_running_watch_cleanly(db_url, feed, tmp_path, sig, interrupted):
    assert run(db_url, "watch", str(feed), "--once").exit_code == 0  # later passes need no NLP model: fast
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
            while "pass 1:" not in log_path.read_text():
                assert proc.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "no first pass within 60 s"
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
    assert "watched 1 pass" in text and "new 0 / duplicates 2" in text
    assert ("(interrupted)" in text) is interrupted
    assert "Traceback" not in text and "Aborted" not in text

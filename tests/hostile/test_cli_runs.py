"""The real command line, in subprocesses: hostile inputs, kill -9 and a re-run, two writers at once.

Slow (each run loads spaCy and the gazetteer); the whole file takes about a minute and a half.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from hostile_inputs import EVENTWIRE, db_counts, make_hostile_folder, run_cli, run_cli_peak, write_articles

pytestmark = pytest.mark.slow

# spaCy + gazetteer + lingua take ~650 MB in a normal run; a hostile one must stay near that
PEAK_RSS_BOUND_MB = 1500
N_ARTICLES = 300


def test_hostile_folder_through_the_cli(tmp_path: Path):
    folder = tmp_path / "in"
    expected = make_hostile_folder(folder)
    db = tmp_path / "h.db"
    start = time.monotonic()
    proc, peak = run_cli_peak("--db", f"sqlite:///{db}", "ingest", str(folder), timeout=180)
    seconds = time.monotonic() - start
    assert proc.returncode == 2, proc.stderr[-3000:]  # failures reported → exit code 2, not a crash
    assert "Traceback" not in proc.stderr
    failed = [ln for ln in proc.stderr.splitlines() if ln.startswith("failed ")]
    for name, reason in expected.items():
        lines = [ln for ln in failed if f"{folder / name}:" in ln or f"{folder / name} " in ln]
        if reason:
            assert lines and reason in lines[0], f"{name}: expected {reason!r} in {lines}"
        else:
            assert not lines, f"{name} should have been read: {lines}"
    n_refused = sum(1 for r in expected.values() if r)
    summary = proc.stderr.strip().splitlines()[-1]
    assert f"failed {n_refused}" in summary, summary
    counts = db_counts(db)
    duplicates = int(summary.split("duplicates ")[1].split(" ")[0])
    assert duplicates == 0, summary
    assert counts["documents"] == len(expected) - n_refused == counts["stages"].get("extracted")
    assert counts["integrity"] == "ok"
    assert peak < PEAK_RSS_BOUND_MB, (seconds, peak)  # time is bounded by the run timeout; speed lives in make bench
    print(f"hostile run: {len(expected)} inputs, {n_refused} refused, {counts['documents']} stored, "
          f"{seconds:.1f} s, peak RSS {peak:.0f} MB")


def _documents(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("select count(*) from documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # not created yet, or the table is being made


def test_kill_9_mid_ingest_then_rerun_finishes_without_duplicates(tmp_path: Path):
    big = write_articles(tmp_path / "big.jsonl", N_ARTICLES)
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    proc = subprocess.Popen([str(EVENTWIRE), "--db", url, "ingest", str(big)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None and _documents(db) < 40:
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest ended before it could be killed: make N_ARTICLES larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    killed = db_counts(db)
    assert killed["integrity"] == "ok" and 0 < killed["documents"] < N_ARTICLES
    assert killed["orphan_mentions"] == 0

    rerun = run_cli("--db", url, "ingest", str(big))
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    after = db_counts(db)
    assert after["documents"] == after["distinct_hashes"] == after["distinct_urls"] == N_ARTICLES
    assert after["stages"] == {"extracted": N_ARTICLES}
    assert after["orphan_mentions"] == 0 and after["integrity"] == "ok"
    assert after["mentions"] > 0 and after["events"]
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from documents where text is null or text = '' or seq is null").fetchone()[0] == 0
    con.close()

    again = run_cli("--db", url, "ingest", str(big))  # nothing new: fusion runs again on the same mentions
    assert again.returncode == 0 and f"new 0 / duplicates {N_ARTICLES}" in again.stderr
    final = db_counts(db)
    assert final["events"] == after["events"] and final["mentions"] == after["mentions"]
    print(f"killed at {killed['documents']} documents; after re-run {after['documents']} documents, "
          f"{after['mentions']} mentions, {len(after['events'])} events")


def test_two_writers_and_a_reader_at_once(tmp_path: Path):
    """Two ingests of overlapping inputs on one SQLite file, `events` read while they run."""
    first = write_articles(tmp_path / "first.jsonl", 80, start=0)
    second = write_articles(tmp_path / "second.jsonl", 80, start=40)  # 40 in common
    db = tmp_path / "shared.db"
    url = f"sqlite:///{db}"
    # the schema first: two processes creating the tables of a brand-new file at the same instant
    # race in store.database.make_engine ("table documents already exists"), reported to the lead
    assert run_cli("--db", url, "events").returncode == 0
    writers = [subprocess.Popen([str(EVENTWIRE), "--db", url, "ingest", str(f)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for f in (first, second)]
    reads, deadline = [], time.monotonic() + 150
    while any(w.poll() is None for w in writers) and time.monotonic() < deadline:
        reads.append(run_cli("--db", url, "events", "--all", timeout=60))
    outputs = [w.communicate(timeout=120) for w in writers]
    for w, (_, err) in zip(writers, outputs):
        assert w.returncode == 0, err[-2000:]
        assert "locked" not in err.lower() and "Traceback" not in err
    assert reads, "no read happened during the ingest"
    for r in reads:
        assert r.returncode == 0, r.stderr[-2000:]
        assert "locked" not in (r.stderr + r.stdout).lower()
    counts = db_counts(db)
    assert counts["documents"] == counts["distinct_hashes"] == counts["distinct_urls"] == 120
    assert counts["stages"] == {"extracted": 120}
    assert counts["orphan_mentions"] == 0 and counts["integrity"] == "ok"
    news = [int(e.split("new ")[1].split(" ")[0]) for _, e in outputs]
    assert sum(news) == 120, [e.strip().splitlines()[-1] for _, e in outputs]
    print(f"{len(reads)} reads during the two ingests; new per writer: {news}")

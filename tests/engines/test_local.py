"""A pool of worker processes writes what one process writes."""
from __future__ import annotations

import pytest

from eventwire.engines.local import InProcess, ProcessPool, default_workers, ordered
from eventwire.errors import ConfigError
from eventwire.pipeline import Pipeline


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def test_ordered_keeps_input_order_and_bounds_the_batches_in_flight():
    sent: list[list[int]] = []

    def submit(chunk):
        sent.append(chunk)
        return _Done([x * 10 for x in chunk])

    assert list(ordered(submit, range(7), batch=3, in_flight=2)) == [0, 10, 20, 30, 40, 50, 60]
    assert sent == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(ordered(submit, [], batch=3, in_flight=2)) == []


def test_engine_choice_and_bad_settings(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert isinstance(Pipeline(url).runner, InProcess)
    pool = Pipeline(url, workers=2).runner
    assert isinstance(pool, ProcessPool) and pool.workers == 2
    with pytest.raises(ConfigError, match="at least 1"):
        Pipeline(url, workers=0)
    with pytest.raises(ConfigError, match="unknown engine"):
        Pipeline(url, engine="spark")
    with pytest.raises(ConfigError, match="needs --engine dask"):
        Pipeline(url, scheduler="tcp://127.0.0.1:8786")
    assert default_workers() >= 1


@pytest.mark.slow
def test_two_worker_processes_write_exactly_what_one_process_writes(tmp_path, mixed_inputs, snapshot):
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    s1 = Pipeline(one, workers=1).ingest(mixed_inputs)
    pool = Pipeline(two, workers=2)
    try:
        s2 = pool.ingest(mixed_inputs)
    finally:
        pool.close()
    assert s1.line() == s2.line() and s1.new >= 15 and s1.events > 5
    assert [e.source for e in s1.errors] == [e.source for e in s2.errors]
    a, b = snapshot(one), snapshot(two)
    assert len(a["mentions"]) > 10
    assert a == b


@pytest.mark.slow
def test_a_killed_ingest_leaves_no_worker_behind(tmp_path):
    import os
    import signal
    import subprocess
    import time

    import psutil
    from hostile_inputs import EVENTWIRE, write_articles

    articles = write_articles(tmp_path / "many.jsonl", 400)
    proc = subprocess.Popen([str(EVENTWIRE), "--db", str(tmp_path / "k.db"), "ingest", str(articles), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent, deadline = psutil.Process(proc.pid), time.monotonic() + 400
    family: list[psutil.Process] = []
    while time.monotonic() < deadline and proc.poll() is None:
        family = parent.children(recursive=True)
        if sum("forkserver" in _cmdline(p) for p in family) >= 3:  # the server and two workers
            break
        time.sleep(0.5)
    assert proc.poll() is None and len(family) >= 3, "the ingest ended before its workers started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    gone, alive = psutil.wait_procs(family, timeout=30)
    assert not alive, [_cmdline(p)[:80] for p in alive]


def _cmdline(p) -> str:
    import psutil

    try:
        return " ".join(p.cmdline())
    except psutil.Error:
        return ""


@pytest.mark.slow
def test_the_fork_server_started_early_is_the_one_the_pool_forks_its_workers_from():
    """``start_fork_server`` (the ingest command's first step) starts the server the pool would start, with
    the same preload: the pool's workers are its children, not those of a second server."""
    import subprocess
    import sys

    code = (
        "import os\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from multiprocessing import forkserver\n"
        "from eventwire.config import Limits\n"
        "from eventwire.engines.local import PRELOAD, ProcessPool, start_fork_server\n"
        "start_fork_server()\n"
        "server = forkserver._forkserver._forkserver_pid\n"
        "assert server and forkserver._forkserver._preload_modules == PRELOAD\n"
        "ctx = ProcessPool(2, Limits(), cleaner=lambda: None)._context()\n"
        "with ProcessPoolExecutor(1, mp_context=ctx) as pool:\n"
        "    print(pool.submit(os.getppid).result() == server == forkserver._forkserver._forkserver_pid)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "True"


class _Flaky:
    """An extractor whose ``extract_many`` fails on a document: the batch is extracted one by one."""

    def extract_many(self, jobs):
        if any(doc.text == "bad" for doc, _ in jobs):
            raise ValueError("a bad document")
        return [[doc.text] for doc, _ in jobs]

    def extract(self, doc, story=None):
        if doc.text == "bad":
            raise ValueError("a bad document")
        return [doc.text]


def test_a_batch_is_extracted_together_and_one_failure_fails_only_its_document():
    from eventwire.engines import work
    from eventwire.engines.work import ExtractJob, extract_batch
    from eventwire.model import Document, PublishedDate

    def doc(text):
        return Document("d_" + text, "0" * 64, None, None, None, None, PublishedDate(None, "none", 0.0), "en", text)

    factory = _Flaky
    try:
        good = extract_batch([ExtractJob(doc("a"), None), ExtractJob(doc("b"), "s")], factory)
        assert [(r.doc_id, r.mentions, r.error) for r in good] == [("d_a", ("a",), None), ("d_b", ("b",), None)]
        mixed = extract_batch([ExtractJob(doc("a"), None), ExtractJob(doc("bad"), None)], factory)
        assert mixed[0].mentions == ("a",) and mixed[0].error is None
        assert mixed[1].mentions == () and "a bad document" in mixed[1].error
    finally:
        work._BUILT.pop(factory, None)

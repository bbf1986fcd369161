"""`ingest --engine dask` on a LocalCluster gives the documents, stories and events the in-process engine gives."""
from __future__ import annotations

import pytest

from eventwire.engines.dask import DaskCluster
from eventwire.errors import ConfigError
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


def test_a_local_cluster_yields_what_one_process_yields(tmp_path, mixed_inputs, snapshot):
    local, dask = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    s1 = Pipeline(local).ingest(mixed_inputs)
    pipe = Pipeline(dask, engine="dask", workers=1)
    assert isinstance(pipe.runner, DaskCluster)
    try:
        s2 = pipe.ingest(mixed_inputs)
        assert pipe.runner.workers == 1  # the cluster's one worker thread
    finally:
        pipe.close()
    assert s1.line() == s2.line() and s1.events > 5
    a, b = snapshot(local), snapshot(dask)
    assert len({d[2] for d in a["documents"]}) < len(a["documents"])  # a copy joined its story
    assert a == b


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    pipe = Pipeline(f"sqlite:///{tmp_path / 'x.db'}", engine="dask", scheduler="tcp://127.0.0.1:9")
    (tmp_path / "a.txt").write_text("Shelling hit Kharkiv on Monday, officials said.", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        pipe.ingest([str(tmp_path / "a.txt")])

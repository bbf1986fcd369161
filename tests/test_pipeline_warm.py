"""With extraction in worker processes, the ingesting process loads fusion's needs while it waits."""
import sys

from eventwire.pipeline import Pipeline


class _Runner:
    def __init__(self, workers):
        self.workers = workers


def test_fusion_is_loaded_while_workers_extract_and_not_when_extraction_runs_here(tmp_path):
    from eventwire.extract.truecase import english_words

    pipe = Pipeline(f"sqlite:///{tmp_path / 'x.db'}")
    assert pipe._warm_fusion() is None  # one process: the thread would only take extraction's turns
    pipe.runner = _Runner(2)
    english_words.cache_clear()
    thread = pipe._warm_fusion()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert "eventwire.fuse.incremental" in sys.modules
    assert english_words.cache_info().currsize == 1

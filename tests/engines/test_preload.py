"""The fork server's preload: the model is built there and frozen before any worker is forked."""
import subprocess
import sys


def test_the_preloaded_model_is_frozen_out_of_the_collectors_reach():
    code = "import gc, eventwire.engines.preload; print(gc.get_freeze_count())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out.strip().splitlines()[-1]) > 50_000  # the model's and gazetteer's objects, not a handful

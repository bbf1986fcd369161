"""tools/probe_boilerplate.py: the probe news pages are read by their marks and scored line by line."""
import importlib.util
import sys
from pathlib import Path

TOOLS = Path(__file__).parent.parent / "tools"
sys.path.insert(0, str(TOOLS))
SPEC = importlib.util.spec_from_file_location("probe_boilerplate", TOOLS / "probe_boilerplate.py")
probe = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(probe)

# Floors on the probe pages (F1 as measured when the floor was last raised; floors only go up).
PROBE_F1_FLOOR = 0.98


def test_read_page_splits_marks(tmp_path):
    page = tmp_path / "01-x.txt"
    page.write_text("url: https://example.org/a-b-c-d\nD Menu\nK Drones hit a depot.\n. 10:05 GMT\n", encoding="utf-8")
    got = probe.read_page(page)
    assert got["url"] == "https://example.org/a-b-c-d"
    assert got["text"] == "Menu\nDrones hit a depot.\n10:05 GMT"
    assert got["keep"] == ["Drones hit a depot."] and got["drop"] == ["Menu"]


def test_a_short_drop_line_inside_a_sentence_is_not_left():
    page = {"keep": ["Share prices fell."], "drop": ["Share", "Subscribe to our newsletter for updates"]}
    lost, left = probe.failures(page, "Share prices fell.\n\nSubscribe to our newsletter for updates today", None)
    assert lost == [] and left == ["Subscribe to our newsletter for updates"]


def test_the_probe_pages_score_at_least_the_floor():
    from eventwire.clean.cleaner import Cleaner

    figures, _ = probe.score(probe.read_pages(), Cleaner())
    assert figures["f1"] >= PROBE_F1_FLOOR

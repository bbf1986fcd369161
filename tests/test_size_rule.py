"""The size rule (tools/check_size.py) holds for the whole package: it ran by hand until a merge broke it."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("check_size", ROOT / "tools" / "check_size.py")
check_size = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(check_size)


def test_no_module_or_function_over_its_limit():
    found = [line for path in sorted((ROOT / "src").rglob("*.py")) if "node_modules" not in path.parts
             for line in check_size.oversized(path)]
    assert found == []


def test_the_rule_sees_an_oversized_module(tmp_path, monkeypatch):
    monkeypatch.setattr(check_size, "ROOT", tmp_path)
    big = tmp_path / "big.py"
    big.write_text("x = 1\n" * (check_size.MAX_MODULE_LINES + 1), encoding="utf-8")
    assert check_size.oversized(big) == [f"big.py: module of {check_size.MAX_MODULE_LINES + 1} lines (> 450)"]

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.config import Limits
from eventwire.errors import ConfigError, Errors, reason
from eventwire.serve.api import create_app


def test_messages_carry_their_code():
    assert Errors.E001.startswith("[E001] ")
    assert Errors.E002.format(name="X", raw="-1") == "[E002] X must be positive, not '-1'"


def test_a_bad_limit_names_its_code():
    with pytest.raises(ConfigError, match=r"\[E001\] EVENTWIRE_MAX_LINE_BYTES must be a number"):
        Limits.from_env({"EVENTWIRE_MAX_LINE_BYTES": "lots"})


# ------------------------------------------------------------------ the catalogue and its use
SRC = Path(__file__).resolve().parent.parent / "src" / "eventwire"
USER_FACING = ("ingest", "clean", "serve", "store", "engines")
CODED_TYPES = {"InputError", "EmptyDocument", "ConfigError", "BadParameter", "HTTPException", "invalid"}
EVENTWIRE = Path(sys.executable).parent / "eventwire"


def test_every_message_starts_with_its_own_code():
    codes = [name for name in vars(Errors) if re.fullmatch(r"[EW]\d{3}", name)]
    assert len(codes) > 60
    for code in codes:
        assert getattr(Errors, code).startswith(f"[{code}] ")


def test_reason_keeps_the_code_and_drops_the_source_a_report_names_already():
    assert reason(Errors.E204.format(source="a.txt"), "a.txt") == "[E204] empty file"
    assert reason(Errors.E204.format(source="b.txt"), "a.txt") == "[E204] b.txt: empty file"
    assert reason("a.txt: old style", "a.txt") == "old style"


def _uncoded_raises(path: Path) -> list[str]:
    """Raise sites of user-facing error types whose message is not read from ``Errors``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func = node.exc.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in CODED_TYPES and "Errors.E" not in ast.unparse(node.exc):
            found.append(f"{path.relative_to(SRC)}:{node.lineno}: {ast.unparse(node.exc)[:80]}")
    return found


def test_user_facing_raise_sites_carry_a_code():
    files = [p for pkg in USER_FACING for p in (SRC / pkg).rglob("*.py") if "node_modules" not in p.parts]
    assert len(files) > 30
    uncoded = [site for p in files for site in _uncoded_raises(p)]
    assert uncoded == []


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "40", "PYTHONUNBUFFERED": "1"}
    return subprocess.run([str(EVENTWIRE), *args], capture_output=True, text=True, timeout=240, env=env, cwd=cwd)


def test_codes_reach_the_command_line_user(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text('{"text": 3.5e1000, "title": ["x"]}\n{oops\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'e.db'}"
    ing = _cli("--db", db, "ingest", str(tmp_path / "empty.txt"), str(tmp_path / "lines.jsonl"),
               str(tmp_path / "absent.txt"), cwd=tmp_path)
    assert ing.returncode == 2
    err = " ".join(ing.stderr.split())  # whatever the terminal width
    assert "empty.txt: [E204] empty file" in err
    assert "lines.jsonl:1: [E210] field 'title' should be a string, got list" in err
    assert "lines.jsonl:2: [E214] malformed JSON" in err
    assert "absent.txt: [E207] no such file or folder" in err
    bad_db = _cli("--db", "nosuchdb://x/y", "events", cwd=tmp_path)
    assert bad_db.returncode == 2 and "[E401] cannot use database 'nosuchdb://x/y'" in " ".join(bad_db.stderr.split())
    bad_what = _cli("--db", db, "export", "--what", "people", cwd=tmp_path)
    assert bad_what.returncode == 2 and "[E503]" in bad_what.stderr


def test_codes_reach_the_api_client(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'api.db'}")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        missing = client.get("/api/events/e_nope")
        assert missing.status_code == 404 and missing.json() == {"detail": "[E502] no event 'e_nope'"}
        order = client.get("/api/events", params={"since": "2024-06-05", "until": "2024-06-01"})
        assert order.status_code == 422 and "[E520] must not be after until (2024-06-01)" in order.json()["message"]
        wrong = client.get("/api/export", params={"what": "documents", "format": "geojson"})
        assert wrong.status_code == 422 and "[E521] geojson is for events only" in wrong.json()["message"]
    app.state.engine.dispose()

"""The evaluation drivers' shared step: the real CLI ingests a file into a fresh database and exports it.

Each driver (``eval_dev.py``, ``eval_muc.py``) scores the pipeline as a user
runs it, through the installed ``eventwire`` command, so what they measure is
what ships.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXE = str(Path(sys.executable).parent / "eventwire")


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def ingest_and_export(db: str, source: Path, out: Path) -> bool:
    """Ingest ``source`` into ``db``; write ``events.jsonl`` and ``documents.jsonl`` to ``out``.

    Ingest's exit code 2 means some records were refused, which the scorers
    count against us; any other failure stops the evaluation (False).
    """
    ing = run([EXE, "--db", db, "ingest", str(source)])
    sys.stderr.write(ing.stderr[-2000:])
    if ing.returncode not in (0, 2):
        print("ingest crashed", file=sys.stderr)
        return False
    for what in ("events", "documents"):
        ex = run([EXE, "--db", db, "export", "--what", what, "--format", "jsonl", "-o", str(out / f"{what}.jsonl")])
        if ex.returncode:
            sys.stderr.write(ex.stderr)
            return False
    return True


def check_floors(figures: dict[str, float], floors: dict[str, float], label: str = "") -> int:
    """1 (and a BELOW FLOOR line per figure) when a figure falls under its floor; floors only go up."""
    failed = [f"{label}{k} {figures.get(k, 0):.3f} < floor {v}" for k, v in floors.items() if figures.get(k, 0) + 1e-9 < v]
    for f in failed:
        print(f"BELOW FLOOR: {f}", file=sys.stderr)
    return 1 if failed else 0

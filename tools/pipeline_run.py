"""The evaluation drivers' shared step: the real CLI ingests a file into a fresh database and exports it.

Each driver (``eval_dev.py``, ``eval_muc.py``) scores the pipeline as a user
runs it, through the installed ``eventwire`` command, so what they measure is
what ships.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXE = str(Path(sys.executable).parent / "eventwire")


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON-lines file (an export or a gold file), blank lines skipped."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


MUC_MESSAGES = Path("corpus") / "muc4_multisource_incidents" / "messages.jsonl"
# a floor that is a ceiling: at most this many duplicate events
DUPLICATES_MAX = "duplicate_events_max"


def ingest_and_export(db: str, source: Path, out: Path | None = None, *, files: dict[str, Path] | None = None) -> bool:
    """Ingest ``source`` into ``db``; write ``events.jsonl`` and ``documents.jsonl`` to ``out``
    (or each kind named in ``files`` to its path).

    Ingest's exit code 2 means some records were refused, which the scorers
    count against us; any other failure stops the evaluation (False).
    """
    files = files or {what: out / f"{what}.jsonl" for what in ("events", "documents")}
    ing = run([EXE, "--db", db, "ingest", str(source)])
    sys.stderr.write(ing.stderr[-2000:])
    if ing.returncode not in (0, 2):
        print("ingest crashed", file=sys.stderr)
        return False
    for what, path in files.items():
        ex = run([EXE, "--db", db, "export", "--what", what, "--format", "jsonl", "-o", str(path)])
        if ex.returncode:
            sys.stderr.write(ex.stderr)
            return False
    return True


def muc_input(shared: Path) -> str | None:
    """The MUC-4 messages as pipeline input (JSONL), by the shared scorer's ``to-input``; None on failure."""
    conv = run([sys.executable, str(shared / "eval" / "muc_score.py"), "to-input", str(shared / MUC_MESSAGES)])
    if conv.returncode:
        sys.stderr.write(conv.stderr)
        return None
    return conv.stdout


def check_floors(figures: dict[str, float], floors: dict[str, float], label: str = "") -> int:
    """1 (and a BELOW FLOOR line per figure) when a figure falls under its floor; floors only go up.

    ``duplicate_events_max`` is the one ceiling: more duplicate events than it fail.
    """
    failed = [f"{label}{k} {figures.get(k, 0):.3f} < floor {v}" for k, v in floors.items()
              if k != DUPLICATES_MAX and figures.get(k, 0) + 1e-9 < v]
    if DUPLICATES_MAX in floors and figures.get("duplicate_events", 0) > floors[DUPLICATES_MAX]:
        failed.append(f"{label}duplicate_events {figures['duplicate_events']} > {floors[DUPLICATES_MAX]}")
    for f in failed:
        print(f"BELOW FLOOR: {f}", file=sys.stderr)
    return 1 if failed else 0

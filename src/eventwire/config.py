"""Settings with sane defaults, overridable by environment.

Limits protect a long ingest from one hostile input: they are settings, not
constants buried in readers, so a user with unusual sources can raise them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DB_ENV = "EVENTWIRE_DB"


def default_db_url() -> str:
    """SQLite file in the user's data folder unless EVENTWIRE_DB says otherwise."""
    env = os.environ.get(DB_ENV)
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    folder = Path(base) / "eventwire"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'eventwire.db'}"


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20_000_000  # a news page is < 2 MB; 20 MB leaves room for inline images
    max_line_bytes: int = 5_000_000  # one JSONL record
    max_text_chars: int = 2_000_000  # body text after extraction
    max_html_depth: int = 2_000  # deeper trees are hostile, not news


LIMITS = Limits()

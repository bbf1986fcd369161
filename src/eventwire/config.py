"""Settings with sane defaults, overridable by environment.

Limits protect a long ingest from one hostile input: they are settings, not
constants buried in readers, so a user with unusual sources can raise them
(``EVENTWIRE_MAX_FILE_BYTES=50000000 eventwire ingest …``; every field of
``Limits`` has an ``EVENTWIRE_`` + upper-case name).
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

DB_ENV = "EVENTWIRE_DB"
LIMIT_ENV_PREFIX = "EVENTWIRE_"


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
    # -- reading
    max_file_bytes: int = 20_000_000  # a news page is < 2 MB; 20 MB leaves room for inline images
    max_line_bytes: int = 5_000_000  # one JSONL record
    # -- cleaning
    # plain-text body, before or after HTML extraction.  News articles here are < 11k characters;
    # extraction was measured at 100k chars → 4 s, 200k → 10 s, 400k → 32 s and 1.5 GB (superlinear),
    # so 300k keeps one document to ~20 s and ~1.2 GB; raise it for long live blogs
    max_text_chars: int = 300_000
    # HTML handed to trafilatura, after scripts, styles, comments and data: URIs are cut out.
    # Measured here: 0.5 MB → 0.7 s, 2 MB → 1.5 s, 5 MB → 4.4 s and ~170 MB; a 19 MB page ~17 s, ~600 MB.
    max_html_chars: int = 5_000_000
    # deeper nesting is hostile, not news: tags beyond it are flattened away (their text kept).
    # Below libxml2's own limit of 256, at which lxml silently drops the rest of the page (measured).
    max_html_depth: int = 200
    # -- extraction: spaCy needs ~1 GB per 100k characters parsed at once (its max_length note),
    # so longer paragraphs are cut at a space into pieces of at most this many characters
    max_paragraph_chars: int = 10_000
    # -- fetching
    fetch_timeout_seconds: float = 20.0  # connect, and each read
    fetch_total_seconds: float = 60.0  # the whole fetch of one URL: a server trickling bytes is cut off
    max_redirects: int = 5

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """Defaults, each overridden by ``EVENTWIRE_<FIELD>`` when that is set to a number."""
        env = os.environ if environ is None else environ
        values = {}
        for f in dataclasses.fields(cls):
            raw = env.get(LIMIT_ENV_PREFIX + f.name.upper())
            if raw is None or not raw.strip():
                continue
            kind = float if f.type in (float, "float") else int
            try:
                value = kind(raw)
            except ValueError:
                from eventwire.errors import ConfigError, Errors

                raise ConfigError(Errors.E001.format(name=LIMIT_ENV_PREFIX + f.name.upper(), raw=raw)) from None
            if value <= 0:
                from eventwire.errors import ConfigError, Errors

                raise ConfigError(Errors.E002.format(name=LIMIT_ENV_PREFIX + f.name.upper(), raw=raw))
            values[f.name] = value
        return cls(**values)


# the defaults; a run reads the environment once with ``Limits.from_env()`` (see Pipeline)
LIMITS = Limits()

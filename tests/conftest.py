"""Shared fixtures: one spaCy pipeline per session, temporary SQLite databases, and for
the store and pipeline tests the same database on a real PostgreSQL server too."""
from __future__ import annotations

from pathlib import Path

import pytest

from pg_server import UNREACHABLE, fresh_schema

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from eventwire.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request, tmp_path: Path):
    """A temporary SQLite file, then a fresh schema on a real PostgreSQL server (tests/pg_server.py)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    with fresh_schema() as url:
        yield url


def pytest_terminal_summary(terminalreporter) -> None:
    if UNREACHABLE:
        terminalreporter.write_sep("!", "PostgreSQL tests SKIPPED", red=True, bold=True)
        terminalreporter.write_line(f"{len(UNREACHABLE)} skipped: {UNREACHABLE[0]}")
        terminalreporter.write_line("start one with: sudo .ci/postgres (then export EVENTWIRE_TEST_PG_URL=<its output>)")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED

"""Shared fixtures: one spaCy pipeline per session, temporary SQLite databases."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from eventwire.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def extractor():
    """The extract stage as the pipeline builds it (reader and parser), once per session."""
    from eventwire.extract.factories import build_extractor

    return build_extractor()


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED

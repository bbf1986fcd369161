"""Fixtures for the serve tests: ``desk_db``, the database of ``deskdata`` (events written by hand)."""
from __future__ import annotations

from pathlib import Path

import pytest
from deskdata import fill


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory) -> str:
    path: Path = tmp_path_factory.mktemp("desk") / "desk.db"
    url = f"sqlite:///{path}"
    fill(url)
    return url

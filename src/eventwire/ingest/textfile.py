"""One local file's bytes or text, within the size limit.

Shared by the file walker and the JSONL reader (a JSONL line may name a side
file), so neither imports the other.
"""
from __future__ import annotations

from pathlib import Path

from eventwire.config import LIMITS, Limits
from eventwire.errors import Errors, InputError
from eventwire.ingest.decode import decode_bytes

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_file_bytes(path: Path, limits: Limits = LIMITS) -> bytes:
    """The file's bytes, or InputError when it is unreadable, empty or over ``max_file_bytes``."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(Errors.E201.format(source=path, size=size, limit=limits.max_file_bytes))
        with path.open("rb") as fh:  # read no more than the limit, even if the file grew since stat
            data = fh.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise InputError(Errors.E202.format(source=path, why=exc.strerror or exc)) from exc
    if len(data) > limits.max_file_bytes:
        raise InputError(Errors.E203.format(source=path, limit=limits.max_file_bytes))
    if not data.strip():
        raise InputError(Errors.E204.format(source=path))
    return data


def read_text_file(path: Path, limits: Limits = LIMITS) -> str:
    text = decode_bytes(read_file_bytes(path, limits), str(path))
    if not text.strip():
        raise InputError(Errors.E204.format(source=path))
    return text

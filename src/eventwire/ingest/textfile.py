"""One local file's bytes or text, within the size limit.

Shared by the file walker and the JSONL reader (a JSONL line may name a side
file), so neither imports the other.
"""
from __future__ import annotations

from pathlib import Path

from eventwire.config import LIMITS, Limits
from eventwire.errors import InputError
from eventwire.ingest.decode import decode_bytes

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_file_bytes(path: Path, limits: Limits = LIMITS) -> bytes:
    """The file's bytes, or InputError when it is unreadable, empty or over ``max_file_bytes``."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(f"{path}: {size} bytes is over the {limits.max_file_bytes}-byte limit")
        with path.open("rb") as fh:  # read no more than the limit, even if the file grew since stat
            data = fh.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > limits.max_file_bytes:
        raise InputError(f"{path}: over the {limits.max_file_bytes}-byte limit")
    if not data.strip():
        raise InputError(f"{path}: empty file")
    return data


def read_text_file(path: Path, limits: Limits = LIMITS) -> str:
    text = decode_bytes(read_file_bytes(path, limits), str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text

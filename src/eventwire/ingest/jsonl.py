"""JSONL ingest files: one record per line, bodies inline or in a side file.

Lines are read in bounded chunks so a 100 MB line cannot take the memory of
the run with it; a bad line is reported with its number and skipped.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from eventwire.config import LIMITS, Limits
from eventwire.errors import Errors, InputError, reason
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.records import record_from_mapping
from eventwire.ingest.textfile import HTML_SUFFIXES, read_text_file
from eventwire.model import IngestError, Record

READ_CHUNK = 1 << 20


def _lines(path: Path, limits: Limits) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes None when the line was over the limit."""
    with path.open("rb") as fh:
        number = 0
        while True:
            line = fh.readline(limits.max_line_bytes + 1)
            if not line:
                return
            number += 1
            if len(line) > limits.max_line_bytes and not line.endswith(b"\n"):
                while True:  # skip the rest of the oversized line without holding it
                    rest = fh.readline(READ_CHUNK)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield number, None
                continue
            yield number, line


def read_jsonl(path: Path, limits: Limits = LIMITS) -> Iterator[Record | IngestError]:
    try:
        handle_ok = path.stat().st_size >= 0
    except OSError as exc:
        yield IngestError(str(path), reason(Errors.E202.format(source=path, why=exc), str(path)))
        return
    if not handle_ok:
        return
    for number, raw in _lines(path, limits):
        where = f"{path}:{number}"
        if raw is None:
            yield IngestError(where, reason(Errors.E213.format(source=where, limit=limits.max_line_bytes), where))
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(decode_bytes(raw, where))
            body_file = obj.get("file") if isinstance(obj, dict) else None
            overrides: dict[str, str | None] = {}
            if body_file is not None:
                if not isinstance(body_file, str):
                    raise InputError(Errors.E212.format(source=where))
                target = (path.parent / body_file).resolve()
                body = read_text_file(target, limits)
                key = "html" if target.suffix.lower() in HTML_SUFFIXES else "text"
                overrides[key] = body
            record = record_from_mapping(obj, where, **overrides)
        except json.JSONDecodeError as exc:
            yield IngestError(where, reason(Errors.E214.format(source=where, why=exc.msg, column=exc.colno), where))
            continue
        except InputError as exc:
            yield IngestError(where, reason(str(exc), where))
            continue
        except RecursionError:
            yield IngestError(where, reason(Errors.E215.format(source=where), where))
            continue
        except Exception as exc:  # noqa: BLE001 - one line's surprise is reported; the next line is read
            yield IngestError(where, reason(Errors.E216.format(source=where, kind=exc.__class__.__name__, why=str(exc)[:200]), where))
            continue
        yield record

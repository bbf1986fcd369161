"""GET /api/export: the same files ``eventwire export`` writes, through the same writers.

The writers fill a spooled temporary file (memory up to ``SPOOL_BYTES``, then
disk) while the session is open; the response then streams it in chunks, so a
large export neither holds the database nor sits whole in memory twice.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from eventwire.errors import Errors
from eventwire.serve.api.deps import FilterDep, SessionDep
from eventwire.serve.api.errors import invalid
from eventwire.serve.exports.run import EVENTS_ONLY, write_export

router = APIRouter(prefix="/api/export", tags=["exports"])

SPOOL_BYTES = 8 * 1024 * 1024
CHUNK_CHARS = 64 * 1024
MEDIA = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "acled-csv": ("text/csv", "csv"),
    "acled-extras": ("text/csv", "csv"),
}

What = Literal["events", "documents", "claims"]
Format = Literal["jsonl", "csv", "geojson", "acled-csv", "acled-extras"]


def _chunks(spool: IO[str]) -> Iterator[bytes]:
    try:
        spool.seek(0)
        while chunk := spool.read(CHUNK_CHARS):
            yield chunk.encode("utf-8")
    finally:
        spool.close()


@router.get(
    "",
    summary="Export events, documents or claims as JSONL, CSV, GeoJSON, ACLED's CSV or its extras",
    response_class=StreamingResponse,
    responses={200: {"content": {m: {} for m, _ in MEDIA.values()}, "description": "the export file"}},
)
def export(
    session: SessionDep,
    filters: FilterDep,
    what: Annotated[What, Query(description="events | documents | claims")] = "events",
    format: Annotated[Format, Query(description="jsonl | csv | geojson | acled-csv | acled-extras (the last three for events only; "
                                                  "acled-extras holds claims, contradictions and evidence keyed by event_id_cnty)")] = "jsonl",
) -> StreamingResponse:
    if what != "events" and format in EVENTS_ONLY:
        raise invalid("format", Errors.E521.format(format=format, what=what), format)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")
    try:
        n = write_export(session, what, format, spool, filters)
    except BaseException:
        spool.close()
        raise
    media, suffix = MEDIA[format]
    headers = {
        "Content-Disposition": f'attachment; filename="eventwire-{what}{"-acled-extras" if format == "acled-extras" else ""}.{suffix}"',
        "X-Eventwire-Rows": str(n),
    }
    return StreamingResponse(_chunks(spool), media_type=media, headers=headers)

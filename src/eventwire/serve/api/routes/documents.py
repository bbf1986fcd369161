"""GET /api/documents (optionally one story's) and GET /api/documents/{id}."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from eventwire.serve.api.deps import PagingDep, SessionDep
from eventwire.serve.api.schemas import DocumentPublic, Page
from eventwire.serve.exports.shapes import document_dict
from eventwire.store.repository import all_documents, get_document

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=Page[DocumentPublic], summary="List documents in ingestion order")
def list_documents(
    session: SessionDep,
    paging: PagingDep,
    story: Annotated[str | None, Query(min_length=1, description="only this story's documents (a copy family), e.g. s_…")] = None,
) -> dict:
    rows = all_documents(session)
    if story is not None:
        rows = [r for r in rows if r.story == story]
    page = paging.page(rows)
    page["items"] = [document_dict(r) for r in page["items"]]
    return page


@router.get("/{document_id}", response_model=DocumentPublic,
            summary="One document: cleaned text, removed boilerplate, story, copy_of and drift",
            responses={404: {"description": "no such document"}})
def read_document(session: SessionDep, document_id: str) -> dict:
    row = get_document(session, document_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no document {document_id!r}")
    return document_dict(row)

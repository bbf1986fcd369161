"""GET /api/documents (optionally one story's) and GET /api/documents/{id}."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from eventwire.errors import Errors
from eventwire.serve.api.deps import PagingDep, SessionDep
from eventwire.serve.api.errors import shown
from eventwire.serve.api.schemas import DocumentPublic, Page
from eventwire.serve.exports.shapes import document_dict
from eventwire.store.repository import list_documents as stored_documents
from eventwire.store.repository import read_document as stored_document

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=Page[DocumentPublic], summary="List documents in ingestion order")
def list_documents(
    session: SessionDep,
    paging: PagingDep,
    story: Annotated[str | None, Query(min_length=1, max_length=64,
                                       description="only this story's documents (a copy family), e.g. s_…")] = None,
) -> dict:
    total, docs = stored_documents(session, story, paging.limit, paging.offset)
    return paging.wrap(total, [document_dict(d) for d in docs])


@router.get("/{document_id}", response_model=DocumentPublic,
            summary="One document: cleaned text, removed boilerplate, story, copy_of and drift",
            responses={404: {"description": "no such document"}})
def read_document(session: SessionDep, document_id: Annotated[str, Path(max_length=64)]) -> dict:
    doc = stored_document(session, document_id)
    if doc is None:
        raise HTTPException(status_code=404, detail=Errors.E522.format(document=shown(document_id)))
    return document_dict(doc)

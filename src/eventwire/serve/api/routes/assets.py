"""Static files: our scripts and styles (/static/…), the npm packages (/vendor/…), /docs and /redoc.

Only the files listed in ``web.VENDOR_FILES`` (and Leaflet's images) are
served from ``node_modules``; a missing one is a 404 that names ``make install``.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from eventwire.errors import Errors
from eventwire.serve.web import STATIC, VENDOR_FILES, vendor_dir

router = APIRouter(include_in_schema=False)

MEDIA = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png",
         ".svg": "image/svg+xml"}


def _file(path: Path) -> FileResponse:
    return FileResponse(path, media_type=MEDIA.get(path.suffix, "application/octet-stream"),
                        headers={"Cache-Control": "public, max-age=3600"})


@router.get("/static/{name}")
def static(name: str) -> FileResponse:
    path = STATIC / name
    if "/" in name or name.startswith(".") or not path.is_file():
        raise HTTPException(status_code=404, detail=Errors.E523)
    return _file(path)


@router.get("/vendor/{package}/{file:path}")
def vendor(package: str, file: str) -> FileResponse:
    listed = file in VENDOR_FILES.get(package, ()) or (
        package == "leaflet" and file.startswith("dist/images/") and ".." not in file)
    if not listed:
        raise HTTPException(status_code=404, detail=Errors.E524)
    path = vendor_dir() / package / file
    if not path.is_file():
        raise HTTPException(status_code=404, detail=Errors.E525.format(package=package, file=file))
    return _file(path)


@router.get("/docs")
def swagger() -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                               swagger_js_url="/vendor/swagger-ui-dist/swagger-ui-bundle.js",
                               swagger_css_url="/vendor/swagger-ui-dist/swagger-ui.css",
                               swagger_favicon_url="/static/favicon.svg")


@router.get("/redoc")
def redoc() -> HTMLResponse:
    return get_redoc_html(openapi_url="/openapi.json", title="eventwire API",
                          redoc_js_url="/vendor/redoc/bundles/redoc.standalone.js",
                          redoc_favicon_url="/static/favicon.svg", with_google_fonts=False)

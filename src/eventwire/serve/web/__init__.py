"""The analyst's desk: static pages, our scripts, and the npm assets they use.

Third-party browser code (Leaflet, markercluster, world-atlas, topojson-client,
uPlot, Swagger UI, ReDoc) is installed by the Makefile with ``npm ci`` into
``node_modules/`` beside this file (git-ignored) and served by the app under
``/vendor/<package>/``; nothing is fetched from a CDN.  ``EVENTWIRE_WEB_VENDOR``
points elsewhere when the package is installed without the Makefile.
"""
from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"

# package -> the files the pages load from it (relative to the package folder)
VENDOR_FILES = {
    "leaflet": ("dist/leaflet.js", "dist/leaflet.css"),
    "leaflet.markercluster": ("dist/leaflet.markercluster.js", "dist/MarkerCluster.css", "dist/MarkerCluster.Default.css"),
    "world-atlas": ("countries-110m.json",),
    "topojson-client": ("dist/topojson-client.min.js",),
    "uplot": ("dist/uPlot.iife.min.js", "dist/uPlot.min.css"),
    "swagger-ui-dist": ("swagger-ui-bundle.js", "swagger-ui.css"),
    "redoc": ("bundles/redoc.standalone.js",),
}


def vendor_dir() -> Path:
    """Where ``npm ci`` put the browser packages."""
    return Path(os.environ.get("EVENTWIRE_WEB_VENDOR") or HERE / "node_modules")


def missing_assets() -> list[str]:
    """The vendor files that are not installed (empty when the map and docs can work)."""
    base = vendor_dir()
    return [f"{pkg}/{f}" for pkg, files in VENDOR_FILES.items() for f in files if not (base / pkg / f).is_file()]

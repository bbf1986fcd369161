"""Exports in the shapes OUTPUT.md fixes: JSONL, CSV, GeoJSON, ACLED-style CSV."""

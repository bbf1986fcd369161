"""The read-only REST API and the small server-rendered web pages (``eventwire serve``).

``create_app(db_url)`` builds the FastAPI application; routes live one router per
resource under ``routes/``; every JSON body is built by ``serve.exports.shapes`` so
the API, the exports and the CLI cannot drift apart.
"""
from eventwire.serve.api.main import create_app

__all__ = ["create_app"]

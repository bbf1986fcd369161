"""ASGI guards in front of every route: the Host header, HEAD requests, safety headers.

* Host: a page on another site can point its own DNS name at 127.0.0.1
  ("DNS rebinding") and then read this server from the victim's browser as
  same-origin.  The browser still sends the attacker's name in ``Host``, so a
  request whose host is not one we serve is refused with 400 before it reaches
  a route.  Loopback names are allowed by default; ``serve --allowed-host``
  adds more.
* HEAD: FastAPI routes answer GET only; a HEAD is run as a GET and its body
  dropped, so monitors and ``curl -I`` get the same status and headers.
* Headers: ``nosniff`` everywhere; a Content-Security-Policy on HTML that lets
  pages load scripts and styles from this server only (never a CDN).
"""
from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

# our pages: scripts and data from this server only; Leaflet sets inline styles on its elements
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI and ReDoc start from a small inline script (FastAPI's pages); ReDoc runs a worker from a blob
DOCS_POLICY = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
               "base-uri 'none'; frame-ancestors 'none'")


def host_name(header: str) -> str:
    """The host part of a Host header, lower-case, without port or IPv6 brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        return header.split(":", 1)[0]
    return header


class Guards:
    """One ASGI middleware for the three guards (see the module docstring)."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed = {host_name(h) for h in (*LOOPBACK_HOSTS, *allowed_hosts)}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if host not in self.allowed:
            await _refuse(send, f"host {host[:60]!r} is not served here; start the server with --allowed-host to add it")
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        path = scope.get("path", "")

        async def send_wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [] if b"x-content-type-options" in names else [(b"x-content-type-options", b"nosniff")]
                ctype = dict(message.get("headers", [])).get(b"content-type", b"")
                if ctype.startswith(b"text/html") and b"content-security-policy" not in names:
                    policy = DOCS_POLICY if path in ("/docs", "/redoc") else PAGE_POLICY
                    extra += [(b"content-security-policy", policy.encode()), (b"referrer-policy", b"no-referrer")]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_wrapped)


async def _refuse(send: Send, text: str) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": 400,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})

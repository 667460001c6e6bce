"""The read-only web UI over a store: ``counterclaim serve --db counterclaim.db``.

:func:`make_app` returns a plain WSGI application (mount it under any WSGI server);
:func:`serve` runs it with the standard library's ``wsgiref`` server.
"""

from __future__ import annotations

import sys
from typing import Any, Optional, TextIO
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from socketserver import ThreadingMixIn

from counterclaim.web.app import PAGE_SIZE, WebApp, highlight_segments, make_app

__all__ = ["make_app", "serve", "WebApp", "highlight_segments", "PAGE_SIZE"]


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    """One short line per request on stderr (wsgiref's default is noisier)."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def serve(db: Optional[str] = None, host: str = "127.0.0.1", port: int = 8000, *, out: Optional[TextIO] = None) -> None:
    """Serve the UI over ``db`` (a SQLite path or postgresql:// URL, opened read-only) until interrupted."""
    from counterclaim.store import open_store

    store = open_store(db, readonly=True)  # fail now, with the store's message, rather than on the first request
    app = make_app(store)
    with make_server(host, port, app, server_class=_Server, handler_class=_QuietHandler) as httpd:
        shown = "localhost" if host in ("127.0.0.1", "::1") else host
        print(f"counterclaim: serving {len(store)} documents from {store.where} at http://{shown}:{httpd.server_port}/ "
              "(Ctrl-C to stop)", file=out or sys.stderr, flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            store.close()

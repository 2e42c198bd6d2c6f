"""A small static server for the built site, with the MIME types Pyodide needs.

``python scripts/serve.py`` serves ``site/`` at http://127.0.0.1:8000/. ``--prefix /tools/kk/``
serves it from a sub-folder, as a school intranet might. The browser tests use ``start``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path
from typing import Any

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # quiet in tests
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


def start(root: Path, port: int = 0, prefix: str = "/", verbose: bool = False) -> http.server.ThreadingHTTPServer:
    """Serve ``root`` in a background thread; returns the server (``server.server_port``)."""
    handler = functools.partial(type("PrefixedHandler", (Handler,), {"prefix": prefix}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.verbose = verbose  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default="site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/")
    args = parser.parse_args()
    server = start(Path(args.root), args.port, args.prefix, verbose=True)
    print(f"Kenniskring: http://127.0.0.1:{server.server_port}{args.prefix}  (Ctrl+C stops)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()

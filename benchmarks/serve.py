"""Serve a built site the way GitHub Pages serves a project site: under a sub-path, text gzipped,
a 301 to the slash for directories, and the site's 404.html for anything missing."""

from __future__ import annotations

import gzip
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED_TYPES = {
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "image/svg+xml",
    "text/javascript",
}


@lru_cache(maxsize=1024)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site_dir: Path, sub_path: str) -> None:
        super().__init__(("127.0.0.1", 0), PagesHandler)
        self.site_dir = site_dir.resolve()
        self.sub_path = sub_path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{self.sub_path}"


class PagesHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers get from Pages
    server: SiteServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        sub_path = self.server.sub_path
        if path == sub_path.rstrip("/"):
            return self._redirect(sub_path)
        target = self._file_for(path[len(sub_path) :]) if path.startswith(sub_path) else None
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                return self._redirect(path + "/")
            target = target / "index.html"
        if target is None or not target.is_file():
            return self._send(HTTPStatus.NOT_FOUND, self.server.site_dir / "404.html", send_body)
        self._send(HTTPStatus.OK, target, send_body)

    def _file_for(self, relative: str) -> Path | None:
        target = (self.server.site_dir / relative).resolve()
        return target if target.is_relative_to(self.server.site_dir) else None

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, file: Path, send_body: bool) -> None:
        content_type, encoding = mimetypes.guess_type(file.name)
        if encoding or not content_type:  # e.g. sitemap.xml.gz is sent as it is
            content_type = "application/gzip" if encoding else "application/octet-stream"
        body = file.read_bytes() if file.is_file() else b"Not found"
        headers = {"Content-Type": content_type, "Cache-Control": "max-age=600"}
        if content_type.startswith("text/") or content_type in COMPRESSED_TYPES:
            headers["Content-Type"] += "; charset=utf-8"
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", "") and file.is_file():
                body = _gzipped(file, file.stat().st_mtime_ns)
                headers["Content-Encoding"] = "gzip"
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)


@contextmanager
def serve(site_dir: Path, sub_path: str) -> Iterator[SiteServer]:
    """Serve ``site_dir`` on a free local port in a background thread."""
    server = SiteServer(site_dir, sub_path)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()

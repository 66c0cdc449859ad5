"""A small threaded HTTP server on 127.0.0.1 serving tests/fixtures/monitoring, plus generated bad cases.

Routes beyond the files: /lon.html (a 50 MB page), /vong-a ↔ /vong-b (redirect loop), /sang-noi-bo (redirect
to a private address), /etag/baophutho.rss (ETag/304 support), /cham.html (slower than the timeout),
/robots.txt (disallows /cam/). Every request is counted in ``hits`` so tests can check what was fetched.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "monitoring"
TYPES = {".rss": "application/rss+xml; charset=utf-8", ".atom": "application/atom+xml; charset=utf-8",
         ".xml": "application/xml; charset=utf-8", ".html": "text/html; charset=utf-8",
         ".csv": "text/csv; charset=utf-8", ".json": "application/json"}


class FixtureServer:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.hosts: list[str] = []  # Host header of each request
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
                      headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                if self.command != "HEAD":
                    # The client may have given up already (timeout tests).
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(body)

            def do_GET(self) -> None:
                path = self.path.split("?")[0].split("#")[0]
                server.hits[path] += 1
                server.hosts.append(self.headers.get("Host", ""))
                base = f"http://127.0.0.1:{server.port}"
                if path == "/robots.txt":
                    return self._send(200, b"User-agent: *\nDisallow: /cam/\n", "text/plain")
                if path == "/vong-a":
                    return self._send(302, headers={"Location": "/vong-b"})
                if path == "/vong-b":
                    return self._send(302, headers={"Location": f"{base}/vong-a"})
                if path == "/sang-noi-bo":
                    return self._send(302, headers={"Location": "http://10.0.0.5/admin"})
                if path == "/sang-metadata":
                    return self._send(301, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
                if path == "/lon.html":
                    return self._huge()
                if path == "/cham.html":
                    time.sleep(3)
                    return self._send(200, b"<html><body>muon</body></html>")
                if path == "/bai/cong-xa-cu.html":
                    # Legacy portal: Windows-1258 bytes served under a wrong Latin-1 label.
                    body = (FIXTURES / "bai" / "cong-xa-cu.html").read_bytes()
                    return self._send(200, body, "text/html; charset=iso-8859-1")
                etag = path.startswith("/etag/")
                file = (FIXTURES / path.removeprefix("/etag").lstrip("/")).resolve()
                if not file.is_file() or FIXTURES not in file.parents:
                    return self._send(404, b"<html><body>Khong tim thay</body></html>")
                body = file.read_bytes().replace(b"{BASE}", base.encode())
                if etag:
                    tag = '"v1"'
                    if self.headers.get("If-None-Match") == tag:
                        return self._send(304, headers={"ETag": tag})
                    return self._send(200, body, TYPES.get(file.suffix, "text/plain"), {"ETag": tag})
                return self._send(200, body, TYPES.get(file.suffix, "application/octet-stream"))

            def _huge(self) -> None:
                # 50 MB without a Content-Length, so the limit must be enforced while streaming.
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = ("<p>" + "Nội dung rất dài về chuyển đổi số. " * 200 + "</p>\n").encode()
                sent = 0
                try:
                    while sent < 50 * 1024 * 1024:
                        self.wfile.write(chunk)
                        sent += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def __enter__(self) -> FixtureServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

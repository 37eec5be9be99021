"""A local HTTP server that misbehaves on purpose, run in a thread for the fetch tests.

Each path is one way a hostile or broken site can treat `claimtrack import URL`:
it hangs, stalls after the headers, drips bytes, redirects to `file://` or in a
loop, serves a gzip bomb (generated as it is sent, never held), a PDF, an image.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ARTICLE = (
    "<html><head><title>Exports rise</title></head><body><article><h1>Exports rise</h1>"
    + "<p>The minister said exports rose by 40 percent in 2025 to 3 billion euros, "
    "and the ministry expects another 15 percent next year.</p>" * 4 + "</article></body></html>"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
GIB = 1 << 30


def gzip_stream(size: int, chunk: int = 1 << 20) -> Iterator[bytes]:
    """A gzip body that inflates to `size` zero bytes, compressed a chunk at a time."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(chunk)
    sent = 0
    while sent < size:
        piece = compressor.compress(zeros[: min(chunk, size - sent)])
        sent += min(chunk, size - sent)
        if piece:
            yield piece
    yield compressor.flush()


class Hostile(BaseHTTPRequestHandler):
    """One misbehaviour per path; `?size=` sets the size of the large ones."""

    server: HostileServer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read results, not the server's log."""

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        size = int(parse_qs(url.query).get("size", [str(50_000_000)])[0])
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        route = getattr(self, "_" + url.path.strip("/").replace("-", "_"), None)
        try:
            if route is None:
                self._send(404, "text/plain", b"not found")
            else:
                route(size)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def _send(self, status: int, kind: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _article(self, size: int) -> None:
        self._send(200, "text/html; charset=utf-8", ARTICLE.encode())

    def _text(self, size: int) -> None:
        body = "The minister said exports rose by 40 percent in 2025 to 3 billion euros. " * 3
        self._send(200, "text/plain; charset=utf-8", body.encode())

    def _hang(self, size: int) -> None:
        self.server.stop.wait(60)  # never answers while the test runs

    def _stall(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"<html><body>")
        self.wfile.flush()
        self.server.stop.wait(60)

    def _drip(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        while not self.server.stop.wait(0.02):  # a byte at a time, never ending
            self.wfile.write(b"a")
            self.wfile.flush()

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _redirect_file(self, size: int) -> None:
        self._redirect("file:///etc/passwd")

    def _redirect_ftp(self, size: int) -> None:
        self._redirect("ftp://127.0.0.1/article.txt")

    def _redirect_article(self, size: int) -> None:
        self._redirect("/article")

    def _loop(self, size: int) -> None:
        self._redirect("/loop")

    def _bomb(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        for piece in gzip_stream(size):
            self.wfile.write(piece)

    def _deflate_bomb(self, size: int) -> None:
        body = zlib.compress(bytes(size), 9)
        self._send(200, "text/html", body, Content_Encoding="deflate")

    def _brotli(self, size: int) -> None:
        self._send(200, "text/html", b"\x0b\x02\x80", Content_Encoding="br")

    def _big(self, size: int) -> None:
        self._send(200, "text/html", b"a" * size)

    def _big_unsized(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        sent = 0
        while sent < size:
            self.wfile.write(b"word " * 20_000)
            sent += 100_000

    def _pdf(self, size: int) -> None:
        self._send(200, "application/pdf", PDF)

    def _image(self, size: int) -> None:
        self._send(200, "image/png", PNG)

    def _json(self, size: int) -> None:
        self._send(200, "application/json", b'{"text": "not an article"}')

    def _binary(self, size: int) -> None:
        self._send(200, "application/octet-stream", bytes(range(256)))

    def _error(self, size: int) -> None:
        self._send(500, "text/html", b"<h1>boom</h1>")


class HostileServer(ThreadingHTTPServer):
    """The server; `stop` releases the handlers that hang."""

    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Hostile)
        self.stop = threading.Event()
        self.user_agents: list[str] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    """The server running in a thread for the duration of the block."""
    server = HostileServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()

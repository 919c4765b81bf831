"""A tiny threaded HTTP server on loopback, for fakes of the services we call.

Each fake answers from a `handle(method, path, query, body)` function and can be
told to misbehave the ways real upstreams do: answer 500, answer HTML, or hang.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MODES = ("ok", "error", "garbage", "slow", "down")



class _Listener(ThreadingHTTPServer):
    # socketserver listens with a backlog of 5: twenty clients connecting at once (the
    # posting tests) would have SYNs dropped and retried a second later, past a 0.5 s
    # connect timeout, on a busy machine. A real upstream accepts far more.
    request_queue_size = 128

class FakeServer:
    """Serve `handle` on 127.0.0.1:<free port> in a background thread."""

    def __init__(self):
        self.mode = "ok"
        #: A fake that reads the request's headers (auth, idempotency) sets this.
        self.wants_headers = False
        self.slow_seconds = 10.0
        self.requests: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _serve(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append(f"{method} {self.path}")
                if fake.mode == "down":
                    self.close_connection = True
                    self.connection.close()
                    return
                if fake.mode == "slow":
                    time.sleep(fake.slow_seconds)
                if fake.mode == "error":
                    return self._send(500, b'{"status": 500, "error": "Internal error"}')
                if fake.mode == "garbage":
                    return self._send(200, b"<html><body>Service unavailable</body></html>",
                                      "text/html")
                parts = urlsplit(self.path)
                extra = {"headers": dict(self.headers)} if fake.wants_headers else {}
                status, payload = fake.handle(method, parts.path, parse_qs(parts.query), body,
                                              **extra)
                self._send(status, json.dumps(payload).encode())

            def _send(self, status, data, content_type="application/json"):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

        self.httpd = _Listener(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def reset(self) -> None:
        self.mode = "ok"
        self.requests.clear()

    def handle(self, method: str, path: str, query: dict, body: bytes) -> tuple[int, object]:
        raise NotImplementedError

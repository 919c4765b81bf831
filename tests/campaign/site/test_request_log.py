"""Request logs: one JSON line per request, useful to operators, useless to a snoop."""
from __future__ import annotations

import io
import json
import logging
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from campaign.request_log import JsonLinesFormatter
from tests.campaign.helpers import SLUG

ROOT = Path(__file__).resolve().parents[3]
NAME = "Perpetua Quillfeather"
STREET = "77 Zanzibar Crescent"
SECRETS = ("203.0.113.7", "127.0.0.1", "E8 1DY", "E8+1DY", "E81DY", "SW1A1AA", NAME,
           STREET, "Zanzibar", "groomed")


@pytest.fixture
def json_log():
    """The request log as an operator's log collector would receive it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLinesFormatter())
    logger = logging.getLogger("campaign.requests")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(previous)


def entries(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_each_request_is_one_json_line_with_its_facts(client, journey, json_log):
    client.environ_base["REMOTE_ADDR"] = "203.0.113.7"
    journey.find_mp("E8 1DY")
    journey.write(full_name=NAME, address_line1=STREET, note="groomed by a gang")
    download = journey.download("pdf")
    lines = entries(json_log)
    assert [(e["method"], e["path"], e["status"]) for e in lines] == [
        ("GET", f"/c/{SLUG}/", 200),
        # The postcode form is a GET of the letter form's own address, whose postcode is
        # in the query string, which is never logged.
        ("GET", f"/c/{SLUG}/write", 200),
        # The preview answers 303 to its own address, the signed letter in its query
        # string, which is never logged.
        ("POST", "/c/<slug>/letter", 303),
        ("GET", f"/c/{SLUG}/preview", 200),
        ("POST", f"/c/{SLUG}/download", 200),
    ]
    for entry in lines:
        assert entry["logger"] == "campaign.requests"
        assert isinstance(entry["duration_ms"], float) and entry["duration_ms"] >= 0
        assert len(entry["request_id"]) == 16
    assert len({e["request_id"] for e in lines}) == len(lines)
    assert download.headers["X-Request-ID"] == lines[-1]["request_id"]


def test_nothing_personal_reaches_the_log(client, journey, json_log):
    client.environ_base["REMOTE_ADDR"] = "203.0.113.7"
    journey.open("?postcode=E8+1DY")
    journey.find_mp("E8 1DY")
    journey.write(full_name=NAME, address_line1=STREET, note="groomed by a gang")
    journey.download("docx")
    client.get("/SW1A1AA", headers={"X-Forwarded-For": "203.0.113.7"})
    client.get("/c/E81DY/")
    logged = json_log.getvalue()
    for secret in SECRETS:
        assert secret not in logged, secret
    not_found = entries(json_log)[-2:]
    assert [(e["path"], e["status"]) for e in not_found] == [
        ("(unmatched)", 404), ("/c/<slug>/", 404)]


def test_a_proxys_request_id_is_kept_if_plain_and_replaced_if_not(client, json_log):
    kept = client.get("/privacy", headers={"X-Request-ID": "req-4f2a9c1e77"})
    assert kept.headers["X-Request-ID"] == "req-4f2a9c1e77"
    forged = client.get("/privacy", headers={"X-Request-ID": 'x" "status": 200, "evil'})
    assert forged.headers["X-Request-ID"] != 'x" "status": 200, "evil'
    assert [e["request_id"] for e in entries(json_log)] == [
        "req-4f2a9c1e77", forged.headers["X-Request-ID"]]


def test_errors_are_logged_too(client, json_log):
    client.post(f"/c/{SLUG}/mp", data={"postcode": "E8 1DY"})  # no CSRF token
    client.post(f"/c/{SLUG}/mp", data={"postcode": "E8 1DY" * 50_000})  # too large
    assert [(e["path"], e["status"]) for e in entries(json_log)] == [
        ("/c/<slug>/mp", 400), ("/c/<slug>/mp", 413)]
    assert "E8 1DY" not in json_log.getvalue()


def test_a_typed_path_is_never_logged_whatever_the_status(client, json_log):
    """A path someone typed (here a postcode) is logged as its route or as unmatched,
    for redirects, bad requests and wrong methods as much as for a 404."""
    statuses = [
        client.post("/c/E81DY/mp", data={"postcode": "x"}).status_code,  # no CSRF token
        client.get("/c/E81DY").status_code,  # the slash is added by a redirect
        client.get("/c/E81DY/mp").status_code,  # a POST-only step opened by address
        client.get("/staff/E81DY").status_code,
        client.get("/E81DY").status_code,
    ]
    assert statuses == [400, 308, 404, 404, 404]
    assert "E81DY" not in json_log.getvalue()
    assert all(e["path"] in ("(unmatched)", "/c/<slug>/mp") for e in entries(json_log))


def test_a_served_app_logs_json_lines_to_stderr(tmp_path):
    """Outside the tests nobody configures logging: the app does, as JSON lines."""
    script = (
        "from campaign import create_app\n"
        f"app = create_app({{'DATABASE_PATH': {str(tmp_path / 'db.sqlite3')!r}}})\n"
        "app.test_client().get('/privacy')\n"
        "app.test_client().get('/nowhere?postcode=E8+1DY')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    requests = [line for line in lines if line["logger"] == "campaign.requests"]
    assert [(r["path"], r["status"]) for r in requests] == [
        ("/privacy", 200), ("(unmatched)", 404)]
    assert "E8" not in result.stderr


def test_gunicorn_keeps_no_access_log_with_addresses():
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert settings["accesslog"] is None
    fmt = settings["access_log_format"]
    for atom in ("%(h)s", "%(r)s", "%(q)s", "%(f)s", "%(a)s", "%(u)s", "{x-forwarded-for}i"):
        assert atom not in fmt, atom

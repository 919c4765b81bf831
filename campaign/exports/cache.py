"""Exports and evidence packs kept until a letter arrives for their campaign.

Counting 164,000 letters into a pack ZIP is seconds of CPU; the same ZIP asked for again
before anything changed is the same bytes. Each export view is wrapped (`cached`, the
builders are untouched): its answer is kept on disk beside the database, under a key of
what it depends on (the campaign's letters: how many and the last one's id, its writers'
reports, its edits, stances and the MP register; the address's filters; today's date;
the export code itself), shared by every gunicorn worker. A new letter changes the key,
so nothing stale is ever served; old files are removed once the cache passes MAX_BYTES.
A miss builds under a slot (campaign/exports/busy.py). Only counts are kept (no citizen
data): the same figures the database holds.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import wraps
from pathlib import Path

from flask import Response, current_app, render_template, request, send_file
from flask_login import current_user

from campaign.campaigns import campaign_by_slug
from campaign.campaigns.tables import campaign_updated_at
from campaign.clock import today
from campaign.db import get_db
from campaign.exports import busy

MAX_BYTES = 512 * 1024 * 1024
FOLDER = "export-cache"
# The export code's own fingerprint: a new release (new columns, new wording in packs)
# never serves a file an older one built.
_CODE = Path(__file__).resolve().parent
_LETTERS = _CODE.parent.parent / "letters"


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for folder in (_CODE, _LETTERS):
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_FINGERPRINT = _fingerprint()


def folder() -> Path:
    """The cache's folder: beside the database, as its backups are."""
    return Path(current_app.config["DATABASE_PATH"]).resolve().parent / FOLDER


def campaign_state(db, campaign_id: int) -> list:
    """What a campaign's exports depend on, read cheaply (indexed maxima: letters and
    writers' reports are only ever added, never changed or removed, so the last id says
    whether any arrived; a report for any campaign counts, as its campaign costs a join)."""
    queries: tuple[tuple[str, list[object]], ...] = (
        ("select max(id) from letters where campaign_id = ?", [campaign_id]),  # m028's index
        ("select max(rowid) from letter_reports", []),
        ("select count(*), max(id) from campaign_history where campaign_id = ?", [campaign_id]),
        ("select count(*), max(updated_at) from mp_stances where campaign_id = ?",
         [campaign_id]),
        ("select count(*), max(fetched_at) from mps", []),
    )
    state = [list(db.execute(sql, params).fetchone()) for sql, params in queries]
    # Third, as it always was: the campaign, one of its asks or targets changed.
    state.insert(2, [campaign_updated_at(db, campaign_id)])
    return state


def key(db, campaign_id: int) -> str:
    """The cache key of this request's export of campaign `campaign_id`."""
    parts = [CODE_FINGERPRINT, request.endpoint, campaign_id,
             sorted(request.args.items(multi=True)), today().isoformat(),
             current_app.config.get("ORGANISATION_NAME"), campaign_state(db, campaign_id)]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def _busy() -> tuple[str, int, dict]:
    page = render_template("error.html", heading="Busy just now", message=busy.BUSY,
                           staff=True)
    return page, 503, {"Retry-After": str(busy.RETRY_AFTER_SECONDS)}


def limited(view: Callable) -> Callable:
    """Run `view` under an export slot (busy 503 when none is free)."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        slot = busy.take(folder() / "slots", current_user.get_id())
        if slot is None:
            return _busy()
        try:
            return view(*args, **kwargs)
        finally:
            slot.release()
    return wrapped


def cached(view: Callable) -> Callable:
    """Answer `view` (an export of the campaign named by `slug`) from the cache, or
    build it under an export slot and keep a successful answer for next time."""
    @wraps(view)
    def wrapped(slug: str, *args, **kwargs):
        db = get_db()
        campaign = campaign_by_slug(db, slug)
        if campaign is None:
            return view(slug, *args, **kwargs)  # its own 404
        name = key(db, campaign.id)
        kept = _read(name)
        if kept is not None:
            return kept
        slot = busy.take(folder() / "slots", current_user.get_id())
        if slot is None:
            return _busy()
        try:
            response = current_app.make_response(view(slug, *args, **kwargs))
        except BaseException:
            slot.release()
            raise
        if response.status_code != 200:
            slot.release()
            return response
        if response.is_streamed:
            # Kept as it is sent; the slot is held until the last byte is built.
            # Paths now: the body is built after the request (and its app) has gone.
            response.response = _KeptWhileSent(response, response.iter_encoded(),
                                                _paths(name), slot)
            return response
        try:
            _write(name, response, [response.get_data()])
        finally:
            slot.release()
        return response
    return wrapped


def _paths(name: str) -> tuple[Path, Path]:
    base = folder()
    return base / f"{name}.body", base / f"{name}.json"


def _read(name: str) -> Response | None:
    body, meta = _paths(name)
    try:
        headers = json.loads(meta.read_text("utf-8"))
        response = send_file(body, mimetype=headers.pop("Content-Type"), conditional=False,
                             etag=False, max_age=0)
    except (OSError, ValueError, KeyError):
        return None
    for header, value in headers.items():
        response.headers[header] = value
    return response


def _write(name: str, response: Response, chunks: Iterable[bytes]) -> None:
    """Write the body (then its headers, which make it a hit) atomically."""
    base = folder()
    base.mkdir(mode=0o700, parents=True, exist_ok=True)
    body, meta = _paths(name)
    with tempfile.NamedTemporaryFile("wb", dir=base, delete=False, suffix=".part") as out:
        for chunk in chunks:
            out.write(chunk)
    os.replace(out.name, body)
    _write_meta(response, meta)
    _trim(base)


def _write_meta(response: Response, meta: Path) -> None:
    headers = {name: value for name, value in response.headers.items()
               if name in ("Content-Type", "Content-Disposition", "Cache-Control")}
    with tempfile.NamedTemporaryFile("w", dir=meta.parent, delete=False,
                                     suffix=".part", encoding="utf-8") as out:
        json.dump(headers, out)
    os.replace(out.name, meta)


class _KeptWhileSent:
    """A streamed body, kept on disk as it is sent; the slot is given back when it ends,
    and also when it is closed unread (a HEAD request, a reader gone before the first
    byte), which a bare generator would not do (an unstarted generator's `finally`
    never runs)."""

    def __init__(self, response: Response, chunks: Iterator[bytes],
                 paths: tuple[Path, Path], slot: busy.Slot):
        self._response, self._chunks, self._paths, self._slot = response, chunks, paths, slot
        self._sending = self._send()

    def __iter__(self) -> Iterator[bytes]:
        return self._sending

    def close(self) -> None:
        try:
            self._sending.close()
        finally:
            self._slot.release()

    def _send(self) -> Generator[bytes, None, None]:
        body, meta = self._paths
        body.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        part = tempfile.NamedTemporaryFile("wb", dir=body.parent, delete=False,
                                           suffix=".part")
        complete = False
        try:
            for chunk in self._chunks:
                part.write(chunk)
                yield chunk
            complete = True
        finally:
            self._slot.release()
            part.close()
            if complete:
                os.replace(part.name, body)
                _write_meta(self._response, meta)
                _trim(body.parent)
            else:  # the reader left half-way: nothing half-built is kept
                os.unlink(part.name)


def _trim(base: Path) -> None:
    """Remove the oldest kept files once the cache is over MAX_BYTES."""
    files = []
    for path in base.glob("*.body"):
        try:
            stat = path.stat()
        except FileNotFoundError:  # trimmed by another worker meanwhile
            continue
        files.append((stat.st_mtime, stat.st_size, path))
    total = sum(size for _, size, _ in files)
    for _, size, path in sorted(files):
        if total <= MAX_BYTES:
            break
        for stale in (path, path.with_suffix(".json")):
            stale.unlink(missing_ok=True)
        total -= size

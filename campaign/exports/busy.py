"""A cap on expensive exports running at once: per account and for the whole site.

An organiser looping evidence packs from many tabs or threads once cut citizens'
letters from 715 in 30 s to 10 in 60 s: each pack ZIP is seconds of CPU. A build
takes a slot, one of SITE_SLOTS for the site and ACCOUNT_SLOTS for its account; with
none free the organiser is told at once that the site is busy (503, Retry-After)
instead of queueing behind work that starves citizens. Slots are lock files
(fcntl.flock) beside the database, so they hold across gunicorn workers and are given
back by the kernel if a worker dies holding one. Answers from the export cache
(campaign/exports/cache.py) take no slot.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

SITE_SLOTS = 2  # the machine has few cores; citizens need the rest
ACCOUNT_SLOTS = 1
RETRY_AFTER_SECONDS = 5
BUSY = ("The site is busy building other exports just now. Please try again in a moment: "
        "letters being written come first.")


class Slot:
    """Held slots (lock files); `release` gives them back (also safe to call twice)."""

    def __init__(self, files: list[int]):
        self._files = files

    def release(self) -> None:
        files, self._files = self._files, []
        for fd in files:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _take_one(folder: Path, prefix: str, count: int) -> int | None:
    for index in range(count):
        fd = os.open(folder / f"{prefix}-{index}", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            os.close(fd)
    return None


def take(folder: Path, account_id: str, site_slots: int = SITE_SLOTS,
         account_slots: int = ACCOUNT_SLOTS) -> Slot | None:
    """A slot for one build by `account_id`, or None when the account or site is at its cap."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    mine = _take_one(folder, f"account-{account_id}", account_slots)
    if mine is None:
        return None
    site = _take_one(folder, "site", site_slots)
    if site is None:
        Slot([mine]).release()
        return None
    return Slot([mine, site])

"""Start-up: a new database is private to the site's user, and a DATABASE_PATH that can't
be the database (campaign/database_file.py) or a malformed worker count stops start-up
with one sentence, not a traceback."""
from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from campaign.config import ConfigError
from tests.campaign.helpers import make_app


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_folder_are_the_site_users_alone(app_config, tmp_path):
    path = tmp_path / "instance" / "campaign.sqlite3"
    make_app({**app_config, "DATABASE_PATH": str(path)})
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    for companion in path.parent.glob("campaign.sqlite3-*"):  # -wal, -shm
        assert mode(companion) & 0o077 == 0, companion


@pytest.mark.parametrize("where, sentence", [
    ("folder", "which is a folder: it takes the database file's path"),
    ("text file", "which is not an SQLite database"),
    ("in a file", "whose folder"),
    ("impossible", "which can't be created there ("),
])
def test_a_path_that_cannot_be_the_database_is_one_sentence(app_config, tmp_path, where,
                                                            sentence):
    (tmp_path / "a-file").write_text("notes\n")
    path = {"folder": tmp_path, "text file": tmp_path / "a-file",
            "in a file": tmp_path / "a-file" / "campaign.sqlite3",
            "impossible": Path("/proc/no-such-process/campaign.sqlite3")}[where]
    with pytest.raises(ConfigError, match="^" + re.escape(f"DATABASE_PATH is {path}, {sentence}")):
        make_app({**app_config, "DATABASE_PATH": str(path)})


def test_a_malformed_worker_count_is_a_sentence_before_gunicorn_reads_it():
    # gunicorn parses WEB_CONCURRENCY itself, with a traceback; `flask init-db` (run
    # first by deploy/mp-letters.service and `make serve`) says it in a sentence.
    from campaign.config import from_environment
    with pytest.raises(ConfigError, match="^WEB_CONCURRENCY"):
        from_environment("/tmp", {"WEB_CONCURRENCY": "two"})

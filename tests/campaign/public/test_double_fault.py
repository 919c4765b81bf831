"""A double fault loses no count: the database's folder can't be written, and the
workers holding the counts are killed before it can. The held counts wait in a second
folder outside the database's (COUNT_SPOOL_PATH), and the next process counts each once."""
from __future__ import annotations

import json
import subprocess

import pytest

from campaign.public.pending_counts import PendingCounts, default_second_spool, get_pending
from tests.campaign.helpers import make_app
from tests.campaign.public import test_faults
from tests.campaign.public.test_faults import _delivered, _letter, _make_read_only, _poll, _rows

quick = test_faults.quick  # the fixture: held counts retried every 0.2 s

LETTERS = ("E8 1DY", "PR7 1DP", "BR8 7RE")


@pytest.fixture
def elsewhere(tmp_path_factory):
    return tmp_path_factory.mktemp("held-counts") / "spool"


@pytest.fixture
def app_config(app_config, elsewhere):
    return {**app_config, "COUNT_SPOOL_PATH": str(elsewhere)}


@pytest.mark.usefixtures("quick")
def test_counts_held_while_the_folder_is_read_only_survive_the_workers_being_killed(
        app, app_config, client, tmp_path, elsewhere, monkeypatch):
    path = app.config["DATABASE_PATH"]
    ready = [_letter(client, postcode) for postcode in LETTERS]
    app.extensions["db_connections"].discard()
    undo = _make_read_only(tmp_path, path)
    held = get_pending(app)
    try:
        with monkeypatch.context() as killed:  # the workers die before writing them
            killed.setattr(PendingCounts, "start_flusher", lambda self: None)
            for journey in ready:
                _delivered(journey.download("pdf"))
        held._held.clear()  # and their memory with them
        spooled = list(elsewhere.glob("*.json"))
        assert len(spooled) == len(LETTERS)
        assert not held.spool.exists()  # the database's folder took nothing
        for file in spooled:  # counts only: nothing about the writer
            assert set(json.loads(file.read_text())) >= {"campaign_id", "token", "fmt"}
            assert "E8 1DY" not in file.read_text() and "Dear" not in file.read_text()
    finally:
        for command in undo:
            subprocess.run(command, check=True)
    assert _rows(path) == []
    # The database's folder is writable again; a new worker starts and counts each once.
    later = make_app(app_config)
    assert later.test_client().get("/").status_code == 200
    assert _poll(lambda: len(_rows(path)) == len(LETTERS)
                 and not list(elsewhere.glob("*.json")), seconds=10.0)
    assert [formats for _, formats in _rows(path)] == ["pdf"] * len(LETTERS)


def test_without_a_setting_the_second_folder_is_outside_the_databases(tmp_path):
    second = default_second_spool(str(tmp_path / "campaign.sqlite3"))
    assert tmp_path not in second.parents
    assert second == default_second_spool(str(tmp_path / "campaign.sqlite3"))
    assert second != default_second_spool(str(tmp_path / "other.sqlite3"))

"""Migrations run before serving: gunicorn refuses, with a sentence, to serve a database
that lacks one, so the site's code never meets an older schema (it no longer carries
guards for one)."""
from __future__ import annotations

import pytest
import sqlite_utils

from campaign import create_app, migrations
from campaign.demo import live_site
from campaign.migrations.runner import UnmigratedDatabase, check_migrated

UPSTREAM = "http://127.0.0.1:9"  # never asked: no page is requested


def _app(path):
    return create_app({"DATABASE_PATH": str(path)})


def test_a_missing_database_is_named_with_the_command_that_makes_it(tmp_path):
    path = tmp_path / "none.sqlite3"
    with pytest.raises(UnmigratedDatabase, match="There is no database at .*none.sqlite3. "
                       r"Run `flask --app wsgi init-db` to create it"):
        check_migrated(_app(path))
    # Start-up made the file, empty and 0600 (database_file.prepare), for SQLite to fill;
    # the check wrote nothing in it.
    assert path.stat().st_size == 0, "the check creates nothing"


def test_a_database_lacking_migrations_names_them_and_the_command(tmp_path):
    path = tmp_path / "old.sqlite3"
    migrations.apply(sqlite_utils.Database(path), stop_before="m020_welsh_wording")
    with pytest.raises(UnmigratedDatabase) as caught:
        check_migrated(_app(path))
    message = str(caught.value)
    assert "lacks" in message and "(m020_welsh_wording, m021_launch_campaign_welsh" in message
    assert message.endswith("Run `flask --app wsgi init-db` to migrate it, then start the site.")
    assert "m020_welsh_wording" not in {
        row["name"] for row in sqlite_utils.Database(path)["_sqlite_migrations"].rows}


def test_a_migrated_database_passes(tmp_path):
    path = tmp_path / "new.sqlite3"
    migrations.apply(sqlite_utils.Database(path))
    check_migrated(_app(path))


@pytest.mark.slow
def test_gunicorn_refuses_an_unmigrated_database_and_serves_it_once_migrated(tmp_path):
    path = tmp_path / "site.sqlite3"
    last = [migration.name for migration in migrations.MIGRATIONS._migrations][-1]
    migrations.apply(sqlite_utils.Database(path), stop_before=last)
    with pytest.raises(RuntimeError) as caught, live_site.gunicorn(
            database_path=str(path), postcodes_url=UPSTREAM, members_url=UPSTREAM, workers=1):
        pass
    output = str(caught.value)
    assert "Database error: The database at" in output
    assert f"lacks 1 migration this version needs ({last})" in output
    assert "Booting worker" not in output, "no worker started"
    live_site.prepare_database(str(path))  # what init-db does
    with live_site.gunicorn(database_path=str(path), postcodes_url=UPSTREAM,
                            members_url=UPSTREAM, workers=1) as server:
        assert server.url.startswith("http://127.0.0.1:")

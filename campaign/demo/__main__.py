"""`make demo`: the site, offline, against the sample upstreams on loopback.

Starts the sample postcodes.io and Members API on free loopback ports, prepares a
database of its own (instance/demo.sqlite3, so a real database is never touched) with
the launch campaign and demo staff and organiser accounts, and serves the site in development mode
with DEMO set, which puts a "demo data" banner on every page.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from werkzeug.serving import make_server

from campaign import create_app
from campaign.accounts.users import UserError, create_user
from campaign.campaigns.launch import launch_campaign_data, load_launch_campaign
from campaign.campaigns.tables import campaign_row_by_slug
from campaign.clock import timestamp
from campaign.config import ConfigError, setting
from campaign.demo.dataset import POSTCODES, TERMINATED, VACANT_SEATS
from campaign.demo.members_api import FakeMembersAPI
from campaign.demo.postcodes_io import FakePostcodesIO
from campaign.demo.stannp import API_KEY as STANNP_KEY
from campaign.demo.stannp import WEBHOOK_SECRET as STANNP_SECRET
from campaign.demo.stannp import FakeStannp
from campaign.migrations.runner import migrated_db
from campaign.posting import budget

DEMO_STAFF_EMAIL = "demo-staff@example.org"
DEMO_STAFF_PASSWORD = "demo-password-1234"
#: An organiser sees the counts and evidence packs but cannot edit campaigns.
DEMO_ORGANISER_EMAIL = "demo-organiser@example.org"
DEMO_ORGANISER_PASSWORD = "demo-password-5678"
DEMO_ACCOUNTS = ((DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD, "staff"),
                 (DEMO_ORGANISER_EMAIL, DEMO_ORGANISER_PASSWORD, "organiser"))
DEMO_ORGANISATION = {
    "ORGANISATION_NAME": "Example Campaign Group (demo)",
    "ORGANISATION_URL": "https://example.org/",
    "ORGANISATION_EMAIL": "privacy@example.org",
}


#: Letters the demo's launch campaign pays to post through the sample Stannp.
DEMO_POSTING_BUDGET = 100


def demo_config(instance_path: str, postcodes_url: str, members_url: str,
                stannp_url: str = "") -> dict:
    """The settings the demo runs with: the sample upstreams and a database of its own."""
    config = {
        "APP_ENV": "development",
        "DEMO": True,
        "DATABASE_PATH": os.path.join(instance_path, "demo.sqlite3"),
        # The demo has no ONS directory: every postcode goes to the sample postcodes.io.
        "POSTCODE_SOURCE": "remote",
        "POSTCODES_API_URL": postcodes_url,
        "MEMBERS_API_URL": members_url,
    }
    if stannp_url:  # "Post it for me" through the sample Stannp, in test mode
        config.update(POST_PROVIDER="stannp", STANNP_API_URL=stannp_url,
                      STANNP_API_KEY=STANNP_KEY, STANNP_TEST_MODE=True,
                      STANNP_WEBHOOK_SECRET=STANNP_SECRET)
    for name, value in DEMO_ORGANISATION.items():
        config[name] = os.environ.get(name) or value
    return config


def postcodes_to_try() -> list[tuple[str, str]]:
    """(postcode, what it shows) for the start-up message."""
    seats = {p.name: p.postcode for p in POSTCODES if p.name}
    by_code = {p.code: p.postcode for p in POSTCODES if p.code}
    return [
        (seats["Hackney North and Stoke Newington"], "an MP, and a letter to write"),
        (seats["Chorley"], "the Speaker's seat (the Speaker takes no sides)"),
        (seats[VACANT_SEATS[0]], "a vacant seat"),
        (by_code["W07000112"], "Ynys Môn, spelt as Parliament spells it"),
        (seats["Falkirk"], "Scotland: devolved asks change the letter"),
        (seats["Belfast South and Mid Down"], "Northern Ireland: devolved asks change the letter"),
        (next(p.postcode for p in POSTCODES if p.code is None), "a postcode in no constituency"),
        (next(iter(TERMINATED)), "a postcode that no longer exists"),
    ]


def prepare(app) -> None:
    """Migrate the demo database, load the launch campaign, make the demo staff and
    organiser accounts."""
    with app.app_context():
        db = migrated_db()
        load_launch_campaign(db)
        _demo_posting_budget(db)
        for email, password, role in DEMO_ACCOUNTS:
            try:
                create_user(db, email, password, role)
            except UserError:
                pass  # made on an earlier run


def _demo_posting_budget(db) -> None:
    """Give the launch campaign a posting budget the first time the demo runs."""
    slug = launch_campaign_data()["slug"]
    row = campaign_row_by_slug(db, slug)
    if row and not db["posting_settings"].count_where("campaign_id = ?", [row["id"]]):
        budget.save_settings(db, row["id"], budget.PostingSettings(
            enabled=True, budget_letters=DEMO_POSTING_BUDGET), timestamp())


def main() -> int:
    """Run the demo until Ctrl+C."""
    # The demo is never a public site, whatever the shell says.
    os.environ["APP_ENV"] = "development"
    postcodes, members = FakePostcodesIO().start(), FakeMembersAPI().start()
    stannp = FakeStannp().start()
    try:
        host, port = setting("HOST"), setting("PORT")
        instance = Path.cwd() / "instance"  # make demo runs from the checkout
        app = create_app(demo_config(str(instance), postcodes.url, members.url,
                                     stannp.api_url))
        prepare(app)
        try:
            server = make_server(host, port, app, threaded=True)
        except OSError:
            server = make_server(host, 0, app, threaded=True)  # the usual port is taken
        address = f"http://{host}:{server.port}/"
        print(f"\nDemo site (sample data, no internet needed): {address}\n")
        print("Postcodes to try:")
        for postcode, shows in postcodes_to_try():
            print(f"  {postcode:<9} {shows}")
        print(f"\nStaff area: {address}staff/login")
        print(f"  staff:     {DEMO_STAFF_EMAIL} / {DEMO_STAFF_PASSWORD}  (runs campaigns)")
        print(f"  organiser: {DEMO_ORGANISER_EMAIL} / {DEMO_ORGANISER_PASSWORD}  "
              "(counts and evidence packs)")
        print(f"Post it for me: the sample Stannp at {stannp.api_url} (test mode; the launch "
              f"campaign pays for {DEMO_POSTING_BUDGET} letters)")
        print(f"Database: {app.config['DATABASE_PATH']} (the demo's own)")
        print("Press Ctrl+C to stop.\n", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    except ConfigError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 1
    finally:
        postcodes.stop()
        members.stop()
        stannp.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

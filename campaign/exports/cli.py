"""`flask --app wsgi export counts --by constituency|ask|day ...`: counts to stdout;
`flask --app wsgi export packs --campaign SLUG DIR`: every constituency's evidence pack."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from campaign.campaigns import Campaign, campaign_by_slug, campaign_slugs
from campaign.clock import today
from campaign.exports import pack_figures, packs, queries
from campaign.exports.files import breakdown_document, to_csv, to_json
from campaign.migrations.runner import migrated_db

export = AppGroup("export", help="Take counts away as files.")


def _campaign(db, slug: str) -> Campaign:
    campaign = campaign_by_slug(db, slug)
    if campaign is None:
        known = ", ".join(campaign_slugs(db)) or "none yet"
        raise click.ClickException(f"There is no campaign {slug!r}. Campaigns: {known}.")
    return campaign


def _scope(campaign_id: int | None, since: str | None, until: str | None) -> queries.Filter:
    try:
        return queries.make_filter(campaign_id, since, until)
    except queries.BadFilter as error:
        raise click.UsageError(str(error)) from None


@export.command("counts")
@click.option("--by", "by", type=click.Choice(queries.BREAKDOWNS), required=True,
              help="One row per constituency, per ask or per day.")
@click.option("--campaign", "slug", metavar="SLUG",
              help="Only this campaign's letters (default: every campaign).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only letters from this day on.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only letters up to this day, inclusive.")
@click.option("--format", "fmt", type=click.Choice(("csv", "json")), default="csv",
              show_default=True)
def counts_command(by: str, slug: str | None, since: str | None, until: str | None,
                   fmt: str) -> None:
    """Print letter counts broken down BY constituency, ask or day, as CSV or JSON.

    Counts hold no personal data: each letter is counted once, whatever formats it
    was downloaded in. Redirect to a file: ... > counts.csv
    """
    db = migrated_db()
    campaign_id = _campaign(db, slug).id if slug else None
    scope = _scope(campaign_id, since, until)
    rows = queries.breakdown(db, by, scope)
    if fmt == "csv":
        click.echo(to_csv(rows, queries.COLUMNS[by], line_end="\n"), nl=False)
    else:
        click.echo(to_json(breakdown_document(by, rows, slug, scope)), nl=False)


@export.command("packs")
@click.option("--campaign", "slug", metavar="SLUG", required=True,
              help="The campaign whose letters the packs count.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only letters from this day on.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only letters up to this day, inclusive.")
@click.argument("directory", metavar="DIR",
                type=click.Path(file_okay=False, writable=True, path_type=Path))
def packs_command(slug: str, since: str | None, until: str | None, directory: Path) -> None:
    """Write an evidence pack (PDF) for each constituency with letters into DIR.

    Each is named by its constituency (hackney-north-and-stoke-newington.pdf), as in
    the counts page's ZIP; a file of the same name in DIR is replaced. Counts only.
    """
    db = migrated_db()
    campaign = _campaign(db, slug)
    scope = _scope(campaign.id, since, until)
    whole = pack_figures.campaign_figures(db, campaign, scope)
    seats = pack_figures.seat_figures(db, campaign, scope, whole=whole)
    directory.mkdir(parents=True, exist_ok=True)
    contact, made_on = packs.Contact.from_settings(current_app.config), today()
    written = packs.write_packs(whole, seats, contact, made_on, directory)
    click.echo(f"Wrote {len(written)} evidence pack{'s' if len(written) != 1 else ''} "
               f"for {campaign.title} to {directory}.")

"""`flask --app wsgi export counts --by constituency|ask|day ...`: counts to stdout."""
from __future__ import annotations

import click
from flask.cli import AppGroup

from campaign.campaigns import campaign_by_slug, campaign_slugs
from campaign.exports import queries
from campaign.exports.files import breakdown_document, to_csv, to_json
from campaign.migrations.runner import migrated_db

export = AppGroup("export", help="Take counts away as files.")


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
    campaign_id = None
    if slug:
        campaign = campaign_by_slug(db, slug)
        if campaign is None:
            known = ", ".join(campaign_slugs(db)) or "none yet"
            raise click.ClickException(f"There is no campaign {slug!r}. Campaigns: {known}.")
        campaign_id = campaign.id
    try:
        scope = queries.make_filter(campaign_id, since, until)
    except queries.BadFilter as error:
        raise click.UsageError(str(error)) from None
    rows = queries.breakdown(db, by, scope)
    if fmt == "csv":
        click.echo(to_csv(rows, queries.COLUMNS[by], line_end="\n"), nl=False)
    else:
        click.echo(to_json(breakdown_document(by, rows, slug, scope)), nl=False)

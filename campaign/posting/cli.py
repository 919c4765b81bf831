"""`flask post budget SLUG LETTERS` (0 turns posting off) and `flask post status SLUG`."""
from __future__ import annotations

import click
from flask.cli import AppGroup

from campaign.campaigns import campaign_by_slug
from campaign.clock import timestamp, today
from campaign.migrations.runner import migrated_db
from campaign.posting import budget, records

post = AppGroup("post", help="Post letters for writers: the budget and what was posted.")


def _campaign(db, slug: str):
    campaign = campaign_by_slug(db, slug)
    if campaign is None:
        raise click.ClickException(f"No campaign has the web address {slug!r}.")
    return campaign


@post.command("budget")
@click.argument("slug")
@click.argument("letters", type=click.IntRange(0, 1_000_000))
@click.option("--per-day", type=click.IntRange(0, 1_000_000), default=None,
              help="At most this many a day (0: no daily limit).")
@click.option("--class", "post_class", type=click.Choice(["first", "second"]), default=None)
def budget_command(slug: str, letters: int, per_day: int | None, post_class: str | None):
    """Pay to post up to LETTERS letters for SLUG's writers (0 turns posting off)."""
    db = migrated_db()
    campaign = _campaign(db, slug)
    current = budget.settings_for(db, campaign.id)
    budget.save_settings(db, campaign.id, budget.PostingSettings(
        enabled=letters > 0, budget_letters=letters,
        daily_letters=current.daily_letters if per_day is None else per_day,
        post_class=post_class or current.post_class), timestamp())
    click.echo(_status_line(db, campaign))


def _status_line(db, campaign) -> str:
    settings = budget.settings_for(db, campaign.id)
    total, on_day = budget.counts(db, campaign.id, today())
    if not settings.enabled:
        state = "off"
    else:
        daily = f", at most {settings.daily_letters} a day" if settings.daily_letters else ""
        state = f"on: a budget of {settings.budget_letters} letters{daily}, {settings.post_class} class"
    return (f"{campaign.slug}: posting {state}; {total} posted or in the post "
            f"({on_day} today).")


@post.command("status")
@click.argument("slug")
def status_command(slug: str):
    """Say SLUG's posting budget and what has been posted, by status."""
    db = migrated_db()
    campaign = _campaign(db, slug)
    click.echo(_status_line(db, campaign))
    rows = records.posted_rows(db, campaign.id)
    letters, spend = records.totals(rows)
    for status in records.STATUS_COLUMNS:
        count = sum(row.by_status.get(status, 0) for row in rows)
        if count:
            click.echo(f"  {status}: {count}")
    click.echo(f"  cost reported: £{spend:.2f} for {letters} letters")

"""Postcode -> constituency -> MP.

Each arrow is one module: `postcode` normalises what a citizen typed (and holds the
`Constituency` type), `local_source` finds the constituency in the local ONS
directory or asks `postcodes_io`, `register` finds its MP (from the database, or the
Members API on demand, read by `members_api` as the `letters.MP` the letter is
addressed to), `name_matching` matches a seat's name to its GSS code, and
`finder` ties them together with caching. Every failure a citizen can meet is a
`LookupFailure` carrying a sentence and a next step (see `errors`). `init_app` wires
the finder and the register's upkeep into the app; `cli` holds the `postcodes`, `mps`
and `parliament` commands.
"""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Give `app` its postcode directory and MP finder, and register the `postcodes`,
    `mps` and `parliament` commands."""
    from campaign.lookup import cli
    from campaign.lookup.directory import DirectoryFile
    from campaign.lookup.local_source import directory_path

    app.extensions["postcode_directory"] = DirectoryFile(directory_path(app.config))
    app.extensions["mp_finder"] = mp_finder(app)
    app.cli.add_command(cli.postcodes)
    app.cli.add_command(cli.mps)
    app.cli.add_command(cli.parliament_command)


def mp_finder(app: Flask):
    """An MPFinder for `app`'s settings: the local directory or postcodes.io (cached), then
    the register or the Members API, each upstream behind its own circuit breaker."""
    from campaign.lookup.breaker import CircuitBreaker
    from campaign.lookup.finder import CachedSource, MPFinder
    from campaign.lookup.local_source import postcode_source
    from campaign.lookup.members_api import MembersAPI
    from campaign.lookup.postcodes_io import PostcodesIO
    from campaign.lookup.register_upkeep import RegisterUpkeep
    from campaign.lookup.upstream import Timeouts, make_session

    session = make_session()
    timeouts = Timeouts(app.config["UPSTREAM_CONNECT_TIMEOUT"], app.config["UPSTREAM_READ_TIMEOUT"])

    def breaker(name: str) -> CircuitBreaker:
        # One per service: postcodes.io being down says nothing about the Members API.
        return CircuitBreaker(name, app.config["UPSTREAM_BREAKER_FAILURES"],
                              app.config["UPSTREAM_BREAKER_SECONDS"],
                              clock=app.extensions["clock"].monotonic)

    remote = CachedSource(PostcodesIO(app.config["POSTCODES_API_URL"], session, timeouts,
                                      breaker("postcodes.io")))
    app.extensions["postcode_cache"] = remote
    members = MembersAPI(app.config["MEMBERS_API_URL"], session, timeouts,
                         breaker("Members API"))
    max_age = app.config["MP_REGISTER_MAX_AGE"]
    return MPFinder(
        postcodes=postcode_source(app.config["POSTCODE_SOURCE"],
                                  app.extensions["postcode_directory"], remote),
        members=members, max_age=max_age,
        upkeep=RegisterUpkeep(app.config["DATABASE_PATH"], members, max_age,
                              enabled=app.config["MP_REGISTER_AUTO_REFRESH"],
                              clock=app.extensions["clock"],
                              max_changes=app.config["MP_REGISTER_MAX_CHANGES"]),
    )

"""Sample upstreams, the offline demo, and the real site on loopback.

Sample upstreams: postcodes.io and the Members API served from a small built-in dataset
(`dataset`, `postcodes_io`, `members_api`, on `server`). `make demo` runs the site
against them offline (`__main__`), and the tests use them as fakes: real HTTP on
127.0.0.1, answering in the real services' response shapes.

The real site on loopback, shared by the tests and the benchmarks (which never import
from tests/): gunicorn with the repository's own configuration (`live_site`) and a
citizen writing a letter over real HTTP (`http_journey`).
"""

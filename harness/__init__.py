"""The real site on loopback, shared by the tests and the benchmarks: gunicorn with the
repository's own configuration (`live_server`) and a citizen writing a letter over
real HTTP (`http_journey`). Not shipped in the wheel."""

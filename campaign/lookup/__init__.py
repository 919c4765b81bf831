"""Postcode -> constituency -> MP.

Each arrow is one module: `postcode` normalises what a citizen typed,
`postcodes_io` finds the constituency, `register` finds its MP (from the
database, or the Members API on demand), and `finder` ties them together with
caching. Every failure a citizen can meet is a `LookupFailure` carrying a
sentence and a next step (see `errors`).
"""

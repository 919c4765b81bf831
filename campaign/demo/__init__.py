"""Sample upstreams: postcodes.io and the Members API served from a small built-in dataset.

`make demo` runs the site against them offline, and the tests use them as fakes: real
HTTP on 127.0.0.1, answering in the real services' response shapes.
"""

"""Fake upstream servers: real HTTP on 127.0.0.1 serving the real response shapes."""

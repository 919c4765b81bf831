"""The root of the tests loads nothing of the site: `pytest tests/letters` runs with the
letters/ library alone. The site's fixtures are in tests/campaign/conftest.py."""

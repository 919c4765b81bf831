"""WSGI entry point: `flask --app wsgi ...` and `gunicorn wsgi:app`.

A configuration that cannot run safely stops here with its sentence, not a traceback.
"""
import sys

from campaign import create_app
from campaign.config import ConfigError

try:
    app = create_app()
except ConfigError as error:
    sys.exit(f"Configuration error: {error}")

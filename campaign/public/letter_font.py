"""The letter's typeface for the browser: the preview looks like the printed letter.

Served from the installed `font-source-serif-pro` package (the same files the PDF embeds),
so nothing is fetched from elsewhere and no system font is assumed.
"""
from __future__ import annotations

from flask import Blueprint, abort, send_file

from letters.fonts import BOLD, REGULAR, font_path

bp = Blueprint("letter_font", __name__)

FACES = {"regular": REGULAR, "bold": BOLD}
ONE_YEAR = 365 * 24 * 60 * 60


@bp.get("/letter-font/<face>.ttf")
def font(face: str):
    """One face of the letter typeface, cached by browsers for a year."""
    if face not in FACES:
        abort(404)
    return send_file(font_path(FACES[face]), mimetype="font/ttf", max_age=ONE_YEAR)

"""The letter's typeface for the browser: the preview looks like the printed letter.

Served from the installed `font-source-serif-pro` package (the same files the PDF embeds),
so nothing is fetched from elsewhere and no system font is assumed: WOFF2 subsets made
from it (campaign.public.web_fonts), at a versioned address browsers keep for a year,
with the stylesheet of their @font-face rules beside them: every page names it
(`stylesheet_url`), so the version and the subsets are written in web_fonts alone.
The full TTF files stay at their old addresses for pages cached before the change.
"""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, send_file

from campaign.languages import static_url
from campaign.public import web_fonts
from letters.fonts import font_path

bp = Blueprint("letter_font", __name__)

ONE_YEAR = 365 * 24 * 60 * 60
STYLESHEET = "faces.css"


def stylesheet_url() -> str:
    """The address of the typeface's stylesheet, the same from English and Welsh pages
    (one copy of it and the fonts in the browser's cache), as static_url's files."""
    site_root = static_url("").removesuffix(f"{current_app.static_url_path}/")
    return f"{site_root}/letter-font/v{web_fonts.VERSION}/{STYLESHEET}"


@bp.get(f"/letter-font/v<version>/{STYLESHEET}")
def stylesheet(version: str):
    """The @font-face rules, naming the WOFF2 files beside them: immutable, as they are."""
    if version != web_fonts.VERSION:
        abort(404)
    response = current_app.response_class(web_fonts.font_faces_css(), mimetype="text/css")
    response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    return response


@bp.get("/letter-font/v<version>/<face>-<subset>.woff2")
def woff2(version: str, face: str, subset: str):
    """One face's subset as WOFF2: immutable, since a change gets a new version."""
    if (version != web_fonts.VERSION or face not in web_fonts.FACES
            or subset not in web_fonts.subsets()):
        abort(404)
    cache_dir = str(Path(current_app.instance_path) / "fonts")
    response = current_app.response_class(web_fonts.woff2(face, subset, cache_dir),
                                          mimetype="font/woff2")
    response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    return response


@bp.get("/letter-font/<face>.ttf")
def font(face: str):
    """One face of the letter typeface, whole, cached by browsers for a year."""
    if face not in web_fonts.FACES:
        abort(404)
    return send_file(font_path(web_fonts.FACES[face]), mimetype="font/ttf", max_age=ONE_YEAR)

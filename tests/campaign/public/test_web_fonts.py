"""The letter's typeface as the browser gets it: small WOFF2 subsets, cached for a year."""
from __future__ import annotations

import hashlib
import io
import re
from itertools import combinations
from pathlib import Path
from urllib.parse import urljoin

import pytest
from fontTools.ttLib import TTFont

from campaign.public import web_fonts
from letters.fonts import BOLD, REGULAR, font_path, printable_codepoints
from tests.campaign.helpers import SLUG

STATIC = Path(__file__).resolve().parents[3] / "static"
# What VERSION "1" was made from: change a file here, and the fonts' URLs must change.
FONT_FILES_V1 = {
    REGULAR: "b4e0771f06d8f6573a535312762b0b2f4fb9a03372239e39b0e7cf203da8ea9a",
    BOLD: "78041207a9c5166a82d41676d4c87f4c5ba4e1c13ac654e6e9e3538a5a0b0525",
}


def _named_stylesheet(client, path: str) -> str:
    """The address of the typeface's stylesheet that the page at `path` names."""
    page = client.get(path).get_data(as_text=True)
    return re.search(r'<link rel="stylesheet" href="(/letter-font/[^"]+)"', page).group(1)


def _faces_in_css(css: str) -> list[tuple[str, str, str]]:
    """(face, subset, unicode-range) of each @font-face in the stylesheet."""
    return re.findall(r'url\("(\w+)-(\w+)\.woff2"\) format\("woff2"\);'
                      r'[^}]*unicode-range: ([^;]+);', css)


def _ranges(text: str) -> set[int]:
    codes: set[int] = set()
    for part in text.split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        codes.update(range(int(start, 16), int(end or start, 16) + 1))
    return codes


@pytest.mark.parametrize("path", ["/", f"/c/{SLUG}/", f"/cy/c/{SLUG}/", "/staff/login"])
def test_every_page_names_the_stylesheet_of_the_fonts_that_are_served(client, path):
    """The stylesheet, its version and its faces come from web_fonts alone: the fonts it
    names (beside it, at its version) are the ones served, every face and subset."""
    address = _named_stylesheet(client, path)
    assert address == f"/letter-font/v{web_fonts.VERSION}/faces.css"
    response = client.get(address)
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    css = response.get_data(as_text=True)
    faces = _faces_in_css(css)
    assert {(face, subset) for face, subset, _ in faces} == {
        (face, subset) for face in web_fonts.FACES for subset in web_fonts.subsets()}
    assert len(faces) == css.count("@font-face") and "ttf" not in css
    for face, subset, _ in faces:
        font = client.get(urljoin(address, f"{face}-{subset}.woff2"))
        assert font.status_code == 200 and font.mimetype == "font/woff2", (face, subset)


def test_no_stylesheet_in_static_names_the_fonts_by_hand():
    for sheet in STATIC.glob("*.css"):
        assert "@font-face {" not in sheet.read_text() and "woff2" not in sheet.read_text()


def test_each_subsets_range_holds_exactly_its_characters(client):
    """Every printable character is in one subset's file and in that subset's range only,
    so the browser fetches the file that has it, and never two for one character."""
    css = client.get(f"/letter-font/v{web_fonts.VERSION}/faces.css").get_data(as_text=True)
    ranges = {subset: _ranges(text) for _, subset, text in _faces_in_css(css)}
    for one, other in combinations(ranges.values(), 2):
        assert not one & other
    printable = printable_codepoints()
    for subset, codes in web_fonts.subsets().items():
        assert codes <= ranges[subset], subset
        assert codes == printable & ranges[subset]


def test_a_font_change_needs_a_new_version():
    for name, digest in FONT_FILES_V1.items():
        assert hashlib.sha256(font_path(name).read_bytes()).hexdigest() == digest, (
            "The font package's files changed: bump web_fonts.VERSION, then record the "
            "new digests here.")


def test_the_woff2_is_small_immutable_and_prints_what_the_site_accepts(client, tmp_path):
    sizes = {}
    for face in web_fonts.FACES:
        for subset, codes in web_fonts.subsets().items():
            response = client.get(f"/letter-font/v{web_fonts.VERSION}/{face}-{subset}.woff2")
            assert response.status_code == 200
            assert response.mimetype == "font/woff2"
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            font = TTFont(io.BytesIO(response.data))
            assert font.flavor == "woff2"
            assert set(font.getBestCmap()) == codes
            sizes[face, subset] = len(response.data)
    # The two faces a preview in English needs, against 430 kB of TTF before.
    assert sizes["regular", "latin"] + sizes["bold", "latin"] < 70_000, sizes


def test_another_version_or_face_is_not_found(client):
    assert client.get("/letter-font/v0/faces.css").status_code == 404
    assert client.get("/letter-font/v0/regular-latin.woff2").status_code == 404
    assert client.get(f"/letter-font/v{web_fonts.VERSION}/italic-latin.woff2").status_code == 404
    assert client.get(f"/letter-font/v{web_fonts.VERSION}/regular-cyrillic.woff2"
                      ).status_code == 404


def test_the_files_are_kept_for_the_next_start(tmp_path, monkeypatch):
    monkeypatch.setattr(web_fonts, "_made", {})
    made = web_fonts.woff2("regular", "latin", str(tmp_path))
    kept = tmp_path / web_fonts.kept_name("regular", "latin")
    assert kept.read_bytes() == made
    monkeypatch.setattr(web_fonts, "_made", {})
    monkeypatch.setattr(web_fonts, "make_woff2", lambda *_: b"never made again")
    assert web_fonts.woff2("regular", "latin", str(tmp_path)) == made


def test_a_folder_that_cannot_be_written_only_costs_the_work(tmp_path, monkeypatch):
    monkeypatch.setattr(web_fonts, "_made", {})
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    assert web_fonts.woff2("bold", "latin", str(blocked / "fonts"))[:4] == b"wOF2"

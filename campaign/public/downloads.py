"""A letter's file as an HTTP download: the citizen's, and the staff preview's.

The staff preview serves its files through `letter_file` on purpose: staff must get
the very file, name and headers a citizen gets. What the files are and what they are
called is plain Python in letters.file_formats.
"""
from __future__ import annotations

from io import BytesIO

from flask import Response, send_file

from letters import Letter
from letters.file_formats import FileFormat, download_name


def letter_file(file_format: FileFormat, letter: Letter, prefix: str = "") -> Response:
    """The rendered file as an attachment that no cache keeps (it carries an address)."""
    response = send_file(BytesIO(file_format.render(letter)), mimetype=file_format.mimetype,
                         as_attachment=True,
                         download_name=download_name(file_format, letter, prefix))
    response.headers["Cache-Control"] = "no-store"
    return response

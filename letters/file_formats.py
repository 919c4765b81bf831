"""The files a letter becomes: one table of what can be rendered from a Letter and
what each file is called, so the public download and the staff preview serve the
same files under the same names. Plain Python: serving them is the site's job
(campaign.public.downloads).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from letters.model import Letter
from letters.render_docx import render_docx
from letters.render_envelope import render_envelope_pdf
from letters.render_pdf import render_pdf


@dataclass(frozen=True)
class FileFormat:
    """One downloadable file: how to render it and what to call it."""

    render: Callable[[Letter], bytes]
    mimetype: str
    extension: str
    stem: str  # "letter-to" or "envelope-for"
    is_letter: bool  # counted as a letter written (the envelope alone is not)


FILE_FORMATS = {
    "pdf": FileFormat(render_pdf, "application/pdf", "pdf", "letter-to", True),
    "docx": FileFormat(render_docx,
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "docx", "letter-to", True),
    "envelope": FileFormat(render_envelope_pdf, "application/pdf", "pdf", "envelope-for", False),
}


def download_name(file_format: FileFormat, letter: Letter, prefix: str = "") -> str:
    """A file name that says what the file is: letter-to-diane-abbott-2026-11-21.pdf."""
    ascii_name = unicodedata.normalize("NFKD", letter.mp_name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "your-mp"
    return (f"{prefix}{file_format.stem}-{slug}-{letter.date.isoformat()}"
            f".{file_format.extension}")

"""A plain library for composing and rendering letters to MPs.

It knows nothing of Flask or of the database: the site hands it plain values
(the campaign's wording, the chosen asks, the MP, the sender) and gets back a
`Letter`, which the renderers turn into PDF or DOCX bytes.
"""
from letters.compose import NothingForMP, compose_letter
from letters.dates import uk_date
from letters.model import MP, Ask, Letter, Sender, Wording

__all__ = ["Letter", "MP", "Sender", "Ask", "Wording", "compose_letter", "NothingForMP", "uk_date"]

"""The citizen-facing site: campaign pages, the letter journey, report-it and privacy.

`views` is the blueprint; `composing` turns a citizen's request into a letter,
`signed_requests` carries that request from the preview to the download without
storing it, `participation` records a letter written (`pending_counts` holds a count
the database can't take yet, and `counter` shows the count),
`downloads` serves the files (letters.file_formats makes and names them),
`letter_font` serves the letter's typeface, as WOFF2 subsets `web_fonts` makes.
"""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the public pages and the letter font on `app`, and give it its counter."""
    from campaign.public import counter, letter_font, pending_counts, views
    from campaign.public.forms import POSTCODE_MAX
    from campaign.public.mp_words import party_name, role_note
    from campaign.public.public_counts import seat_letters
    from campaign.public.seat_names import page_named_seat, page_seat_name
    from campaign.public.writer_sentences import in_nation, who_decides

    counter.init_app(app)
    pending_counts.init_app(app)
    # Postcode boxes outside a WTForms form (the embed) take the same limit.
    app.jinja_env.globals["postcode_max"] = POSTCODE_MAX
    # Sentences letters/ would write in English, in the page's language.
    app.jinja_env.globals.update(who_decides=who_decides, in_nation=in_nation,
                                 party_name=party_name, role_note=role_note, seat_name=page_seat_name,
                                 named_seat=page_named_seat)
    # Counts the public sees, by the one small-numbers rule (campaign.small_numbers).
    app.jinja_env.globals["seat_letters"] = seat_letters
    app.register_blueprint(views.bp)
    app.register_blueprint(letter_font.bp)
    # Every page names the letter typeface's stylesheet (the preview shows the letter).
    app.jinja_env.globals["letter_font_stylesheet"] = letter_font.stylesheet_url

"""How the pages name an MP's party and post, in the page's language.

Parties are named in Welsh on the Welsh site where Welsh has a settled name for them
(Llafur, Ceidwadol, ...); any other party keeps the name Parliament gives it. Post
titles ("Minister of State (Home Office)") stay exactly as the Members API gives them,
in English on the Welsh site too: they are Parliament's official titles, which the
API publishes in English only, and a title of our own making could misname the post.
The Welsh page labels them in Welsh instead (templates/public/write.html).
"""
from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from letters import MP

#: The Members API's party names (`latestParty.name`) that the catalogue translates.
#: On the Welsh site each reads after "AS" ("AS Llafur dros ...").
PARTY_NAMES = {
    "Labour": _l("Labour"),
    "Labour (Co-op)": _l("Labour (Co-op)"),
    "Conservative": _l("Conservative"),
    "Liberal Democrat": _l("Liberal Democrat"),
    "Independent": _l("Independent"),
    "Green Party": _l("Green Party"),
    "Scottish National Party": _l("Scottish National Party"),
}


def party_name(party: str) -> str:
    """The party as the page names it: translated when the catalogue knows it."""
    translated = PARTY_NAMES.get(party.strip())
    return str(translated) if translated is not None else party


def _pronoun_key(mp: MP) -> str:
    """"F" or "M" from the Members API's gender, "" when it is not known."""
    gender = (mp.gender or "").strip().upper()[:1]
    return gender if gender in ("F", "M") else ""


def role_note(mp: MP) -> str:
    """The card's sentence on what the MP's role means for the letter (the Speaker, a
    Sinn Féin MP, a minister, a shadow minister; "" for any other MP), with the
    pronouns of the MP's gender as the Members API gives it ("they" only where it is
    not known), in the page's language: whole sentences, so Welsh mutates after them."""
    name, key = mp.display_as, _pronoun_key(mp)
    if mp.is_speaker:
        return {
            "F": gettext("%(name)s is the Speaker of the House of Commons. The Speaker stays "
                         "impartial but still helps constituents, so your letter asks her to "
                         "pass your concerns to the right Minister.", name=name),
            "M": gettext("%(name)s is the Speaker of the House of Commons. The Speaker stays "
                         "impartial but still helps constituents, so your letter asks him to "
                         "pass your concerns to the right Minister.", name=name),
        }.get(key) or gettext("%(name)s is the Speaker of the House of Commons. The Speaker "
                              "stays impartial but still helps constituents, so your letter "
                              "asks them to pass your concerns to the right Minister.",
                              name=name)
    if mp.is_abstentionist:
        party = party_name(mp.party)
        return {
            "F": gettext("%(name)s is a %(party)s MP and, like the party's other MPs, does not "
                         "take her seat at Westminster. Letters to the House of Commons still "
                         "reach her, though her constituency office may answer sooner. Your "
                         "letter asks her to raise your concerns with the Government.",
                         name=name, party=party),
            "M": gettext("%(name)s is a %(party)s MP and, like the party's other MPs, does not "
                         "take his seat at Westminster. Letters to the House of Commons still "
                         "reach him, though his constituency office may answer sooner. Your "
                         "letter asks him to raise your concerns with the Government.",
                         name=name, party=party),
        }.get(key) or gettext("%(name)s is a %(party)s MP and, like the party's other MPs, "
                              "does not take their seat at Westminster. Letters to the House of "
                              "Commons still reach them, though their constituency office may "
                              "answer sooner. Your letter asks them to raise your concerns with "
                              "the Government.", name=name, party=party)
    if mp.is_minister:
        return gettext("%(name)s is a Minister. Ministers do not sign early day motions or "
                       "question their own Government in the House, but they can act in their "
                       "department and raise your concerns with the Minister responsible.",
                       name=name)
    if mp.is_shadow_minister:
        return {
            "F": gettext("%(name)s is a shadow minister and speaks for her party on her brief.",
                         name=name),
            "M": gettext("%(name)s is a shadow minister and speaks for his party on his brief.",
                         name=name),
        }.get(key) or gettext("%(name)s is a shadow minister and speaks for their party on "
                              "their brief.", name=name)
    return ""

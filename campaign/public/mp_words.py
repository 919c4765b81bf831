"""How the pages name an MP's party and post, in the page's language.

Parties are named in Welsh on the Welsh site where Welsh has a settled name for them
(Llafur, Ceidwadol, ...); any other party keeps the name Parliament gives it. Post
titles ("Minister of State (Home Office)") stay exactly as the Members API gives them,
in English on the Welsh site too: they are Parliament's official titles, which the
API publishes in English only, and a title of our own making could misname the post.
The Welsh page labels them in Welsh instead (templates/public/write.html).
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

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

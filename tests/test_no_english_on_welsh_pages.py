"""No English interface text on a Welsh page (issue 25).

Every citizen's page a GET reaches is rendered at its English address and at its /cy/
address; each visible text node of the Welsh page (and the `title`, `alt`, `aria-label`
and `placeholder` of any element, and the `value` of an input button) that is identical on the
English page is English left untranslated, unless it is one of the few things that are
the same in both languages (SAME_IN_BOTH, SAME_SHAPES), or data rather than interface:
what campaign staff wrote (the campaign has no Welsh yet), and the names of MPs,
parties and constituencies. Then, English left inside a Welsh sentence (a phrase made
in Python, say): no text of the Welsh page, once its data is taken out, may hold a
common English word (ENGLISH_WORDS).

A page is one line in PAGES: its name and its English address, or a function that
writes what the page needs (a letter, say) and returns the address. A page still
waiting for its translation on another branch is marked xfail there (strict: once it is
Welsh the mark must go).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest

from campaign.db import get_db
from campaign.lookup.constituencies import shipped
from tests.helpers import SLUG, Journey

# Things that read the same in English and Welsh, each with the reason.
SAME_IN_BOTH = {
    "Cymraeg": "the language link names each language in its own words",
    "English": "the language link names each language in its own words",
    "WhatsApp": "a service's name (a share link)",
    "Bluesky": "a service's name (a share link)",
    "Facebook": "a service's name (a share link)",
    "X": "a service's name (a share link)",
}
SAME_SHAPES = [
    (re.compile(r"[\W\d_]+"), "numbers and punctuation alone"),
    (re.compile(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"), "a postcode"),
    (re.compile(r"[2-9A-Z]{8}"), "a letter's reference (K7QM4TZX)"),
    (re.compile(r"[A-Z][A-Z_]+[A-Z]"), "a setting's name, shown as <code>"),
    (re.compile(r"(https?://|mailto:)?[\w.-]+(@[\w.-]+|\.(uk|io|com|org|net))(/\S*)?"),
     "an address: a web address, an email address or a host"),
]

# Common English words no Welsh sentence uses: a Welsh page's text that still holds one,
# once data is taken out, has English in it (a phrase made in Python, say, inside a
# translated sentence: "ar ôl two hours").
ENGLISH_WORDS = re.compile(r"\b(the|and|your|you|with|for|this|that|please|which|when|what|"
                           r"hours?|minutes?|days?|letters?)\b", re.IGNORECASE)

# Words around a piece of data ("Ask: ", "“...”") that are not words of their own.
_EDGES = " \t\n:;,.–—-“”\"'()"


def _welsh_reference(client) -> str:
    """The page of a letter written (in English) and downloaded, by its reference."""
    journey = Journey(client)
    journey.find_mp("E8 1DY")
    journey.write()
    assert journey.download("pdf").status_code == 200
    return f"/r/{journey.reference}"


def _results_with_a_letter(client) -> str:
    """The results page with a constituency in its table."""
    _welsh_reference(client)
    return f"/c/{SLUG}/results"


def _two_campaigns(client) -> str:
    """The home page listing campaigns (with one live campaign it is that campaign's)."""
    with client.application.app_context():
        db = get_db()
        second = dict(next(db.query("select * from campaigns where slug = ?", [SLUG])))
        del second["id"]
        db["campaigns"].insert({**second, "slug": "second-campaign"})
    return "/"


def _closed_campaign(client) -> str:
    with client.application.app_context():
        get_db().execute("update campaigns set status = 'closed' where slug = ?", [SLUG])
    return f"/c/{SLUG}/"


@dataclass(frozen=True)
class Page:
    """A citizen's page: its name and its English address (or a function of the test
    client that makes what the page shows, then returns its address)."""

    name: str
    address: str | Callable[[object], str]
    status: int = 200
    #: Why English words are still expected inside its Welsh sentences (a strict xfail).
    waiting: str = ""


JOURNEY_BRANCH = pytest.mark.xfail(reason="translated on branch welsh-journey", strict=True)

PAGES = [
    Page("home", "/"),
    Page("home, listing campaigns", _two_campaigns),
    Page("campaign", f"/c/{SLUG}/"),
    Page("letter form", f"/c/{SLUG}/write?postcode=E8+1DY"),
    Page("a postcode that is not one", f"/c/{SLUG}/write?postcode=hello", 422),
    Page("help", f"/c/{SLUG}/help"),
    Page("about", "/about"),
    Page("privacy", "/privacy", waiting="translated on branch welsh-journey: the form's age in "
         "words (journey.age_in_words, \"two hours\") inside a Welsh sentence"),
    Page("accessibility", "/accessibility"),
    Page("results", _results_with_a_letter),
    Page("results, no letters yet", f"/c/{SLUG}/results"),
    Page("report back", "/r/"),
    Page("report back, a mistyped reference", "/r/?reference=nonsense", 422),
    Page("report back, an unknown reference", "/r/?reference=K7QM4TZX", 404),
    Page("reference unknown", "/r/K7QM4TZX", 404),
    Page("a letter's reference", _welsh_reference),
    Page("embed", f"/c/{SLUG}/embed"),
    Page("page not found", "/no-such-page", 404),
    pytest.param(Page("vacant seat", f"/c/{SLUG}/write?postcode=WA7+1AA"),
                 marks=JOURNEY_BRANCH),
    pytest.param(Page("Crown dependency", f"/c/{SLUG}/write?postcode=JE2+3AB"),
                 marks=JOURNEY_BRANCH),
    pytest.param(Page("closed campaign", _closed_campaign, 410), marks=JOURNEY_BRANCH),
]


class _Texts(HTMLParser):
    """The text a reader meets on a page: text nodes, the page's title, and the
    attributes read out or shown (title, alt, aria-label, placeholder, a button's value).

    Left out: scripts and styles, and a textarea's text, which is the letter's own
    wording (the campaign's, filled in for this MP) for the writer to change.
    """

    HIDDEN = {"script", "style", "textarea"}
    SPOKEN = ("title", "alt", "aria-label", "placeholder")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._hidden = 0
        self._in_head = False
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.HIDDEN:
            self._hidden += 1
        self._in_head = self._in_head or tag == "head"
        self._in_title = self._in_title or tag == "title"
        for name in self.SPOKEN:
            if attrs.get(name):
                self.texts.append(attrs[name])
        if attrs.get("value") and tag == "input" and attrs.get("type") in (
                "submit", "button", "reset"):  # (a <button>'s value is not shown)
            self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        if tag == "head":
            self._in_head = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._hidden or (self._in_head and not self._in_title):
            return
        self.texts.append(data)


def texts_of(html: str) -> set[str]:
    """Each piece of text a reader meets on the page, spaces folded."""
    parser = _Texts()
    parser.feed(html)
    return {" ".join(text.split()) for text in parser.texts} - {""}


def _strings_of_tables(db, tables: dict[str, tuple[str, ...]]) -> list[str]:
    found = []
    for table, columns in tables.items():
        present = [c for c in columns if c in db[table].columns_dict]
        for row in db.query(f"select {', '.join(present)} from {table}"):  # noqa: S608
            found += [" ".join(v.split()) for v in row.values() if isinstance(v, str)]
    return found


def data_on_the_site(app) -> list[str]:
    """What is data rather than interface: every text campaign staff wrote (the launch
    campaign has no Welsh yet, so its Welsh page shows its English wording), and the
    names of MPs, their parties and constituencies (names are the same in both)."""
    with app.app_context():
        db = get_db()
        staff = _strings_of_tables(db, {
            "campaigns": tuple(db["campaigns"].columns_dict),
            "asks": tuple(db["asks"].columns_dict),
            "campaign_targets": tuple(db["campaign_targets"].columns_dict),
        })
        register = _strings_of_tables(db, {
            "mps": ("constituency_name", "display_as", "full_title", "address_as",
                    "list_as", "party")})
    return staff + register + list(shipped().values())


def is_same_in_both(text: str, data: list[str]) -> bool:
    """Whether `text` may be the same on the English and the Welsh page."""
    if text in SAME_IN_BOTH or any(shape.fullmatch(text) for shape, _ in SAME_SHAPES):
        return True
    return is_data(text, data)


def is_data(text: str, data: list[str]) -> bool:
    """Whether `text` is data (or a piece of it) rather than the site's own words."""
    core = text.strip(_EDGES)
    if not core or core in data:
        return True
    # A piece of a longer text staff wrote (a sentence of the introduction, a line of
    # the help page between its links), as whole words; a word or two must be a whole
    # item (a name, an ask's title), so "Letters" or "Continue" can't hide in the prose.
    if len(core.split()) < 3:
        return False
    inside = re.compile(r"(?<!\w)" + re.escape(core) + r"(?!\w)")
    return any(inside.search(item) for item in data)


def english_words_left(texts: set[str], data: list[str]) -> list[str]:
    """The texts that still hold a common English word once the data in them is taken out."""
    longest_first = sorted((item for item in data if len(item) > 2), key=len, reverse=True)
    left = []
    for text in texts:
        if is_data(text, data):
            continue
        rest = text
        for item in longest_first:
            if item in rest:
                rest = rest.replace(item, " ")
        if ENGLISH_WORDS.search(rest):
            left.append(text)
    return sorted(left)


def _address(page: Page, client) -> str:
    return page.address(client) if callable(page.address) else page.address


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_a_welsh_page_has_no_english_left(app, page, request):
    client = app.test_client()
    address = _address(page, client)
    english = client.get(address)
    welsh = client.get("/cy" + address)
    assert english.status_code == welsh.status_code == page.status, address
    html = welsh.get_data(as_text=True)
    assert re.search(r'<html lang="cy"', html), "the page says it is in Welsh"
    data = data_on_the_site(app)
    same = sorted(text for text in texts_of(html) & texts_of(english.get_data(as_text=True))
                  if not is_same_in_both(text, data))
    assert not same, f"English on the Welsh page {page.name} (/cy{address}): {same}"
    if page.waiting:
        request.applymarker(pytest.mark.xfail(reason=page.waiting, strict=True))
    mixed = english_words_left(texts_of(html), data)
    assert not mixed, f"English words on the Welsh page {page.name} (/cy{address}): {mixed}"


def test_the_check_finds_english_it_is_shown():
    # The test's own parts, on a page made up for it: what it must see, and let pass.
    html = ('<html><head><title>Your letter</title><meta name="x" content="Hidden">'
            '<script>var x = "Not text";</script></head><body>'
            '<p>Find your MP <a href="/" aria-label="Home page">Cartref</a></p>'
            '<button value="pdf">PDF</button><input type="submit" value="Send">'
            '<textarea>Dear MP</textarea><p>E8 1DY</p><p>1,234</p></body></html>')
    found = texts_of(html)
    assert {"Your letter", "Find your MP", "Home page", "Cartref", "Send", "PDF"} <= found
    assert not {"Hidden", "Not text", "Dear MP", "pdf"} & found
    assert is_same_in_both("E8 1DY", []) and is_same_in_both("1,234", [])
    assert is_same_in_both("Cymraeg", []) and is_same_in_both("K7QM4TZX", [])
    assert is_same_in_both("Hackney North and Stoke Newington", ["Hackney North and Stoke Newington"])
    assert is_same_in_both(": Tackle the networks.", ["Tackle the networks. More."])
    assert not is_same_in_both("Find your MP", ["Dear MP"])
    assert not is_same_in_both("Letters", ["Letters from constituents count."])
    assert not is_same_in_both("Write to your MP", ["Rewrite to your MPs today."])
    data = ["Hackney North and Stoke Newington", "Organised crime networks. They recruit."]
    assert english_words_left({"ar ôl two hours ni all", "AS dros Hackney North and Stoke "
                               "Newington", "They recruit.", "Dewiswch ymgyrch"}, data) == [
        "ar ôl two hours ni all"]
    assert not is_same_in_both("Send", [])

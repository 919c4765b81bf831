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
writes what the page needs (a letter, say) and returns the address. A page that answers
a form (the preview, the page after the download, ...) is one line in ANSWERS: a
function that walks a writer there, in English or in Welsh, and returns the page.

Text marked as another language (`lang="en-GB"`: the language link, an MP's post title
as Parliament gives it, a second letter to an office that works in English) is not
the page's own words, and is left out.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest

from campaign.campaigns.translations import TEXTS
from campaign.db import get_db
from campaign.lookup.constituencies import shipped
from tests.campaign.helpers import SLUG, WRITER, Journey, hidden, welsh_journey

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


PAGES = [
    Page("home", "/"),
    Page("home, listing campaigns", _two_campaigns),
    Page("campaign", f"/c/{SLUG}/"),
    Page("letter form", f"/c/{SLUG}/write?postcode=E8+1DY"),
    Page("a postcode that is not one", f"/c/{SLUG}/write?postcode=hello", 422),
    Page("help", f"/c/{SLUG}/help"),
    Page("about", "/about"),
    Page("privacy", "/privacy"),
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
    Page("letter form, Scotland (a second letter offered)", f"/c/{SLUG}/write?postcode=FK1+1AA"),
    Page("letter form, a minister", f"/c/{SLUG}/write?postcode=B25+8NB"),
    Page("letter form, the Speaker", f"/c/{SLUG}/write?postcode=PR7+1DP"),
    Page("vacant seat", f"/c/{SLUG}/write?postcode=WA7+1AA"),
    Page("Crown dependency", f"/c/{SLUG}/write?postcode=JE2+3AB"),
    Page("closed campaign", _closed_campaign, 410),
]


class _Texts(HTMLParser):
    """The text a reader meets on a page: text nodes, the page's title, and the
    attributes read out or shown (title, alt, aria-label, placeholder, a button's value).

    Left out: scripts and styles, and a textarea's text, which is the letter's own
    wording (the campaign's, filled in for this MP) for the writer to change.
    """

    HIDDEN = {"script", "style", "textarea"}
    SPOKEN = ("title", "alt", "aria-label", "placeholder")
    #: Elements with no end tag.
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._hidden = 0
        self._in_head = False
        self._in_title = False
        # Open elements, each with whether it was marked as another language than
        # Welsh (or English, on the English page: any lang but the <html>'s own).
        self._open: list[tuple[str, bool]] = []

    @property
    def _foreign(self) -> bool:
        return any(foreign for _, foreign in self._open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in self.VOID:
            lang = (attrs.get("lang") or "").lower()
            self._open.append((tag, tag != "html" and bool(lang) and not lang.startswith("cy")))
        if self._foreign:
            return
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
        foreign = self._foreign
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break
        if foreign:
            return
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        if tag == "head":
            self._in_head = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._foreign or self._hidden or (self._in_head and not self._in_title):
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
    """What is data rather than interface: the Welsh campaign staff wrote (the launch
    campaign is offered in Welsh, so none of its English may show on a Welsh page), the
    texts that have no Welsh (a second letter's office, which works in English), the
    writer's own details, and the names of MPs, their parties and constituencies (names
    are the same in both)."""
    with app.app_context():
        db = get_db()
        staff = _strings_of_tables(db, {
            table: tuple(column for column in db[table].columns_dict
                         if column not in TEXTS[table])
            for table in ("campaigns", "asks", "ask_nations")})
        targets = _strings_of_tables(db, {
            "campaign_targets": tuple(db["campaign_targets"].columns_dict)})
        # A target's address is shown a line at a time, or its lines joined with commas.
        addresses = [row["address"].splitlines() for row in db["campaign_targets"].rows]
        register = _strings_of_tables(db, {
            "mps": ("constituency_name", "display_as", "full_title", "address_as",
                    "list_as", "party")})
        # Posts, as the Members API names them, one a line.
        register += [post for row in db.query(
            "select government_posts || char(10) || opposition_posts as posts from mps")
            for post in row["posts"].splitlines() if post.strip()]
    staff += targets + [line for lines in addresses for line in lines]
    staff += [", ".join(lines) for lines in addresses]
    return staff + register + list(WRITER.values()) + list(shipped().values())


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
def test_a_welsh_page_has_no_english_left(app, page):
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


# Pages that answer a form: each walked to by a writer in English and one in Welsh.

def _preview(journey: Journey, postcode: str = "E8 1DY", **fields) -> str:
    journey.open()
    assert journey.find_mp(postcode).status_code == 200
    assert journey.write(**fields).status_code == 200, journey.page[:500]
    return journey.page


def _preview_with_a_second_letter(journey: Journey) -> str:
    journey.open()
    journey.find_mp("FK1 1AA")
    targets = re.findall(r'name="targets" value="(\d+)"', journey.page)
    assert targets, "a Scottish writer is offered a second letter"
    assert journey.write(asks=journey.ask_ids(), targets=targets).status_code == 200
    return journey.page


def _after_the_download(journey: Journey) -> str:
    _preview(journey)
    return journey.client.post(f"/c/{SLUG}/done", data={
        "letter": hidden(journey.page, "letter"), "format": "pdf",
        "csrf_token": hidden(journey.page, "csrf_token")},
        follow_redirects=True).get_data(as_text=True)


def _after_the_download_with_a_second_letter(journey: Journey) -> str:
    _preview_with_a_second_letter(journey)
    return journey.client.post(f"/c/{SLUG}/done", data={
        "letter": hidden(journey.page, "letter"), "format": "pdf",
        "csrf_token": hidden(journey.page, "csrf_token")},
        follow_redirects=True).get_data(as_text=True)


def _letter_form_with_errors(journey: Journey) -> str:
    journey.open()
    journey.find_mp("E8 1DY")
    assert journey.write(asks=[], full_name="").status_code == 422
    return journey.page


def _emailed(journey: Journey) -> str:
    _preview(journey, note="I have seen this on my own street. " * 34)  # too long for mailto:
    return journey.email().get_data(as_text=True)


ANSWERS = [
    ("preview", _preview),
    ("preview, Wales", lambda journey: _preview(journey, "LL77 7TW")),
    ("preview, a minister", lambda journey: _preview(journey, "B25 8NB")),
    ("preview, the Speaker", lambda journey: _preview(journey, "PR7 1DP")),
    ("preview with a second letter", _preview_with_a_second_letter),
    ("after the download", _after_the_download),
    ("after the download, a second letter to hand", _after_the_download_with_a_second_letter),
    ("letter form with errors", _letter_form_with_errors),
    ("after emailing", _emailed),
]


@pytest.mark.parametrize(("name", "walk"), ANSWERS, ids=[name for name, _ in ANSWERS])
def test_a_welsh_answer_to_a_form_has_no_english_left(app, name, walk):
    english = walk(Journey(app.test_client()))
    welsh = walk(welsh_journey(app.test_client()))
    assert re.search(r'<html lang="cy"', welsh), "the page says it is in Welsh"
    data = data_on_the_site(app)
    same = sorted(text for text in texts_of(welsh) & texts_of(english)
                  if not is_same_in_both(text, data))
    assert not same, f"English on the Welsh page {name}: {same}"
    mixed = english_words_left(texts_of(without_letters(welsh)), data)
    assert not mixed, f"English words on the Welsh page {name}: {mixed}"


def without_letters(html: str) -> str:
    """The page without the letters it shows: their paragraphs are the campaign's own
    Welsh, which may name an Act or a term in English, "(early day motions)" (the text
    is checked against the English page all the same)."""
    return re.sub(r'<article class="letter".*?</article>', "", html, flags=re.S)

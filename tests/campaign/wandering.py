"""Issue 29, tests that wander: a browser without JavaScript over the citizen's journey,
and a Hypothesis state machine that walks it as a person might.

The walker drives `tests.campaign.no_script_browser.NoScriptBrowser` (the test client as a
browser with JavaScript off), so it keeps working whatever the site's steps are called;
`tests.campaign.wander_world` holds the postcodes, MPs and rules it walks among.

`WanderingJourney` (a `RuleBasedStateMachine`) looks postcodes up, fills the form in,
ticks and unticks asks and second letters, edits paragraphs, changes the postcode on
the form (within and across nations, to the Speaker, a minister, a shadow minister, a
supporter, a vacant seat), switches language, goes Back, Forward, reloads, lets the
preview expire, previews, downloads and emails. It models what the writer typed and
which postcode they last gave, and after every download or email checks the letter:
addressed to the MP of the postcode on it, carrying exactly the ticked asks its
recipient can act on (each marked with a tag word, `ask_tag`, added to every phrasing
of the ask in the test's database), each ask left out of the MP letter either in a
second letter or told to the writer on the page, and nothing typed lost. A fault
is a `Fault`: raised at once in `make test` (its message lists the walk in words), or
collected by benchmarks/wander.py.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from campaign.clock import FixedClock
from campaign.demo.dataset import MPS
from letters.nations import Nation
from tests.campaign.helpers import SLUG, base_config, make_app
from tests.campaign.no_script_browser import Download, Form, NoScriptBrowser, Page
from tests.campaign.wander_world import (
    PLACE,
    PLACES,
    TAG,
    Place,
    ask_tag,
    person,
    prepare_world,
    read_rules,
)
from tests.letters.helpers import docx_paragraphs, pdf_text

# --- What the writer expects, and the checks.

#: A continued page's number in its running header (letters.pdf_pages), in either language.
PAGE_OF = re.compile(r"\s*(Page [0-9]+ of [0-9]+|Tudalen [0-9]+ o [0-9]+)\s*$")


class Fault(AssertionError):
    """Something the writer got wrong: its kind names it once in a report."""

    def __init__(self, kind: str, detail: str, steps: list[str]):
        self.kind, self.detail, self.steps = kind, detail, list(steps)
        super().__init__(f"{kind}: {detail}\nSteps:\n  " + "\n  ".join(steps))


@dataclass
class Snapshot:
    """What the writer gave for one letter, as they believe it to be."""

    postcode: str
    details: dict
    note: str
    ticked: frozenset
    targets: frozenset
    edits: dict  # paragraph key -> the sentence the writer added
    told_left_out: frozenset  # asks the page told them their MP letter leaves out
    reference: str = ""

    def copy(self) -> Snapshot:
        return Snapshot(self.postcode, dict(self.details), self.note, self.ticked,
                        self.targets, dict(self.edits), self.told_left_out, self.reference)


DETAILS = {
    "full_name": ["Siân Ëlira Çela-Łukasz", "Sam Writer", "Dafydd ap Gruffydd"],
    "address_line1": ["12 Glyndŵr Road", "1 High Street", "Flat 2, 14 Station Road"],
    "town": ["London", "Caernarfon", "Falkirk"],
}
NOTES = ["I live near a cannabis farm and worry about the boys who work there.",
         "My nephew was drawn into county lines at fifteen.",
         "Our town has seen three nail bars close after raids.",
         # Near the note's 1,200 characters, in words that do not repeat: a long letter.
         " ".join(f"On day {n} I saw {w} near the {p} on {s} Street."
                  for n, (w, p, s) in enumerate(zip(
                      ["two boys", "a van", "a girl", "three men", "a courier", "a car",
                       "a teenager", "four bikes", "a woman", "a minibus", "two girls",
                       "a lorry", "a boy", "five men", "a taxi", "an old man", "a scooter",
                       "six youths", "a pickup", "a cyclist", "a couple", "a coach"],
                      ["station", "park", "school", "chip shop", "car wash", "nail bar",
                       "library", "canal", "market", "church", "bus stop", "garage",
                       "leisure centre", "bridge", "hospital", "pub", "shopping centre",
                       "playground", "allotments", "post office", "bakery", "harbour"],
                      ["Mill", "Church", "Bridge", "Station", "Park", "Queen", "King",
                       "Victoria", "Albert", "George", "High", "Castle", "Market", "North",
                       "South", "West", "East", "New", "Old", "Chapel", "Water", "Green"],
                      strict=True), start=1))[:1190].rsplit(". ", 1)[0] + "."]

_WORDS = ("the networks county lines boys girls police money van farm station street town "
          "council school children cash phone night market we they saw heard worry fear "
          "help law court home work sleep bus flat shop corner park river bridge youth "
          "worker teacher parent neighbour dealer runner debt threat knife car estate "
          "landlord tenant stairwell alley garden hostel benefit wages shift factory "
          "warehouse kitchen salon laundry motorway service petrol queue ticket train "
          "platform carriage journey weekend evening morning winter summer brother "
          "sister cousin uncle aunt friend classmate coach mentor nurse doctor vicar "
          "imam rabbi mayor councillor officer detective sergeant magistrate solicitor "
          "charity shelter helpline refuge clinic pharmacy surgery ward prison probation "
          "custody bail sentence evidence witness statement report referral assessment "
          "exploited groomed trapped frightened silent missing returned arrested "
          "released cautioned charged convicted acquitted protected ignored").split()


def prose(length: int, seed: int) -> str:
    """About `length` characters of the writer's own words, unlike any other seed's
    (hard to compress, as real writing is)."""
    draw = random.Random(seed)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(draw.choice(_WORDS) + draw.choice(("", "", "", ",")))
    return " ".join(words)[:length].rstrip(" ,")


#: How every sentence the writer adds to a paragraph begins.
OWN = "I add this in my own words"


class WanderingJourney(RuleBasedStateMachine):
    """See the module's docstring. Class attributes set by `journey_machine`."""

    fakes: tuple = ()
    template: Path | None = None
    directory: Path | None = None
    #: True: raise each Fault at once; False: collect them in `found` (the benchmark).
    strict = True
    found: list = []
    counter = [0]
    letters_checked = [0]
    #: How many ask paragraphs `rewrite_at_length` rewrites.
    long_asks = 4

    def __init__(self):
        super().__init__()
        postcodes, members = self.fakes
        postcodes.reset()
        members.reset()
        self.counter[0] += 1
        path = self.directory / f"wander-{self.counter[0]}.sqlite3"
        self.clock = FixedClock()
        self.app = make_app(base_config(path, postcodes.url, members.url), self.clock,
                            self.template)
        prepare_world(self.app)
        self.rules = read_rules(self.app)
        self.max_age = self.app.config["LETTER_FORM_MAX_AGE"]
        self.browser = NoScriptBrowser(self.app.test_client())
        self.steps: list[str] = []
        self.writer = Snapshot(postcode="", details={}, note="", ticked=frozenset(),
                               targets=frozenset(), edits={}, told_left_out=frozenset())
        self.downloads = 0

    def teardown(self):
        self.app.extensions["db_connections"].discard()

    # -- helpers

    def fault(self, kind: str, detail: str) -> None:
        error = Fault(kind, detail, self.steps)
        if self.strict:
            raise error
        self.found.append(error)

    def step(self, words: str) -> None:
        self.steps.append(words)

    @property
    def page(self) -> Page:
        return self.browser.page

    def _arrived(self, answer, how: str):
        """Every answer: never a server error."""
        status = answer.status
        if status >= 500:
            why = answer.h1 if isinstance(answer, Page) else ""
            self.fault("server-error", f"{how} answered {status} {why}")
        return answer

    def _writer_from_form(self, form: Form) -> None:
        """What the writer sees on the form is what they now believe they gave."""
        self.writer.details = {k: form.get(k) or "" for k in DETAILS}
        self.writer.note = form.get("personal_note") or ""
        self.writer.postcode = (form.get("postcode") or "").strip().upper()
        self.writer.ticked = frozenset(int(v) for v in form.ticked("asks"))
        self.writer.targets = frozenset(int(v) for v in form.ticked("targets"))
        self.writer.edits = {k: s for k, s in self.writer.edits.items()
                             if s in (form.get(f"para-{k}") or "")}

    def _check_form_keeps(self, how: str, expected: Snapshot) -> None:
        """The form the writer came back to holds everything they gave."""
        form = self.page.letter_form
        if form is None:
            self.fault("lost-the-form", f"{how} gave {self.page.kind} page "
                       f"'{self.page.h1}' ({self.page.url}), not the letter form")
            return
        lost = [k for k, v in expected.details.items() if v and (form.get(k) or "") != v]
        if expected.note and (form.get("personal_note") or "") != expected.note:
            lost.append("personal note")
        if expected.postcode and (form.get("postcode") or "").strip().upper() != expected.postcode:
            lost.append(f"postcode (form has {form.get('postcode')!r}, "
                        f"writer gave {expected.postcode!r})")
        ticked = {int(v) for v in form.ticked("asks")}
        if ticked != set(expected.ticked):
            lost.append(f"ticked asks (form {sorted(ticked)}, writer {sorted(expected.ticked)})")
        for key, sentence in expected.edits.items():
            if sentence not in (form.get(f"para-{key}") or ""):
                lost.append(f"edit of paragraph {key}")
        if lost:
            self.fault("typed-words-lost", f"{how}: the form lost " + "; ".join(lost))

    def _letter_form(self) -> Form:
        return self.page.letter_form

    # -- rules: where the writer goes

    @initialize()
    def open_campaign(self):
        self.step(f"open /c/{SLUG}/")
        self._arrived(self.browser.go("GET", f"/c/{SLUG}/"), "the campaign page")

    def to_campaign_page(self):
        """The breadcrumb (or the address typed again) back to the campaign page."""
        link = next((href for href, _, cls in self.page.links
                     if re.search(rf"/c/{SLUG}/$", href) and "language-link" not in cls), None)
        self.step("click the campaign's name (breadcrumb)" if link else "type the campaign's address")
        prefix = "/cy" if self.page.language == "cy" else ""
        self._arrived(self.browser.follow(link or f"{prefix}/c/{SLUG}/"), "the campaign page")

    @precondition(lambda self: self.page.kind == "campaign")
    @rule(place=st.sampled_from(PLACES))
    def look_up(self, place):
        form = self.page.postcode_form
        form.set("postcode", place.postcode)
        self.step(f"look up {place.postcode} ({place.what}) on the campaign page")
        answer = self._arrived(self.browser.submit(form), f"looking up {place.postcode}")
        if not isinstance(answer, Page):
            return
        if place.mp is None:
            if answer.kind == "form":
                self.fault("vacant-seat-form", f"{place.postcode} (vacant) gave a letter form")
            return
        if answer.kind != "form":
            self.fault("lookup-failed", f"{place.postcode} gave '{answer.h1}' ({answer.status})")
            return
        # A fresh lookup: a new form (without JavaScript nothing is restored into it).
        self.writer = Snapshot(postcode=place.postcode, details={}, note="",
                               ticked=frozenset(), targets=frozenset(), edits={},
                               told_left_out=frozenset())
        self._writer_from_form(answer.letter_form)
        self._check_mp_card(answer, place, "after the lookup")

    def _check_mp_card(self, page: Page, place: Place, how: str) -> None:
        card = page.mp_card
        if place.mp and card and person(place.mp) not in card:
            self.fault("wrong-mp-card", f"{how}: card says '{card}', {place.postcode}'s MP "
                       f"is {place.mp.display_as}")

    @precondition(lambda self: self.page.kind == "form")
    @rule(which=st.integers(0, 2))
    def fill_details(self, which):
        form = self._letter_form()
        for name, choices in DETAILS.items():
            form.set(name, choices[which])
        self.step(f"fill in name and address as {DETAILS['full_name'][which]!r}")
        self.writer.details = {name: choices[which] for name, choices in DETAILS.items()}

    @precondition(lambda self: self.page.kind == "form")
    @rule(which=st.integers(0, 2), position=st.integers(0, 7))
    def fill_in_everything(self, which, position):
        """What most writers do: details, one ask, a note."""
        self.fill_details(which % len(DETAILS["full_name"]))
        self.tick(position, True)
        self.write_note(which)

    @precondition(lambda self: self.page.kind == "form")
    @rule(which=st.integers(0, 3))
    def write_note(self, which):
        self._letter_form().set("personal_note", NOTES[which])
        self.step(f"write the note {NOTES[which][:30]!r}...")
        self.writer.note = NOTES[which]

    @precondition(lambda self: self.page.kind == "form")
    @rule(position=st.integers(0, 7), on=st.booleans())
    def tick(self, position, on):
        ask_id = self.rules.ask_ids[position % len(self.rules.ask_ids)]
        form = self._letter_form()
        if not form.tick("asks", str(ask_id), on):
            return
        self.step(f"{'tick' if on else 'untick'} “{self.rules.titles[ask_id]}”")
        ticked = set(self.writer.ticked)
        (ticked.add if on else ticked.discard)(ask_id)
        self.writer.ticked = frozenset(ticked)
        if not on and f"ask-{ask_id}" in self.writer.edits:
            # An unticked ask's own words are not wanted: put the suggestion back.
            form.tick(f"reset-ask-{ask_id}", "1")
            self.writer.edits.pop(f"ask-{ask_id}")

    @precondition(lambda self: self.page.kind == "form" and self.page.letter_form.boxes("targets"))
    @rule(on=st.booleans())
    def tick_second_letter(self, on):
        form = self._letter_form()
        for box in form.boxes("targets"):
            box.checked = on
        self.step(f"{'tick' if on else 'untick'} the second letter")
        self.writer.targets = frozenset(int(b.value) for b in form.boxes("targets") if on)

    @precondition(lambda self: self.page.kind == "form" and self.writer.ticked)
    @rule(seed=st.integers(0, 10_000))
    def rewrite_at_length(self, seed):
        """Rewrite the opening, the closing and every ticked ask's paragraph in 900
        characters of their own, and the note in 1,100: a long letter, whose preview
        may not fit in an address."""
        form = self._letter_form()
        # At most four asks: with six the signed letter outgrows an address and the
        # preview answers its POST (finding W9, walked by its own test until fixed).
        keys = ["opening", "closing",
                *(f"ask-{a}" for a in sorted(self.writer.ticked)[:self.long_asks])]
        edits = {}
        for number, key in enumerate(keys):
            if form.get(f"para-{key}") is None:
                continue
            sentence = f"{OWN}, number {seed % 97 + number}."
            tag = ask_tag(int(key.removeprefix("ask-"))) if key.startswith("ask-") else ""
            form.set(f"para-{key}", f"{prose(900, seed + number)} {tag}. {sentence}".replace(
                " . ", " "))
            edits[key] = sentence
        note = prose(1100, seed - 1) + "."
        form.set("personal_note", note)
        self.step(f"rewrite {', '.join(edits)} and the note at length (seed {seed})")
        self.writer.edits = {**self.writer.edits, **edits}
        self.writer.note = note

    @precondition(lambda self: self.page.kind == "form")
    @rule(position=st.integers(0, 7), n=st.integers(1, 99))
    def edit_paragraph(self, position, n):
        """Add a sentence of their own to the opening or to a ticked ask's paragraph."""
        form = self._letter_form()
        ticked = sorted(self.writer.ticked)
        key = f"ask-{ticked[position % len(ticked)]}" if ticked and position else "opening"
        text = form.get(f"para-{key}")
        if text is None:
            return
        sentence = f"{OWN}, number {n}."
        form.set(f"para-{key}", f"{text.rstrip()} {sentence}")
        self.step(f"edit paragraph {key}: add {sentence!r}")
        self.writer.edits = {**self.writer.edits, key: sentence}

    @precondition(lambda self: self.page.kind == "form")
    @rule(place=st.sampled_from(PLACES))
    def change_postcode_on_form(self, place):
        self._letter_form().set("postcode", place.postcode)
        self.step(f"type {place.postcode} ({place.what}) in the form's postcode field")
        self.writer.postcode = place.postcode

    @precondition(lambda self: self.page.kind == "form" and self._complete(self.writer))
    @rule(then=st.sampled_from(["pdf", "docx", "stay"]))
    def preview_when_ready(self, then):
        """What most writers do: preview a filled form, then download it at once."""
        self.preview()
        if then != "stay" and self.page.kind == "preview":
            self.download(then, second=False)

    @precondition(lambda self: self.page.kind == "form" and not self._complete(self.writer))
    @rule(which=st.integers(0, 3), position=st.integers(0, 7),
          then=st.sampled_from(["pdf", "docx"]))
    def write_a_letter(self, which, position, then):
        """Fill in everything and download: a whole letter in one step."""
        self.fill_in_everything(which, position)
        self.preview_when_ready(then)

    @precondition(lambda self: self.page.kind == "form")
    @rule()
    def preview(self):
        form = self._letter_form()
        self.writer.told_left_out = self._told_on_form(self.page)
        before = self.page
        expected = self.writer.copy()
        self.step("press “Preview my letter”")
        answer = self._arrived(self.browser.submit(form), "the preview")
        if not isinstance(answer, Page):
            self.fault("preview-not-a-page", f"the preview answered {answer.status}")
            return
        self._judge_preview(answer, expected, before)

    def _told_on_form(self, page: Page) -> frozenset:
        """Asks whose note on this form says the MP letter leaves them out, when the
        form's MP is the writer's (the notes are that nation's)."""
        place = PLACE.get(self.writer.postcode)
        if place is None or place.mp is None or person(place.mp) not in page.mp_card:
            return frozenset()
        told = set()
        for ask_id in self.rules.ask_ids:
            match = re.search(rf'id="ask-{ask_id}-nation">(.*?)</p>', page.html, re.S)
            if match and not self.rules.in_mp_letter[ask_id, place.nation]:
                told.add(ask_id)
        return frozenset(told)

    def _complete(self, writer: Snapshot) -> bool:
        return bool(writer.details.get("full_name") and writer.details.get("address_line1")
                    and writer.details.get("town") and writer.ticked)

    def _judge_preview(self, answer: Page, expected: Snapshot, before: Page) -> None:
        place = PLACE.get(expected.postcode)
        if answer.kind == "preview":
            if place is None or place.mp is None:
                self.fault("letter-without-mp", f"a preview for {expected.postcode}")
                return
            answer.letter = expected
            expected.reference = answer.reference
            self._check_preview(answer, expected)
            return
        if answer.kind == "form":
            # Back to the form: with what was typed, and a reason.
            self._check_form_keeps("the form sent back by the preview", expected)
            if not self._complete(expected) or place is None or place.mp is None:
                self._writer_from_form(answer.letter_form)
                return
            nation_before = self._form_nation(before)
            if answer.status == 200 or (nation_before and nation_before != place.nation):
                # A nation or MP change shown before any preview (issue 29): fine.
                self._check_mp_card(answer, place, "the form back after a postcode change")
                self._writer_from_form(answer.letter_form)
                return
            mp_asks = self.rules.mp_asks(expected.ticked, place.nation)
            target_asks = self.rules.target_asks(expected.ticked, place.nation)
            # Refused with reason: a second letter ticked with nothing to ask of it.
            pointless_second = expected.targets and not target_asks
            if 'id="asks-error"' in answer.html and not pointless_second and (
                    mp_asks or (expected.targets and target_asks)):
                self.fault("blocked-letter", f"a complete form for {expected.postcode} "
                           f"(asks {sorted(expected.ticked)}, second letter "
                           f"{sorted(expected.targets)}) came back {answer.status}: "
                           f"{answer.text[answer.text.find('There is a problem'):][:200]!r}")
            self._writer_from_form(answer.letter_form)
            return
        if place is not None and place.mp is None:
            return  # the vacant seat: a page of its own saying so
        if answer.kind in ("other",) and answer.status >= 400:
            self.fault("preview-refused", f"the preview answered {answer.status} "
                       f"'{answer.h1}'")

    def _form_nation(self, page: Page) -> Nation | None:
        for place in PLACES:
            if place.mp and person(place.mp) in page.mp_card:
                return place.nation
        return None

    def _check_preview(self, page: Page, expected: Snapshot) -> None:
        place = PLACE[expected.postcode]
        letters = page.letters_html()
        if not letters:
            return
        mp_letter = [h for h in letters if person(place.mp) in h]
        mp_asks = self.rules.mp_asks(expected.ticked, place.nation)
        if mp_asks and not mp_letter:
            self.fault("wrong-mp", f"the preview for {expected.postcode} is not addressed to "
                       f"{place.mp.display_as}: {page.h1!r}")
        if mp_letter:
            for other in MPS:
                if other.member_id != place.mp.member_id and person(other) in mp_letter[0]:
                    self.fault("wrong-mp", f"the preview's letter names {other.display_as}")
        self._check_left_out(page, expected)

    def _check_left_out(self, page: Page, expected: Snapshot) -> None:
        """Each ticked ask the MP letter leaves out is in a second letter or was told."""
        place = PLACE[expected.postcode]
        left = set(expected.ticked) - self.rules.mp_asks(expected.ticked, place.nation)
        if not left:
            return
        in_second = set()
        if expected.targets & {t for t, _ in self.rules.targets[place.nation]}:
            in_second = self.rules.target_asks(expected.ticked, place.nation)
        told = set(expected.told_left_out)
        words = page.told_text()
        told |= {a for a in left if self.rules.titles[a] in words}
        silent = left - in_second - told
        if silent:
            self.fault("ask-dropped-in-silence", f"the letter to {place.mp.display_as} "
                       f"({expected.postcode}) leaves out "
                       + ", ".join(f"“{self.rules.titles[a]}”" for a in sorted(silent))
                       + " and neither a second letter nor the page says so")

    # -- the preview and after

    @precondition(lambda self: self.page.kind in ("preview", "done"))
    @rule(fmt=st.sampled_from(["pdf", "pdf", "docx", "envelope"]), second=st.booleans())
    def download(self, fmt, second):
        forms = [f for f in self.page.forms_with_button(fmt)
                 if f.has("target") == second]
        if not forms:
            return
        form = forms[0]
        target = form.get("target")
        button = next(b for b in form.buttons() if b.value == fmt)
        self.step(f"download the {'second letter' if target else 'letter'} as {fmt.upper()}")
        expected = self.page.letter
        answer = self._arrived(self.browser.submit(form, button), "the download")
        if isinstance(answer, Page):
            if answer.status in (409, 410):  # expired, or the site changed: said on the page
                return
            self.fault("download-not-a-file", f"the download gave '{answer.h1}' ({answer.status})")
            return
        if answer.status != 200:
            self.fault("download-failed", f"the download answered {answer.status}")
            return
        text = "\n".join(docx_paragraphs(answer.body)) if fmt == "docx" else pdf_text(answer.body)
        if fmt == "envelope":
            if expected is not None:
                self._check_envelope(text, expected, int(target) if target else None)
            return
        if expected is not None:
            self.downloads += 1
            self._check_letter(text, expected, int(target) if target else None)

    def _check_envelope(self, text: str, expected: Snapshot, target: int | None) -> None:
        """The envelope goes to the letter's recipient, from the writer's postcode."""
        flat = " ".join(text.split())
        place = PLACE[expected.postcode]
        recipient = (dict(self.rules.targets[place.nation]).get(target, "") if target
                     else person(place.mp))
        if recipient not in flat or expected.postcode not in flat:
            self.fault("wrong-envelope", f"the envelope for the {'second ' if target else ''}"
                       f"letter ({expected.postcode}) lacks {recipient!r} or the postcode: "
                       f"{flat[:120]!r}")
        for other in MPS:
            if other.member_id != place.mp.member_id and person(other) in flat:
                self.fault("wrong-envelope", f"the envelope names {person(other)}")

    def _check_letter(self, text: str, expected: Snapshot, target: int | None,
                      emailed: bool = False) -> None:
        """The downloaded (or emailed) letter against what the writer gave for it."""
        self.letters_checked[0] += 1
        # The words a page break adds, in either language (letters.languages): "continued
        # overleaf", and the next page's running header, a line "<writer> to <MP>" then
        # "Page 2 of 3", which can fall inside the writer's own words.
        lines = text.splitlines()
        text = "\n".join(line for number, line in enumerate(lines) if not PAGE_OF.match(line)
                         and not (number + 1 < len(lines) and PAGE_OF.match(lines[number + 1])))
        flat = " ".join(re.sub(r"\b(continued overleaf|parhad drosodd)\b", " ", text).split())
        place = PLACE[expected.postcode]
        who = "second letter" if target else "emailed letter" if emailed else "letter to the MP"
        if target:  # to the office that decides: it may mention the MP, or not
            holder = dict(self.rules.targets[place.nation]).get(target, "")
            if holder not in flat:
                self.fault("wrong-recipient", f"the {who} for {expected.postcode} is not "
                           f"addressed to {holder}")
        elif emailed:  # no address block: the greeting names the MP
            # "Dear Ms Abbott", "Annwyl Ms Abbott", "Annwyl Syr Lindsay": the name is kept.
            if place.mp.address_as.split()[-1] not in flat[:200]:
                self.fault("wrong-mp", f"the {who} for {expected.postcode} does not greet "
                           f"{place.mp.address_as}: {flat[:60]!r}")
        elif person(place.mp) not in flat:
            named = [person(mp) for mp in MPS if person(mp) in flat]
            self.fault("wrong-mp", f"the {who} for {expected.postcode} does not name "
                       f"{place.mp.display_as} (it names {named})")
        for other in MPS:
            if other.member_id != place.mp.member_id and person(other) in flat:
                self.fault("wrong-mp", f"the {who} for {expected.postcode} names "
                           f"{other.display_as}, not {place.mp.display_as}")
        if expected.postcode not in flat:
            self.fault("wrong-postcode", f"the {who} does not carry {expected.postcode}")
        tags = {int(t) for t in TAG.findall(flat)}
        if target:
            want = self.rules.target_asks(expected.ticked, place.nation)
        else:
            want = self.rules.mp_asks(expected.ticked, place.nation)
        if tags != want:
            self.fault("wrong-asks", f"the {who} ({expected.postcode}) carries asks "
                       f"{sorted(tags)}; ticked {sorted(expected.ticked)}, its recipient can "
                       f"act on {sorted(want)}")
        lost = [v for v in expected.details.values() if v and v not in flat]
        if expected.note and " ".join(expected.note.split()) not in flat:
            lost.append("the note")
        if not target:
            for key, sentence in expected.edits.items():
                ask_id = int(key.removeprefix("ask-")) if key.startswith("ask-") else None
                if ask_id is None or ask_id in want:
                    if sentence not in flat:
                        lost.append(f"the edit of {key}")
        if lost:
            self.fault("typed-words-lost", f"the {who} lacks " + ", ".join(lost))

    @precondition(lambda self: self.page.kind in ("preview",))
    @rule()
    def email(self):
        forms = [f for f in self.page.forms if "/email" in f.action and not f.has("target")]
        if not forms:
            return
        self.step("press “Email it from your own email”")
        expected = self.page.letter
        answer = self._arrived(self.browser.submit(forms[0]), "the email")
        if isinstance(answer, Download) and answer.location.startswith("mailto:"):
            address, _, query = answer.location.removeprefix("mailto:").partition("?")
            body = dict(parse_qsl(query)).get("body", "")
            place = PLACE[expected.postcode] if expected else None
            if place and place.mp.email and unquote(address) != place.mp.email:
                self.fault("wrong-mp", f"the email for {expected.postcode} goes to "
                           f"{unquote(address)}, not {place.mp.email}")
            if expected:
                self._check_letter(body, expected, None, emailed=True)

    @precondition(lambda self: self.page.kind in ("preview", "done"))
    @rule()
    def change_something(self):
        forms = [f for f in self.page.forms if "change-letter" in f.classes]
        if not forms:
            return
        expected = self.page.letter
        self.step("press “Change something”")
        answer = self._arrived(self.browser.submit(forms[0]), "Change something")
        if isinstance(answer, Page) and expected is not None:
            if answer.kind == "form":
                self._check_form_keeps("“Change something”", expected)
                self._writer_from_form(answer.letter_form)
            elif answer.status < 400:
                self.fault("lost-the-form", f"“Change something” gave '{answer.h1}'")

    @precondition(lambda self: self.page.kind == "preview")
    @rule()
    def what_next(self):
        forms = [f for f in self.page.forms if "next-step" in f.classes]
        if not forms:
            return
        expected = self.page.letter
        self.step("press “Downloaded it? What to do next”")
        answer = self._arrived(self.browser.submit(forms[0]), "What to do next")
        if isinstance(answer, Page):
            answer.letter = expected

    @precondition(lambda self: self.page.kind == "letter-back")
    @rule()
    def get_letter_back(self):
        form = next(f for f in self.page.forms if f.has("letter"))
        expected = self.page.letter
        self.step("press “Get my letter back”")
        answer = self._arrived(self.browser.submit(form), "Get my letter back")
        if isinstance(answer, Page) and expected is not None:
            self._check_form_keeps("“Get my letter back”", expected)
            if answer.letter_form:
                self._writer_from_form(answer.letter_form)

    # -- the browser's own buttons, the language link and the clock (rarer than the
    # steps forward: Hypothesis picks among the rules that apply evenly)

    @rule(button=st.sampled_from(["back", "back", "forward", "reload"]), now=st.booleans())
    def browser_button(self, button, now):
        if now or self.page.kind == "other":
            {"back": self.go_back, "forward": self.go_forward, "reload": self.reload}[button]()

    @rule(where=st.sampled_from(["campaign", "language", "language", "expire"]),
          now=st.booleans())
    def wander_off(self, where, now):
        if now or self.page.kind == "other":
            {"campaign": self.to_campaign_page, "language": self.switch_language,
             "expire": self.expire}[where]()

    def switch_language(self):
        link = next((href for href, _, cls in self.page.links if "language-link" in cls), None)
        if link is None:
            return
        before = self.page
        self.step(f"click the language link ({'English' if before.language == 'cy' else 'Cymraeg'})")
        answer = self._arrived(self.browser.follow(link), "the language link")
        if not isinstance(answer, Page) or before.kind in ("campaign", "other"):
            return
        answer.letter = answer.letter or before.letter
        expired = before.kind in ("preview", "done") and answer.kind == "letter-back"
        if answer.kind != before.kind and before.kind != "letter-back" and not expired:
            self.fault("language-link-lost-the-step",
                       f"from the {before.kind} page ({before.url}) it went to the "
                       f"{answer.kind} page '{answer.h1}' ({answer.url})")
            if answer.letter_form:
                self._writer_from_form(answer.letter_form)
            return
        if before.kind == "form" and before.method == "POST":
            # A form that answered a POST has no address holding what it was served
            # with: the link may go to the form's own address (JavaScript puts the
            # words back), but the postcode and MP must stay those of the form.
            form = answer.letter_form
            postcode = (before.served.get("postcode") or "").strip().upper()
            place = PLACE.get(postcode)
            if 'id="postcode-error"' in before.html:
                pass  # a postcode with no MP is not adopted: the last good one stands
            elif (form.get("postcode") or "").strip().upper() != postcode or (
                    place and place.mp and person(place.mp) not in answer.mp_card):
                self.fault("language-link-changed-the-mp",
                           f"the form for {postcode} came back in the other language for "
                           f"{form.get('postcode')!r}, card {answer.mp_card!r}")
            self._writer_from_form(form)
        elif before.kind == "form":
            # Without JavaScript a link carries what the page was served with, not what
            # was typed since: that much must survive, edits included.
            served = before.served
            now = answer.letter_form.typed()
            lost = [k for k, v in served.items() if v and now.get(k) != v
                    and (not isinstance(k, str) or not k.startswith("para-") or OWN in v)]
            if lost:
                self.fault("language-link-lost-words", f"the form in the other language "
                           f"lost {lost}")
            self._writer_from_form(answer.letter_form)
        elif before.kind in ("preview", "done") and before.letter is not None:
            if before.reference and answer.reference and before.reference != answer.reference:
                self.fault("new-reference", "the language link gave the letter a new reference")

    def go_back(self):
        before = self.page
        page = self.browser.back()
        if page is None:
            return
        self.step("press Back")
        self._after_history(before, page, "Back")

    def go_forward(self):
        before = self.page
        page = self.browser.forward()
        if page is None:
            return
        self.step("press Forward")
        self._after_history(before, page, "Forward")

    def _after_history(self, before: Page, page: Page, how: str) -> None:
        self._arrived(page, how)
        if page.method == "POST" and page.status == 200 and page.kind in ("preview", "done"):
            self.fault("confirm-form-resubmission",
                       f"{how} returned to a {page.kind} page that answered a POST "
                       f"({page.url}): Chrome shows “Confirm Form Resubmission”")
        if page.letter_form is not None:
            self._writer_from_form(page.letter_form)
        if page.kind == "preview" and page.letter is not None:
            self._writer_from_snapshot(page.letter)

    def _writer_from_snapshot(self, snap: Snapshot) -> None:
        self.writer = snap.copy()

    def reload(self):
        before = self.page
        self.step("press Reload")
        page = self.browser.reload()
        self._arrived(page, "Reload")
        if before.kind == "preview" and page.kind == "preview":
            if before.reference and page.reference != before.reference:
                self.fault("new-reference", f"reloading the preview ({before.method} "
                           f"{before.url}) changed its reference {before.reference} -> "
                           f"{page.reference}")
        if page.letter_form is not None:
            self._writer_from_form(page.letter_form)

    def expire(self):
        self.step(f"wait {self.max_age + 60} seconds (the preview expires)")
        self.clock.move(seconds=self.max_age + 60)

    @invariant()
    def never_a_server_error(self):
        if self.page is not None and self.page.status >= 500:
            self.fault("server-error", f"{self.page.method} {self.page.url} answered "
                       f"{self.page.status}")


def journey_machine(fakes, template: Path, directory: Path, strict: bool = True):
    """A WanderingJourney class bound to the fake upstreams and a database template."""
    return type("Wander", (WanderingJourney,), {
        "fakes": fakes, "template": template, "directory": directory, "strict": strict,
        "found": [], "counter": [0], "letters_checked": [0]})



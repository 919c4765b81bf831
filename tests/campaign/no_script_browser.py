"""A browser without JavaScript over the Flask test client, for the wandering tests
(tests/campaign/wandering.py) and any test that walks the site as a person does.

`NoScriptBrowser` reads the forms and links of the page it is on, submits a form as the
page has it (hidden fields and all), follows redirects, keeps a history for Back,
Forward and reload (a GET is fetched again, a page that answered a POST is posted
again, as a browser does after "Confirm Form Resubmission", and noted in
`resubmissions`), and puts back what was typed into a page when Back or Forward
returns to it. It knows no address of the site: it goes where the pages lead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode, urlsplit

from werkzeug.datastructures import MultiDict


@dataclass
class Control:
    name: str
    kind: str  # hidden, text, checkbox, radio, textarea, submit, select, ...
    value: str
    checked: bool = False
    label: str = ""  # a button's text


@dataclass
class Form:
    action: str
    method: str
    controls: list[Control]
    classes: str = ""
    ident: str = ""

    def get(self, name: str) -> str | None:
        for control in self.controls:
            if control.name == name and control.kind not in ("checkbox", "radio", "submit"):
                return control.value
        return None

    def set(self, name: str, value: str) -> bool:
        for control in self.controls:
            if control.name == name and control.kind not in ("checkbox", "radio", "submit"):
                control.value = value
                return True
        return False

    def has(self, name: str) -> bool:
        return any(control.name == name for control in self.controls)

    def boxes(self, name: str) -> list[Control]:
        return [c for c in self.controls if c.name == name and c.kind == "checkbox"]

    def ticked(self, name: str) -> set[str]:
        return {c.value for c in self.boxes(name) if c.checked}

    def tick(self, name: str, value: str, on: bool = True) -> bool:
        for control in self.boxes(name):
            if control.value == value:
                control.checked = on
                return True
        return False

    def buttons(self) -> list[Control]:
        return [c for c in self.controls if c.kind == "submit"]

    def data(self, button: Control | None = None) -> list[tuple[str, str]]:
        """What the browser sends: every successful control, and the button pressed."""
        sent = []
        for c in self.controls:
            if not c.name or c.kind in ("submit", "button", "reset"):
                continue
            if c.kind in ("checkbox", "radio") and not c.checked:
                continue
            sent.append((c.name, c.value))
        if button is not None and button.name:
            sent.append((button.name, button.value))
        return sent

    def typed(self) -> dict:
        """What a person can change: text fields and which boxes are ticked."""
        state: dict = {}
        for c in self.controls:
            if c.kind in ("text", "textarea", "email", "search", "tel"):
                state[c.name] = c.value
            elif c.kind == "checkbox":
                state.setdefault(("box", c.name), set())
                if c.checked:
                    state[("box", c.name)].add(c.value)
        return state

    def restore(self, typed: dict) -> None:
        for c in self.controls:
            if c.kind in ("text", "textarea", "email", "search", "tel") and c.name in typed:
                c.value = typed[c.name]
            elif c.kind == "checkbox" and ("box", c.name) in typed:
                c.checked = c.value in typed[("box", c.name)]


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.links: list[tuple[str, str, str]] = []  # href, text, class
        self._form: Form | None = None
        self._textarea: Control | None = None
        self._button: Control | None = None
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("action", ""), a.get("method", "get").lower(), [],
                              a.get("class", ""), a.get("id", ""))
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None:
            kind = a.get("type", "text").lower()
            value = a.get("value", "on" if kind in ("checkbox", "radio") else "")
            self._form.controls.append(Control(a.get("name", ""), kind, value,
                                               "checked" in a, a.get("value", "")))
        elif tag == "textarea" and self._form is not None:
            self._textarea = Control(a.get("name", ""), "textarea", "")
            self._form.controls.append(self._textarea)
        elif tag == "button" and self._form is not None:
            kind = a.get("type", "submit").lower()
            self._button = Control(a.get("name", ""), kind, a.get("value", ""))
            self._form.controls.append(self._button)
        elif tag == "a":
            self._link = [a.get("href", ""), "", a.get("class", "")]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            # As a browser reads it: newlines normalised, the first one dropped.
            value = self._textarea.value.replace("\r\n", "\n").replace("\r", "\n")
            self._textarea.value = value.removeprefix("\n")
            self._textarea = None
        elif tag == "button":
            self._button = None
        elif tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split()), self._link[2]))
            self._link = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data
        if self._button is not None:
            self._button.label += data
        if self._link is not None:
            self._link[1] += data


def visible_text(html: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


@dataclass
class Page:
    """A page the browser shows: how it was fetched, its answer and its forms."""

    method: str
    url: str
    data: list[tuple[str, str]]
    status: int
    html: str
    forms: list[Form] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)
    #: What the writer expects of the letter this page shows (a preview, after it).
    letter: Any = None
    #: The page's typed values as served (before the writer typed into it).
    served: dict = field(default_factory=dict)

    @classmethod
    def parse(cls, method, url, data, status, html) -> Page:
        parser = _PageParser()
        parser.feed(html)
        page = cls(method, url, data, status, html, parser.forms, parser.links)
        form = page.letter_form
        page.served = form.typed() if form else {}
        return page

    @property
    def text(self) -> str:
        return visible_text(self.html)

    @property
    def h1(self) -> str:
        match = re.search(r"<h1[^>]*>(.*?)</h1>", self.html, re.S)
        return visible_text(match.group(1)) if match else ""

    def form_with(self, name: str) -> Form | None:
        return next((f for f in self.forms if f.has(name)), None)

    @property
    def letter_form(self) -> Form | None:
        return next((f for f in self.forms if f.has("full_name")), None)

    @property
    def postcode_form(self) -> Form | None:
        return next((f for f in self.forms if f.has("postcode") and not f.has("full_name")),
                    None)

    def forms_with_button(self, value: str) -> list[Form]:
        return [f for f in self.forms if any(b.value == value for b in f.buttons())]

    @property
    def kind(self) -> str:
        if self.letter_form:
            return "form"
        if self.forms_with_button("pdf") and self.forms_with_button("docx"):
            return "preview" if 'class="letter"' in self.html else "done"
        if self.postcode_form:
            return "campaign"
        if any(f.has("letter") for f in self.forms):
            return "letter-back"
        return "other"

    @property
    def language(self) -> str:
        match = re.search(r'<html lang="([a-z]+)', self.html)
        return "cy" if match and match.group(1) == "cy" else "en"

    @property
    def reference(self) -> str:
        match = re.search(r'class="reference-code">([^<]+)<', self.html)
        return match.group(1) if match else ""

    @property
    def mp_card(self) -> str:
        match = re.search(r'<h2 id="mp-heading">(.*?)</h2>', self.html, re.S)
        return visible_text(match.group(1)) if match else ""

    def letters_html(self) -> list[str]:
        return re.findall(r'<article class="letter".*?</article>', self.html, re.S)

    def told_text(self) -> str:
        """The page's words outside the letters themselves (what the writer is told)."""
        return visible_text(re.sub(r'<article class="letter".*?</article>', " ", self.html,
                                   flags=re.S))


@dataclass
class Download:
    status: int
    content_type: str
    body: bytes
    location: str = ""


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class NoScriptBrowser:
    """The test client as a browser with JavaScript off (see the module's docstring)."""

    def __init__(self, client):
        self.client = client
        self.history: list[Page] = []
        self.index = -1
        self.resubmissions: list[str] = []  # what was posted again by Back/Forward/reload

    @property
    def page(self) -> Page | None:
        return self.history[self.index] if self.history else None

    def fetch(self, method: str, url: str, data=None):
        """Load `url` as a browser does, following redirects: a Page, or a Download
        (a file, or a hand-over to another scheme such as mailto:)."""
        for _ in range(10):
            try:
                response = self.client.open(_path(url), method=method,
                                            data=MultiDict(data) if method == "POST" else None)
            except Exception as error:  # noqa: BLE001  (TESTING lets the app's errors out)
                return Page.parse(method, _path(url), list(data or []), 500,
                                  f"<h1>{type(error).__name__}: {error}</h1>")
            status = response.status_code
            if status in (301, 302, 303, 307, 308):
                location = response.headers["Location"]
                if not location.startswith(("/", "http://", "https://")):
                    return Download(status, "", b"", location)
                if status in (301, 302, 303):
                    method, data = "GET", None
                url = location
                continue
            content_type = response.headers.get("Content-Type", "")
            if "text/html" not in content_type or "attachment" in response.headers.get(
                    "Content-Disposition", ""):
                return Download(status, content_type, response.get_data())
            return Page.parse(method, _path(url), list(data or []), status,
                              response.get_data(as_text=True))
        raise AssertionError(f"redirect loop at {url}")

    def _leave(self) -> None:
        """The browser remembers what was typed into the page it leaves."""
        page = self.page
        if page is not None and page.letter_form is not None:
            page.typed_when_left = page.letter_form.typed()  # type: ignore[attr-defined]

    def go(self, method: str, url: str, data=None):
        answer = self.fetch(method, url, data)
        if isinstance(answer, Page):
            self._leave()
            del self.history[self.index + 1:]
            self.history.append(answer)
            self.index += 1
        return answer

    def submit(self, form: Form, button: Control | None = None):
        action = form.action or self.page.url
        if form.method == "post":
            return self.go("POST", action, form.data(button))
        query = urlencode(form.data(button))
        return self.go("GET", action.split("?")[0] + "?" + query)

    def follow(self, href: str):
        return self.go("GET", href)

    def _again(self, entry: Page, restore: bool) -> Page:
        """Fetch history entry `entry` again (a POST is posted again, as after the
        browser's "Confirm Form Resubmission"); put back what was typed into it."""
        if entry.method == "POST":
            self.resubmissions.append(entry.url)
        answer = self.fetch(entry.method, entry.url, entry.data)
        if not isinstance(answer, Page):
            return entry
        answer.letter = entry.letter
        typed = getattr(entry, "typed_when_left", None)
        if restore and typed and answer.letter_form is not None:
            answer.letter_form.restore(typed)
        return answer

    def back(self) -> Page | None:
        if self.index <= 0:
            return None
        self._leave()
        self.index -= 1
        self.history[self.index] = self._again(self.history[self.index], restore=True)
        return self.page

    def forward(self) -> Page | None:
        if self.index >= len(self.history) - 1:
            return None
        self._leave()
        self.index += 1
        self.history[self.index] = self._again(self.history[self.index], restore=True)
        return self.page

    def reload(self) -> Page:
        self.history[self.index] = self._again(self.page, restore=False)
        return self.page

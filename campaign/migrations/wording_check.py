"""m009_plain_wording's check of wording and its reading of phrasings, frozen.

A copy of letters.wording's `check_wording` (its sentences go into a campaign's
`wording_review`), `split_phrasings` and `resolve_choices`, with the placeholders and
limits they use, as they were when migrations were frozen. letters.wording may learn
new placeholders or new checks; what m009 and m011 did to an old database may not
change with it.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping

#: The placeholders staff may use, with what each means (shown in the staff UI).
PLACEHOLDERS: dict[str, str] = {
    "mp_name": "The MP's name, e.g. Diane Abbott",
    "mp_full_title": "The MP's full title, e.g. Rt Hon Diane Abbott MP",
    "mp_address_as": "How the MP is addressed, e.g. Ms Abbott",
    "constituency": "The constituency, e.g. Hackney North and Stoke Newington",
    "writer_name": "The writer's name",
    "date": "Today's date, e.g. 21 November 2026",
}

#: One phrasing of a paragraph: a long paragraph of a letter, with room to spare.
MAX_PHRASING_LENGTH = 1200
#: Phrasings of one paragraph: enough for variety, few enough to review.
MAX_PHRASINGS = 8
#: A whole field (all its phrasings and the blank lines between them).
MAX_WORDING_LENGTH = MAX_PHRASINGS * (MAX_PHRASING_LENGTH + 2)

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
# Anything that looks like a tag: what staff meant as a placeholder, right or wrong.
_TAG = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\{#[^{}]*#\}")
_PHRASING_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CHOICE = re.compile(r"\[\[([^\[\]]*)\]\]")


class WordingError(ValueError):
    """Wording that cannot be saved; the message is a sentence for the staff member, and
    `problems` every such sentence for the text (the message is the first)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or [message]


def split_phrasings(text: str) -> tuple[str, ...]:
    """The phrasings in a field: its paragraphs, separated by blank lines."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    return tuple(part.strip() for part in _PHRASING_BREAK.split(text) if part.strip())


def check_wording(text: str, *, several: bool = True,
                  placeholders: Mapping[str, str] = PLACEHOLDERS) -> None:
    """Raise WordingError if `text` is not plain text with known placeholders.

    `several` allows blank-line separated phrasings (each checked for length);
    without it the field is one line of text, such as a subject. `placeholders` are
    the ones this text may use (the letter's by default). The error's `problems` lists
    every mistake found, so staff can mend them all in one go; its message is the first.
    """
    problems = wording_problems(text, several=several, placeholders=placeholders)
    if problems:
        raise WordingError(problems[0], problems)


def wording_problems(text: str, *, several: bool = True,
                     placeholders: Mapping[str, str] = PLACEHOLDERS) -> list[str]:
    """Every mistake in `text` that stops it being saved, each a sentence quoting it:
    the first of each kind (a broken character, a wrong tag, an unpartnered bracket, a
    choice, the phrasings' number and lengths), in that order. Empty when it can be saved."""
    text = text or ""
    if len(text) > MAX_WORDING_LENGTH:
        # Too long to be worth reading further: this is the only thing to mend first.
        return [f"This is {len(text):,} characters long; keep it under "
                f"{MAX_WORDING_LENGTH:,}."]
    problems = _character_problems(text)
    for match in _TAG.finditer(text):
        problem = _tag_problem(match.group(0), placeholders)
        if problem and problem not in problems:
            problems.append(problem)
    problems += _bracket_problems(text, placeholders)
    problems += _choice_problems(text)
    problems += _phrasing_problems(text, several=several)
    return problems


def _character_problems(text: str) -> list[str]:
    """The first broken or invisible control character in `text`, as a sentence."""
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category == "Cs":
            return [f"There is a broken character (a lone surrogate, "
                    f"U+{ord(char):04X}) after “{_before(text, index)}”. "
                    "Retype that part."]
        if category == "Cc" and char not in "\n\r\t":
            return [f"There is an invisible control character (U+{ord(char):04X})"
                    f" after “{_before(text, index)}”. Retype that part."]
    return []


def _bracket_problems(text: str, placeholders: Mapping[str, str]) -> list[str]:
    """The first curly bracket in `text` outside a placeholder, as a sentence."""
    # Tags and choices are blanked out, not removed, so a position found in what is left
    # is a position in the text as typed: the message quotes what staff wrote.
    leftover = _TAG.sub(_blank, text)
    for brace in ("{{", "}}", "{%", "%}", "{", "}"):
        at = leftover.find(brace)
        if at >= 0:
            return [f"“{_around(text, at)}” has a “{brace}” with no partner. "
                    f"Placeholders look like {_example(placeholders)}; curly "
                    "brackets cannot be used otherwise."]
    return []


def _choice_problems(text: str) -> list[str]:
    """What is wrong with the [[choices]] in `text` (the first of each kind)."""
    problems = []
    for match in _CHOICE.finditer(text):
        options = [option.strip() for option in match.group(1).split("|")]
        if len(options) < 2 or not all(options):
            problems.append(f"“{_short(match.group(0))}” is a choice but needs two or more "
                            "options separated by |, e.g. [[I hope|I would like]].")
            break
    # A choice still whole once the innermost ones are taken out had one inside it.
    if (first := _CHOICE.search(text)) and _CHOICE.search(_CHOICE.sub("x", text)):
        problems.append(f"“{_short(first.group(0))}” is a choice inside "
                        "another choice. Write each option out in full instead, e.g. "
                        "[[I really hope|I truly hope|I wish]].")
    unchosen = _CHOICE.sub(_blank, text)
    for bracket in ("[[", "]]"):
        at = unchosen.find(bracket)
        if at >= 0:
            problems.append(f"“{_around(text, at)}” has a “{bracket}” with no partner. "
                            "Choices look like [[I hope|I would like]].")
            break
    return problems


def _phrasing_problems(text: str, *, several: bool) -> list[str]:
    """The phrasings' number and lengths (`several`: blank-line separated phrasings
    allowed; without it, one line)."""
    problems = []
    phrasings = split_phrasings(text) if several else [text.strip()]
    if not several and "\n" in text.strip():
        problems.append("Keep this to one line.")
    if len(phrasings) > MAX_PHRASINGS:
        problems.append(f"This has {len(phrasings)} phrasings (paragraphs separated by a "
                        f"blank line); keep it to {MAX_PHRASINGS}.")
    for number, phrasing in enumerate(phrasings, start=1):
        if len(phrasing) > MAX_PHRASING_LENGTH:
            which = f"Phrasing {number}" if len(phrasings) > 1 else "This"
            problems.append(f"{which} is {len(phrasing):,} characters long; keep each "
                            f"phrasing under {MAX_PHRASING_LENGTH:,} characters.")
    return problems


def resolve_choices(text: str, pick) -> str:
    """`text` with each [[a|b|c]] replaced by the option `pick(index, count)` names,
    index counting the choices from 0. One linear pass."""
    parts = _choice_parts(text)
    if len(parts) == 1:
        return parts[0]
    chosen = []
    for number, part in enumerate(parts):
        if number % 2:  # a choice: its options
            chosen.append(part[pick(number // 2, len(part)) % len(part)])
        else:  # the text between choices
            chosen.append(part)
    return "".join(chosen)


def _choice_parts(text: str) -> tuple:
    """`text` split at its choices: text, options, text, options, ..., text."""
    pieces = _CHOICE.split(text)
    return tuple(piece if number % 2 == 0 else
                 tuple(option.strip() for option in piece.split("|"))
                 for number, piece in enumerate(pieces))


def _tag_problem(tag: str, placeholders: Mapping[str, str]) -> str | None:
    """What is wrong with one {{ ... }}, {% ... %} or {# ... #}, or None for a known placeholder."""
    if tag.startswith("{{"):
        match = _PLACEHOLDER.fullmatch(tag)
        if match and match.group(1) in placeholders:
            return None
        inner = tag[2:-2].strip()
        guess = difflib.get_close_matches(inner, list(placeholders), n=1, cutoff=0.6)
        if guess:
            return f"“{_short(tag)}” is not a placeholder: did you mean “{{{{ {guess[0]} }}}}”?"
    if len(placeholders) == 1:
        return (f"“{_short(tag)}” is not a placeholder. This text can only use "
                f"{_example(placeholders)}.")
    return (f"“{_short(tag)}” is not a placeholder. Wording can only use "
            f"these: {', '.join('{{ %s }}' % name for name in placeholders)}.")


def _example(placeholders: Mapping[str, str]) -> str:
    # The letter's wording shows {{ constituency }}, the best-known; other texts their own.
    name = "constituency" if "constituency" in placeholders else next(iter(placeholders))
    return "{{ %s }}" % name


def _blank(match: re.Match) -> str:
    return "\0" * len(match.group(0))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _before(text: str, index: int) -> str:
    return _short(text[max(0, index - 30):index]) or "the start"


def _around(text: str, index: int) -> str:
    # About 25 characters either side, widened to whole words.
    start, end = max(0, index - 25), min(len(text), index + 25)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return _short(text[start:end])

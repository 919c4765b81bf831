"""Issue 22: the letter's steps keep what the writer typed (expiry, Back, reload, refusals)."""
from __future__ import annotations

import pytest

from campaign.public.journey import age_in_words
from tests.campaign.helpers import SLUG, hidden, page_text, textareas

NOTE = "My own words, kept."


@pytest.mark.parametrize(("seconds", "words"), [
    (7200, "two hours"), (3600, "an hour"), (5400, "90 minutes"), (600, "ten minutes"),
    (86400, "a day"), (45, "45 seconds"), (60, "a minute")])
def test_ages_in_words(seconds, words):
    assert age_in_words(seconds) == words


def test_an_expired_preview_says_its_age_and_gives_the_letter_back(app, journey, client, clock):
    app.config["LETTER_FORM_MAX_AGE"] = 5400
    journey.find_mp("E8 1DY")
    journey.write(note=NOTE, contact="me@example.org")
    old = hidden(journey.page, "letter")
    clock.move(seconds=5401)
    csrf = hidden(journey.page, "csrf_token")
    for url, data in ((f"/c/{SLUG}/download", {"format": "pdf"}), (f"/c/{SLUG}/email", {})):
        response = client.post(url, data={"letter": old, "csrf_token": csrf, **data})
        assert response.status_code == 410
        text = page_text(response.get_data(as_text=True))
        assert "made more than 90 minutes ago" in text and "two hours" not in text
        assert "Your letter is not lost" in text and "Please start again" not in text
    back = client.post(f"/c/{SLUG}/edit", data={
        "letter": hidden(response.get_data(as_text=True), "letter"), "csrf_token": csrf},
        follow_redirects=True)
    assert back.status_code == 200
    html = back.get_data(as_text=True)
    assert textareas(html)["personal_note"].strip() == NOTE
    assert 'value="me@example.org"' in html
    assert "more than 90 minutes ago" in page_text(html)
    # Previewed again, it is a fresh letter that downloads.
    journey.page = html
    assert journey.write(note=NOTE).status_code == 200
    assert journey.download("pdf").status_code == 200


def test_an_edit_to_an_unticked_ask_is_said_not_dropped(journey):
    journey.find_mp("E8 1DY")
    first, second = journey.ask_ids()[:2]
    edited = "My own paragraph on this ask, with every character kept: ŵ, é, “quotes”."
    response = journey.write(asks=[first], **{f"para-ask-{second}": edited})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "but did not tick it" in page_text(html)
    assert textareas(html)[f"para-ask-{second}"] == edited
    # Its "Read or change" is open, so the writer sees it at once.
    before = html.split(f'id="para-ask-{second}"')[0]
    assert before.rsplit("<details", 1)[1].split(">")[0].endswith(" open")
    # Undoing it with the reset box lets the letter through.
    assert journey.write(asks=[first], **{f"para-ask-{second}": edited,
                                          f"reset-ask-{second}": "1"}).status_code == 200


def test_each_paragraph_summary_names_its_ask_and_an_edited_one_stays_open(journey):
    journey.find_mp("E8 1DY")
    html = journey.page
    titles = [page_text(t) for t in
              html.split('<span class="visually-hidden">: ')[1:]]
    assert len(titles) == len(journey.ask_ids())
    assert len(set(titles)) == len(titles)
    first = journey.ask_ids()[0]
    # A validation error elsewhere (no name) keeps the changed paragraph open.
    response = journey.write(asks=[first], full_name="",
                             **{f"para-ask-{first}": "Changed by me."})
    assert response.status_code == 422
    before = response.get_data(as_text=True).split(f'id="para-ask-{first}"')[0]
    assert before.rsplit("<details", 1)[1].split(">")[0].endswith(" open")


def test_a_letter_too_long_to_print_is_refused_at_the_preview(journey):
    """Every paragraph edited to 12 long lines and a note of 19: within each cap, over
    six pages (the writer's own page with the reference is not counted)."""
    journey.find_mp("E8 1DY")
    ids = journey.ask_ids()
    line = ("A long line the writer typed to make their point at length, and then some more "
            "words and more words")[:98]
    assert len(line) == 98
    paragraph = "\n".join([line] * 12)
    edits = {f"para-{key}": paragraph for key in ("opening", "closing",
                                                   *(f"ask-{i}" for i in ids))}
    note = "\n".join(["Yes."] * 19)
    response = journey.write(asks=ids, note=note, **edits)
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "would run to" in text and "longest paragraph you changed" in text


def test_a_get_of_a_post_only_step_goes_where_the_writer_can_carry_on(client):
    answer = client.get(f"/c/{SLUG}/letter?postcode=E8+1DY&seed=42")
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith(f"/c/{SLUG}/write?postcode=E8+1DY&seed=42")
    for step in ("mp", "letter", "download", "email", "edit"):
        answer = client.get(f"/c/{SLUG}/{step}")
        assert answer.status_code == 302 and answer.headers["Location"].endswith(f"/c/{SLUG}/")


def test_the_letter_form_is_a_private_get_with_a_stable_seed(client):
    first = client.get(f"/c/{SLUG}/write?postcode=e81dy&seed=42")
    assert first.status_code == 200 and first.headers["Cache-Control"] == "no-store"
    again = client.get(f"/c/{SLUG}/write?postcode=e81dy&seed=42")
    assert textareas(first.get_data(as_text=True)) == textareas(again.get_data(as_text=True))
    bad = client.get(f"/c/{SLUG}/write?postcode=hello")
    assert bad.status_code == 422 and "Find my MP" in page_text(bad.get_data(as_text=True))


def test_the_privacy_page_says_the_configured_age_and_the_tab_storage(app, client):
    app.config["LETTER_FORM_MAX_AGE"] = 3600
    text = page_text(client.get("/privacy").get_data(as_text=True))
    assert "after an hour that page can no longer download your letter" in text
    assert "session storage" in text and "two hours" not in text

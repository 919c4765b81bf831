"""The citizen's journey end to end: postcode -> MP -> letter -> PDF and DOCX."""
from __future__ import annotations

from datetime import date, datetime, timezone

from campaign.campaigns.launch import launch_campaign_data
from letters import uk_date
from tests.campaign.helpers import WRITER, page_text
from tests.letters.helpers import docx_paragraphs, pdf_text

# 00:30 BST on 2 June: still 1 June in UTC, but the UK's calendar dates the letter.
JUST_AFTER_MIDNIGHT = datetime(2026, 6, 1, 23, 30, tzinfo=timezone.utc)
TODAY = uk_date(date(2026, 6, 2))


def test_home_page_shows_the_launch_campaign_with_its_asks(client):
    response = client.get("/")
    text = page_text(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "Break the networks that traffic people" in text
    assert "Joint task forces with European partners" in text
    assert 'name="postcode"' in response.get_data(as_text=True)


def test_postcode_in_the_query_prefills_the_form(journey):
    journey.open("?postcode=e8 1dy")
    assert 'value="e8 1dy"' in journey.page


def test_postcode_finds_the_mp_and_shows_the_letter_form(journey):
    response = journey.find_mp(" e81dy ")
    text = page_text(journey.page)
    assert response.status_code == 200
    assert "Your MP is Ms Diane Abbott" in text
    assert "Independent MP for Hackney North and Stoke Newington" in text
    for name in ("full_name", "address_line1", "address_line2", "town", "postcode",
                 "personal_note"):
        assert f'name="{name}"' in journey.page
    assert 'value="E8 1DY"' in journey.page  # the postcode, normalised, carried over
    assert len(journey.ask_ids()) == 8


def test_preview_shows_the_letter_as_it_will_be_printed(journey):
    journey.find_mp("E8 1DY")
    asks = journey.ask_ids()
    response = journey.write(asks=[asks[0], asks[3]], note="I live near a cannabis farm.")
    text = page_text(journey.page)
    assert response.status_code == 200
    assert "Rt Hon Diane Abbott MP House of Commons LONDON SW1A 0AA" in text
    assert "Dear Ms Abbott" in text
    assert "Hackney North and Stoke Newington" in journey.suggested["opening"]
    for key in ("opening", f"ask-{asks[0]}", f"ask-{asks[3]}", "closing"):
        assert " ".join(journey.suggested[key].split()) in text, key
    assert journey.suggested[f"ask-{asks[1]}"] not in text  # ask 2 was not ticked
    assert "I live near a cannabis farm." in text
    assert 'name="format" value="pdf"' in journey.page
    assert 'name="format" value="docx"' in journey.page


def _letter_order(text: str, suggested: dict[str, str]) -> list[int]:
    """Where each part of the letter starts in `text`, each looked for after the one
    before (-1: not there in that order). The paragraphs drawn for this letter are found
    by their first words, which no line break splits; those words can recur earlier (an
    opening may say "I would be grateful" as the closing does), hence the order."""
    ask = next(key for key in suggested if key.startswith("ask-"))
    markers = [WRITER["full_name"], TODAY, "Rt Hon Diane Abbott MP", "House of Commons",
               "LONDON\nSW1A 0AA", "Dear Ms Abbott", suggested["opening"][:18],
               suggested[ask][:18], "I live near a cannabis farm.",
               suggested["closing"][:18], "Yours sincerely"]
    positions, start = [], 0
    for marker in markers:
        at = text.find(marker, start)
        positions.append(at)
        start = at + len(marker) if at >= 0 else start
    return positions


def test_pdf_download_is_the_letter(journey, clock):
    clock.set(JUST_AFTER_MIDNIGHT)
    journey.find_mp("E8 1DY")
    journey.write(asks=[journey.ask_ids()[0]], note="I live near a cannabis farm.")
    response = journey.download("pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert "attachment" in disposition
    assert "letter-to-diane-abbott-2026-06-02.pdf" in disposition
    text = pdf_text(response.data)
    positions = _letter_order(text, journey.suggested)
    assert -1 not in positions, positions
    assert positions == sorted(positions)
    assert "12 Glyndŵr Road" in text and "E8 1DY" in text
    # The letter ends with the signature; the writer's own page follows it.
    letter_part, note = text.split("Your copy: keep this page, it is not for your MP")
    assert letter_part.rstrip().endswith(f"Yours sincerely\n{WRITER['full_name']}")
    assert "Your reference:" in note


def test_docx_download_is_the_same_letter(journey, clock):
    clock.set(JUST_AFTER_MIDNIGHT)
    journey.find_mp("E8 1DY")
    journey.write(asks=[journey.ask_ids()[0]], note="I live near a cannabis farm.")
    response = journey.download("docx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith(".docx")
    paragraphs = [p for p in docx_paragraphs(response.data) if p.strip()]
    text = "\n".join(paragraphs)
    positions = _letter_order(text, journey.suggested)
    assert -1 not in positions, positions
    assert positions == sorted(positions)
    assert paragraphs[paragraphs.index("House of Commons") + 1:][:2] == ["LONDON", "SW1A 0AA"]
    assert paragraphs[-1] == WRITER["full_name"]


def test_speaker_gets_a_letter_addressed_to_the_office(journey):
    journey.find_mp("PR7 1DP")
    assert "Speaker of the House of Commons" in page_text(journey.page)
    journey.write()
    text = pdf_text(journey.download("pdf").data)
    assert "Rt Hon Sir Lindsay Hoyle MP" in text
    assert "Speaker of the House of Commons" in text
    assert "Dear Mr Speaker" in text
    # The Speaker's role closes the letter: the campaign's closing, which asks the MP
    # to raise the matter in the House, would contradict it.
    closing = " ".join(text[text.index("pass my concerns"):].split())
    assert closing.startswith("pass my concerns to the relevant Minister on my behalf, and "
                              "let me know how they reply. Yours sincerely")
    campaign_closings = launch_campaign_data()["closing"]
    for words in ("a reply", "Thank you for", "I look forward", "where you stand"):
        assert words in campaign_closings and words not in text


def test_abstentionist_mp_is_written_to_with_a_fitting_request(journey):
    journey.find_mp("BT78 1AA")
    text = page_text(journey.page)
    assert "Órfhlaith Begley" in text
    assert "does not take her seat" in text  # the Members API says F (issue 29)
    journey.write()
    paragraphs = docx_paragraphs(journey.download("docx").data)
    assert "Dear Ms Begley" in paragraphs
    closing = next(p for p in paragraphs if "raise my concerns directly" in p)
    assert paragraphs[paragraphs.index(closing) + 1] == "Yours sincerely"
    for words in ("a reply", "Thank you for", "I look forward", "where you stand"):
        assert not any(words in p for p in paragraphs)


def test_constituency_names_spelt_differently_still_match(journey):
    # postcodes.io says "Ynys Mon", the Members API "Ynys Môn".
    journey.find_mp("LL77 7TW")
    assert "Your MP is Llinos Medi" in page_text(journey.page)
    # postcodes.io says "Wrekin, The", the Members API "The Wrekin".
    journey.find_mp("TF1 6TE")
    assert "Your MP is Mark Pritchard" in page_text(journey.page)


def test_changing_the_postcode_on_the_letter_changes_the_mp(journey):
    journey.find_mp("E8 1DY")
    response = journey.write(postcode="br8 7re")
    # Another MP: the form comes back with them, saying what changed (issue 29), before
    # any letter is previewed.
    text = " ".join(page_text(journey.page).split())
    assert response.status_code == 200 and "Dear Ms" not in text
    assert "Your MP is Laura Trott" in text
    assert ("You changed the postcode to BR8 7RE, in Sevenoaks: your letter now goes to "
            "Laura Trott, not Diane Abbott") in text
    journey.write(postcode="br8 7re")
    assert "Dear Ms Trott" in page_text(journey.page)


def test_the_same_postcode_says_nothing_about_a_change(journey):
    journey.find_mp("E8 1DY")
    journey.write(postcode="e8 1dy")
    assert "Dear Ms Abbott" in page_text(journey.page)
    assert "You changed the postcode" not in page_text(journey.page)


def test_change_something_returns_to_a_filled_in_form(journey, client):
    journey.find_mp("E8 1DY")
    journey.write(asks=[journey.ask_ids()[2]], note="My own words")
    from tests.campaign.helpers import hidden
    response = client.post("/c/stop-trafficking-networks/edit", data={
        "letter": hidden(journey.page, "letter"), "csrf_token": hidden(journey.page, "csrf_token")},
        follow_redirects=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'value="{WRITER["address_line1"]}"' in html
    assert "My own words</textarea>" in html
    assert html.count("checked") == 1


def test_envelope_carries_both_addresses_and_is_not_counted_as_a_letter(app, journey):
    journey.find_mp("E8 1DY")
    journey.write()
    response = journey.download("envelope")
    assert response.status_code == 200
    assert "envelope-for-diane-abbott-" in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    assert "Rt Hon Diane Abbott MP" in text and "LONDON\nSW1A 0AA" in text
    assert "12 Glyndŵr Road" in text  # the return address
    from campaign.db import get_db
    with app.app_context():
        assert get_db()["letters"].count == 0


def test_the_speaker_is_introduced_by_office_not_as_a_party(journey):
    journey.find_mp("PR7 1DP")
    text = page_text(journey.page)
    assert "Speaker of the House of Commons and MP for Chorley" in text
    assert "Speaker MP for" not in text


def test_the_download_is_the_letter_the_preview_showed_without_a_second_lookup(app, journey,
                                                                              clock):
    """The signed preview carries its day and MP: a download after midnight keeps the
    date the writer read, and needs neither postcodes.io nor the Members API."""
    clock.set_today(date(2026, 3, 31), hour=23)
    journey.find_mp("E8 1DY")
    journey.write(asks=[journey.ask_ids()[0]])

    class NoLookups:
        def find(self, *_args, **_kwargs):
            raise AssertionError("the download looked the MP up again")

    app.extensions["mp_finder"] = NoLookups()
    clock.move(hours=2)
    response = journey.download("pdf")
    assert response.status_code == 200
    text = pdf_text(response.data)
    assert "31 March 2026" in text and "1 April 2026" not in text
    assert "Diane Abbott" in text
    assert "letter-to-diane-abbott-2026-03-31.pdf" in response.headers["Content-Disposition"]

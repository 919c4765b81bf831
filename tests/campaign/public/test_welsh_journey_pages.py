"""Every page from the letter form onwards in Welsh under /cy/ (issue 25): the preview,
the page after the download, the email copy, the explanation pages (vacancy,
dissolution, Crown dependencies), the pages that give a letter back or start again,
a closed campaign, the MP card, who decides an ask, and the sentences letters/ makes
in English. Each Welsh page shows Welsh and none of the English it replaces; the
English page is as it was."""
from __future__ import annotations

import re
from datetime import date

import pytest

from campaign.campaigns import enabled_asks
from campaign.db import get_db
from campaign.public import journey as journey_steps
from campaign.public.writer_sentences import no_target_asks, nothing_for_mp, too_long, who_decides
from campaign.staff.preview import SAMPLE_MP
from letters import NothingForMP, Sender, Wording, compose_letter
from letters.limits import MAX_PAGES, LetterTooLong, check_body
from letters.model import DEFAULT_DEVOLVED_BODY, Ask, MPLetter, NationRule
from letters.nations import Nation
from letters.targets import NoTargetAsks
from tests.campaign.helpers import SLUG, Journey, hidden, page_text, welsh_journey
from tests.letters.helpers import pdf_text

SCOTLAND, NORTHERN_IRELAND, WALES = "FK1 1AA", "BT7 1NN", "LL77 7TW"
MINISTER, SHADOW, SPEAKER, VACANCY = "B25 8NB", "BR8 7RE", "PR7 1DP", "WA7 1AA"
LONG_NOTE = "I have seen this on my own street. " * 34  # too long for a mailto: link

PREVIEW_ENGLISH = (
    "Your letter is ready", "Download PDF to print", "Download Word document to edit",
    "Not right yet? This takes you back to the form with everything you wrote.",
    "Change something", "No printer? Send it by email", "Email it from your own email",
    "Nothing is sent through this site.", "Downloaded it? What to do next", "Posting it",
    "Sign it, fold it in three, and send it to:", "Download the envelope to print",
    "Check it, then download it to print, sign and post.",
    "Print the front first, then turn the envelope over for your return address on the flap.")
PREVIEW_WELSH = (
    "Mae eich llythyr yn barod", "Lawrlwytho PDF i’w argraffu",
    "Lawrlwytho dogfen Word i’w golygu", "Ddim yn iawn eto?", "Newid rhywbeth",
    "Dim argraffydd? Anfonwch ef drwy e-bost", "Ei anfon o’ch e-bost eich hun",
    "Wedi’i lawrlwytho? Beth i’w wneud nesaf", "Postio’r llythyr",
    "Llofnodwch ef, plygwch ef yn dri, a’i anfon at:", "Lawrlwytho’r amlen i’w hargraffu",
    "Gwiriwch ef, yna lawrlwythwch ef i’w argraffu",
    "trowch yr amlen drosodd i argraffu eich cyfeiriad dychwelyd ar y fflap")
DONE_ENGLISH = (
    "Print, sign and post your letter", "Thank you for writing to Diane Abbott.",
    "Your PDF is in your downloads.", "Lost it? Download it again:", "Print it",
    "Sign it in ink, above your printed name.", "No printer? A library, a copy shop",
    "Post it", "Fold it in three and send it, with a stamp like any other letter, to:",
    "Want to change your letter?")
DONE_WELSH = (
    "Argraffu, llofnodi a phostio eich llythyr", "Diolch am ysgrifennu at Diane Abbott.",
    "Mae eich PDF yn eich ffolder lawrlwythiadau.", "Wedi colli’r llythyr? Lawrlwythwch ef eto:",
    "Argraffu’r llythyr", "Llofnodwch ef mewn inc", "Dim argraffydd? Gall llyfrgell",
    "Postio’r llythyr", "Plygwch ef yn dri a’i anfon", "Am newid eich llythyr?")


def _assert_welsh(text: str, welsh, english) -> None:
    missing = [sentence for sentence in welsh if sentence not in text]
    shown = [sentence for sentence in english if sentence in text]
    assert not missing, f"Welsh missing: {missing}"
    assert not shown, f"English on a Welsh page: {shown}"


def _preview(client, welsh: bool, postcode: str = "E8 1DY", **fields) -> Journey:
    journey = welsh_journey(client) if welsh else Journey(client)
    journey.open()
    assert journey.find_mp(postcode).status_code == 200
    response = journey.write(**fields)
    assert response.status_code == 200, page_text(journey.page)[:600]
    return journey


def _done(journey: Journey, fmt: str = "pdf") -> str:
    response = journey.client.post(f"/c/{SLUG}/done", data={
        "letter": hidden(journey.page, "letter"), "format": fmt,
        "csrf_token": hidden(journey.page, "csrf_token")}, follow_redirects=True)
    assert response.status_code == 200
    return page_text(response.get_data(as_text=True))


# The preview and the page after the download.

def test_the_preview_in_welsh(client):
    journey = _preview(client, welsh=True)
    text = page_text(journey.page)
    _assert_welsh(text, PREVIEW_WELSH, PREVIEW_ENGLISH)
    assert "<title>Eich llythyr at Diane Abbott" in journey.page
    assert 'aria-label="Eich llythyr"' in journey.page
    # Every form on it keeps the writer in Welsh.
    actions = re.findall(r'<form method="post" action="([^"]+)"', journey.page)
    assert actions and all(action.startswith("/cy/c/") for action in actions)


def test_the_preview_in_english_is_unchanged(client):
    text = page_text(_preview(client, welsh=False).page)
    _assert_welsh(text, PREVIEW_ENGLISH, PREVIEW_WELSH)
    assert ("Check it, then download it to print, sign and post. A letter on paper, signed by "
            "a constituent, is the kind MPs' offices take most seriously. It needs a stamp like "
            "any other letter. Choose Word only if you want to change the letter in your own "
            "words first.") in text
    assert ("This opens your own email app with the letter written out to Diane Abbott at "
            "diane.abbott.office@parliament.uk. Nothing is sent through this site.") in text


def test_the_page_after_the_download_in_welsh_and_in_english(client):
    _assert_welsh(_done(_preview(client, welsh=True)), DONE_WELSH, DONE_ENGLISH)
    _assert_welsh(_done(_preview(client, welsh=False)), DONE_ENGLISH, DONE_WELSH)
    word = _done(_preview(client, welsh=True), "docx")
    assert "Mae eich dogfen Word yn eich ffolder lawrlwythiadau" in word
    assert "Your Word document" not in word
    # The Word document has no "Your copy" page to keep: the page does not mention one.
    assert "Eich copi chi" not in word and "Eich copi chi" in _done(_preview(client, welsh=True))


def test_a_changed_postcode_is_explained_in_welsh(client):
    journey = welsh_journey(client)
    journey.find_mp("E8 1DY")
    journey.write(postcode=WALES)
    text = " ".join(page_text(journey.page).split())
    # The form comes back with the new MP and nation, saying what changed (issue 29).
    assert "Rydych wedi newid y cod post i LL77 7TW, yn etholaeth Ynys Môn" in text
    assert "Mae etholaeth Ynys Môn yng Nghymru" in text
    assert "You changed the postcode" not in text


def test_a_long_letters_email_copy_in_welsh(client):
    journey = _preview(client, welsh=True, note=LONG_NOTE)
    text = page_text(journey.page)
    _assert_welsh(text, ("Mae eich llythyr yn rhy hir i’w agor mewn ap e-bost i gyd ar yr un pryd",
                         "Anfonwch ef at diane.abbott.office@parliament.uk gyda’r pwnc",
                         "Y llythyr, i’w gopïo a’i ludo", "Rwyf wedi’i anfon drwy e-bost"),
                  ("too long to open in an email app", "Send it to", "Copy the letter",
                   "I've emailed it"))
    assert 'data-copied="Wedi’i gopïo. Gludwch ef mewn e-bost newydd at y cyfeiriad uchod."' \
        in journey.page
    thanks = page_text(journey.email().get_data(as_text=True))
    _assert_welsh(thanks, ("Diolch am anfon eich llythyr drwy e-bost",
                           "Fe’i hanfonoch o’ch e-bost eich hun at diane.abbott.office@parliament.uk",
                           "Heb ei anfon eto? Y llythyr i’w gopïo"),
                  ("Thank you for emailing your letter", "You sent it from your own email",
                   "Not sent yet?"))
    english = _preview(client, welsh=False, note=LONG_NOTE)
    assert "Send it to diane.abbott.office@parliament.uk with the subject “" in page_text(
        english.page)
    assert "data-copied=\"Copied. Paste it into a new email to the address above.\"" in english.page
    assert "Thank you for emailing your letter" in page_text(english.email().get_data(as_text=True))


# Pages of their own: no MP to write to, a letter given back, starting again, closed.

@pytest.mark.parametrize(("postcode", "welsh", "english"), [
    (VACANCY, ("Nid oes AS dros y sedd hon ar hyn o bryd",
               "Nid oes gan Runcorn and Helsby AS ar hyn o bryd",
               "Dod o hyd i’ch cynrychiolwyr eraill ar WriteToThem", "Yn ôl i’r ymgyrch"),
     ("There is no MP for this seat just now", "has no MP at the moment",
      "Find your other representatives", "Back to the campaign")),
    ("JE2 3AB", ("Nid oes gan Jersey AS yn San Steffan",
                 "Mae gan Jersey ei senedd ei hun, y States Assembly,", "Gwefan y States Assembly"),
     ("has no MP at Westminster", "is not represented", "The States Assembly's site")),
    ("IM1 1AA", ("Nid oes gan Ynys Manaw AS yn San Steffan", "Gwefan Tynwald"),
     ("The Isle of Man", "Tynwald's site")),
])
def test_the_explanation_pages_in_welsh(client, postcode, welsh, english):
    journey = welsh_journey(client)
    assert journey.find_mp(postcode).status_code == 200
    _assert_welsh(page_text(journey.page), welsh, english)
    assert 'name="full_name"' not in journey.page


def test_the_english_explanation_pages_are_unchanged(client):
    journey = Journey(client)
    journey.find_mp("IM1 1AA")
    text = page_text(journey.page)
    assert ("The Isle of Man is not represented in the UK House of Commons, so there is no MP "
            "to write to. The Isle of Man has its own parliament, Tynwald, whose members "
            "represent you there.") in text
    assert "<title>The Isle of Man has no MP at Westminster – " in journey.page


def test_dissolution_stops_a_welsh_download_with_a_welsh_page(client, runner):
    journey = _preview(client, welsh=True)
    runner.invoke(args=["parliament", "dissolved"])
    text = page_text(journey.download("pdf").get_data(as_text=True))
    _assert_welsh(text, ("Mae Senedd y DU wedi’i diddymu ar gyfer etholiad cyffredinol",
                         "felly nid oes ASau tan hynny", "Yn ôl i’r ymgyrch"),
                  ("Parliament is dissolved", "until then there are no MPs"))


def test_an_expired_preview_gives_the_letter_back_in_welsh(app, client, clock):
    journey = _preview(client, welsh=True)
    clock.move(seconds=app.config["LETTER_FORM_MAX_AGE"] + 1)
    response = journey.download("pdf")
    assert response.status_code == 410
    _assert_welsh(page_text(response.get_data(as_text=True)),
                  ("Mae eich rhagolwg wedi dod i ben", "Gwnaed y rhagolwg hwn fwy na 2 awr yn ôl",
                   "Nid yw eich llythyr wedi’i golli", "Cael fy llythyr yn ôl"),
                  ("Your preview has expired", "two hours", "Get my letter back"))
    # "Change something" from the expired preview: the form, with a Welsh notice.
    back = journey.client.post(f"/c/{SLUG}/edit", data={
        "letter": hidden(journey.page, "letter"), "csrf_token": hidden(journey.page, "csrf_token")},
        follow_redirects=True)
    assert "Dyma eich llythyr fel y gwnaethoch ei adael" in page_text(back.get_data(as_text=True))


def test_an_altered_preview_says_start_again_in_welsh(client):
    journey = _preview(client, welsh=True)
    response = journey.client.post(f"/c/{SLUG}/download", data={
        "letter": hidden(journey.page, "letter")[:-3] + "abc", "format": "pdf",
        "csrf_token": hidden(journey.page, "csrf_token")})
    assert response.status_code == 400
    _assert_welsh(page_text(response.get_data(as_text=True)),
                  ("Dechreuwch eto", "Ni allem ddarllen y llythyr hwnnw. Llenwch y ffurflen eto.",
                   "Dechrau eto"),
                  ("Please start again", "couldn't read", "Start again"))
    bad_format = journey.client.post(f"/c/{SLUG}/download", data={
        "letter": hidden(journey.page, "letter"), "format": "odt",
        "csrf_token": hidden(journey.page, "csrf_token")})
    assert "Dewiswch PDF neu Word i lawrlwytho eich llythyr." in page_text(
        bad_format.get_data(as_text=True))


def test_a_closed_campaign_in_welsh(app, client):
    with app.app_context():
        get_db()["campaigns"].update(1, {"status": "closed"})
    response = client.get(f"/cy/c/{SLUG}/")
    assert response.status_code == 410
    html = response.get_data(as_text=True)
    _assert_welsh(page_text(html), ("Gweld faint a ysgrifennodd, ac o ble",
                                    "Wedi ysgrifennu llythyr?",
                                    "Dywedwch wrthym beth ddigwyddodd iddo"),
                  ("See how many wrote", "Wrote a letter?", "Tell us what happened to it"))
    assert "(wedi cau)</title>" in html
    assert 'href="/cy/r/"' in html
    english = page_text(client.get(f"/c/{SLUG}/").get_data(as_text=True))
    assert ("Wrote a letter? Tell us what happened to it , and whether your MP replied."
            in english)


def test_the_service_notice_in_welsh(client, fake_members):
    fake_members.mode = "down"
    journey = welsh_journey(client)
    response = journey.find_mp("E8 1DY")
    assert response.status_code == 503
    _assert_welsh(page_text(journey.page), ("Ni allwn ddod o hyd i’ch AS ar hyn o bryd",
                                            "Ydych chi’n rhedeg y wefan hon?"),
                  ("We can't find your MP just now", "Running this site?"))


# The letter form: the MP card, who decides, second letters, errors.

def test_a_ministers_card_in_welsh_keeps_parliaments_title(client):
    journey = welsh_journey(client)
    journey.find_mp(MINISTER)
    text = page_text(journey.page)
    assert ("Swydd yn y Llywodraeth: Parliamentary Under-Secretary of State (Home Office)"
            in text)
    assert '<span lang="en">Parliamentary Under-Secretary' in journey.page
    assert "AS Llafur dros etholaeth Birmingham Yardley" in text
    assert "yn Weinidog" in text and "Labour MP" not in text
    english = Journey(client)
    english.find_mp(MINISTER)
    assert ('<p class="mp-post">Parliamentary Under-Secretary of State (Home Office)</p>'
            in english.page)
    assert "Labour MP for Birmingham Yardley" in page_text(english.page)


def test_a_shadow_minister_and_the_speaker_in_welsh(client):
    journey = welsh_journey(client)
    journey.find_mp(SHADOW)
    assert "Swydd yn yr wrthblaid: Shadow Secretary of State for Education" in page_text(
        journey.page)
    assert "AS Ceidwadol dros etholaeth Sevenoaks" in page_text(journey.page)
    speaker = welsh_journey(client)
    speaker.find_mp(SPEAKER)
    text = page_text(speaker.page)
    assert "Llefarydd Tŷ’r Cyffredin ac AS dros etholaeth Chorley" in text
    assert "Mae’r Llefarydd yn aros yn ddiduedd" in text
    assert "Speaker of the House" not in text


def test_who_decides_an_ask_in_scotland_in_welsh(client):
    journey = welsh_journey(client)
    journey.find_mp(SCOTLAND)
    text = page_text(journey.page)
    _assert_welsh(text, ("Yn yr Alban, Senedd yr Alban sy’n penderfynu ar hyn.",
                         "nid yw eich llythyr at eich AS yn ei gynnwys",
                         "Mae’r ail lythyr a gynigir isod yn mynd ag ef at y man lle caiff ei benderfynu.",
                         "Ail lythyr, at y man lle caiff ei benderfynu",
                         "Caiff rhai o’r pethau y gallwch ofyn amdanynt eu penderfynu yn yr Alban",
                         "Ysgrifennu hefyd at Angela Constance MSP"),
                  ("decides this", "In Scotland, the Scottish", "leaves it out", "The second letter offered",
                   "A second letter, to where it is decided", "Also write to"))
    english = Journey(client)
    english.find_mp(SCOTLAND)
    assert ("In Scotland, the Scottish Parliament decides this. Your MP cannot change it, so "
            "your letter to your MP leaves it out. The second letter offered below takes it to "
            "where it is decided.") in page_text(english.page)


def test_a_second_letter_in_welsh(client):
    journey = welsh_journey(client)
    journey.find_mp(NORTHERN_IRELAND)
    targets = re.findall(r'name="targets" value="(\d+)"', journey.page)
    assert "Yng Ngogledd Iwerddon, Cynulliad Gogledd Iwerddon sy’n penderfynu ar hyn." in \
        page_text(journey.page)
    response = journey.write(asks=journey.ask_ids(), targets=targets)
    assert response.status_code == 200, page_text(journey.page)[:500]
    text = page_text(journey.page)
    _assert_welsh(text, ("Mae eich llythyrau’n barod", "Eich ail lythyr: at Naomi Long MLA",
                         "Mae’n gofyn am yr hyn a benderfynir yng Ngogledd Iwerddon",
                         "(llythyr at Minister of Justice)"),
                  ("Your letters are ready", "Your second letter", "It asks for what is decided",
                   "(letter to "))
    # The second letter itself goes to an office that works in English: English throughout.
    target = re.search(r'name="target" value="(\d+)"', journey.page).group(1)
    pdf = pdf_text(journey.client.post(f"/c/{SLUG}/download", data={
        "letter": hidden(journey.page, "letter"), "format": "pdf", "target": target,
        "csrf_token": hidden(journey.page, "csrf_token")}).data)
    assert "Yours sincerely" in pdf and "Yn gywir" not in pdf


def test_ticking_only_what_holyrood_decides_is_refused_in_welsh(app, client):
    with app.app_context():
        asks = enabled_asks(get_db(), 1)
    omitted = [str(ask.id) for ask in asks if not ask.rule_for(Nation.SCOTLAND).in_mp_letter]
    journey = welsh_journey(client)
    journey.find_mp(SCOTLAND)
    assert journey.write(asks=omitted).status_code == 422
    text = page_text(journey.page)
    assert ("Yn yr Alban, Senedd yr Alban sy’n penderfynu ar yr hyn a diciwyd gennych, felly ni "
            "all eich AS ei newid.") in text
    assert "decides what you ticked" not in text


def test_an_unticked_changed_paragraph_and_a_long_one_are_refused_in_welsh(client):
    journey = welsh_journey(client)
    journey.find_mp("E8 1DY")
    first, second = journey.ask_ids()[:2]
    journey.write(asks=[first], **{f"para-ask-{second}": "My own words about this.",
                                   "para-opening": "Long. " * 500})
    text = page_text(journey.page)
    assert "Rydych wedi newid y paragraff ar gyfer “" in text
    assert "ond heb ei dicio" in text
    assert re.search(r"Mae’r paragraff hwn yn [\d,]+ nod o hyd; cadwch ef o dan 1,200\.", text)
    assert "You changed the paragraph" not in text and "characters long" not in text


def test_the_character_counts_speak_welsh(client):
    journey = welsh_journey(client)
    journey.find_mp("E8 1DY")
    assert 'data-count-left="Mae gennych {num} nod ar ôl"' in journey.page
    assert 'data-count-over-one="Mae gennych {num} nod yn ormod"' in journey.page
    assert 'Hyd at 1,200 nod.' in page_text(journey.page)
    english = Journey(client)
    english.find_mp("E8 1DY")
    assert 'data-count-left="You have {num} characters left"' in english.page
    assert "Up to 1,200 characters." in page_text(english.page)


# The sentences letters/ writes in English: the same English, and Welsh on /cy/.

def _in(app, language: str):
    return app.test_request_context("/", environ_overrides={"mp_letters.language": language})


def test_who_decides_says_in_english_what_letters_says(app):
    with app.app_context():
        asks = enabled_asks(get_db(), 1)
    rules = [ask.rule_for(nation) for ask in asks for nation in Nation]
    rules += [NationRule(Nation.WALES, devolved=True, mp_letter=MPLetter.OWN, note="A note."),
              NationRule(Nation.SCOTLAND, devolved=True, decided_by="the Scottish Government")]
    assert any(rule.devolved for rule in rules)
    with _in(app, "en"):
        for rule in rules:
            assert who_decides(rule) == rule.writer_note
    with _in(app, "cy"):
        welsh = who_decides(NationRule(Nation.WALES, devolved=True, mp_letter=MPLetter.OWN,
                                       note="Staff's note."))
        staff = who_decides(NationRule(Nation.SCOTLAND, devolved=True,
                                       decided_by="the Scottish Government"))
    assert welsh == ("Yng Nghymru, Senedd Cymru sy’n penderfynu ar hyn. Mae eich llythyr at eich "
                     "AS yn gofyn am yr hyn y gall San Steffan ei wneud am hyn. Staff's note.")
    # What staff wrote stays as they wrote it.
    assert staff.startswith("Yn yr Alban, the Scottish Government sy’n penderfynu ar hyn.")
    assert set(DEFAULT_DEVOLVED_BODY) == {Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND}


def _nothing_for_mp(asks, nation) -> NothingForMP:
    with pytest.raises(NothingForMP) as raised:
        compose_letter(wording=Wording(opening="Hello.", closing="Bye."), asks=asks,
                       mp=SAMPLE_MP, sender=Sender("A Writer", ("1 Street",), "FK1 1AA"),
                       today=date(2026, 1, 5), nation=nation)
    return raised.value


def test_nothing_for_the_mp_says_in_english_what_letters_says(app):
    omitted = NationRule(Nation.SCOTLAND, devolved=True)
    staff = NationRule(Nation.SCOTLAND, devolved=True, decided_by="the Scottish Government")
    one = _nothing_for_mp([Ask(1, "A", "Ban it.", nations=(omitted,))], Nation.SCOTLAND)
    two = _nothing_for_mp([Ask(1, "A", "Ban it.", nations=(omitted,)),
                           Ask(2, "B", "Fund it.", nations=(staff,))], Nation.SCOTLAND)
    with _in(app, "en"):
        assert nothing_for_mp(one) == str(one)
        assert nothing_for_mp(two) == str(two)
        assert "the Scottish Government and the Scottish Parliament decide" in str(two)
    with _in(app, "cy"):
        assert nothing_for_mp(one).startswith("Yn yr Alban, Senedd yr Alban sy’n penderfynu")
        # A list, not "a": "a"/"ac" and its mutation depend on the next word.
        assert nothing_for_mp(two).startswith(
            "Yn yr Alban, the Scottish Government, Senedd yr Alban sy’n penderfynu")


def test_a_second_letter_with_nothing_to_ask_says_so_in_english_and_welsh(app):
    english = ("None of the things you ticked is decided where Minister of Justice could act on "
               "it, so there is nothing to ask them. Tick one, or untick “Also write to Minister "
               "of Justice”.")
    error = NoTargetAsks(english, office="Minister of Justice")
    with _in(app, "en"):
        assert no_target_asks(error) == english
    with _in(app, "cy"):
        assert no_target_asks(error).startswith("Nid oes dim o’r hyn a diciwyd gennych")
        assert "“Ysgrifennu hefyd at Minister of Justice”" in no_target_asks(error)


def test_a_letter_too_long_to_print_in_english_and_welsh_plurals(app):
    with pytest.raises(LetterTooLong) as characters:
        check_body(["x" * 12_345])
    with pytest.raises(LetterTooLong) as lines:
        check_body(["line\n" * 200])
    pages = {n: LetterTooLong(f"Your letter would run to {n} pages; please shorten it to fit "
                              f"on {MAX_PAGES}.", measure="pages", size=n, limit=MAX_PAGES)
             for n in (7, 8, 10)}
    with _in(app, "en"):
        for error in (characters.value, lines.value, *pages.values()):
            assert too_long(error) == str(error)
    with _in(app, "cy"):
        assert too_long(characters.value) == ("Mae eich llythyr yn 12,345 nod o hyd; cadwch ef o "
                                              "dan 12,000 drwy fyrhau paragraff.")
        assert too_long(lines.value).startswith("Mae gan eich llythyr 201 llinell;")
        assert too_long(pages[7]) == ("Byddai eich llythyr yn 7 tudalen o hyd; byrhewch ef fel "
                                      "ei fod yn ffitio ar 6.")


def test_the_too_long_sentence_lands_on_the_longest_changed_paragraph_in_welsh(app):
    error = LetterTooLong("Your letter would run to 7 pages; please shorten it to fit on 6.",
                          measure="pages", size=7, limit=MAX_PAGES)
    with _in(app, "cy"):
        note, paragraphs = journey_steps.too_long_errors(too_long(error), {"opening": "Hi.",
                                                                           "ask-1": "Longer."})
    assert note is None
    assert paragraphs == {"ask-1": "Byddai eich llythyr yn 7 tudalen o hyd; byrhewch ef fel ei "
                                   "fod yn ffitio ar 6. Dyma’r paragraff hiraf i chi ei newid."}


@pytest.mark.parametrize(("seconds", "welsh", "english"), [
    (7200, "2 awr", "two hours"), (3600, "1 awr", "an hour"), (86400 * 2, "2 ddiwrnod", "two days"),
    (120, "2 funud", "two minutes"), (5400, "90 munud", "90 minutes")])
def test_lengths_of_time_in_welsh(app, seconds, welsh, english):
    with _in(app, "cy"):
        assert journey_steps.age_in_words(seconds) == welsh
    with _in(app, "en"):
        assert journey_steps.age_in_words(seconds) == english


# The reference page's sentences made in Python (its template is the info pages' work).

def test_the_report_back_sentences_in_welsh(client):
    journey = _preview(client, welsh=True)
    assert journey.download("pdf").status_code == 200
    reference = journey.reference
    assert reference
    typo = page_text(client.get("/cy/r/?reference=nonsense-typed").get_data(as_text=True))
    assert "Rhowch y cyfeirnod sydd ar eich copi o’r llythyr" in typo
    assert "Enter the reference" not in typo
    unknown = page_text(client.get("/cy/r/?reference=K7QM4TZX").get_data(as_text=True))
    assert "Nid oes llythyr â’r cyfeirnod K7QM4TZX." in unknown
    page = journey.client.get(f"/r/{reference}").get_data(as_text=True)
    assert "Rwyf wedi’i bostio" in page_text(page) and "O fewn wythnos" in page_text(page)
    missing = journey.client.post(f"/r/{reference}", data={
        "kind": "replied", "csrf_token": hidden(page, "csrf_token")})
    assert missing.status_code == 422
    text = page_text(missing.get_data(as_text=True))
    assert "Dewiswch pryd y daeth yr ateb." in text and "Choose when" not in text
    posted = journey.client.post(f"/r/{reference}", data={
        "kind": "posted", "csrf_token": hidden(page, "csrf_token")})
    assert "Diolch: mae hynny wedi’i gofnodi." in page_text(posted.get_data(as_text=True))
    english = page_text(client.get(f"/r/{reference}").get_data(as_text=True))
    assert "You told us: “I posted it”." in english


def test_a_closed_campaigns_default_thanks_in_welsh(app, client):
    with app.app_context():
        get_db()["campaigns"].update(1, {"status": "closed", "thank_you": "", "thank_you_cy": ""})
    welsh = page_text(client.get(f"/cy/c/{SLUG}/").get_data(as_text=True))
    assert "Mae’r ymgyrch hon wedi cau." in welsh and "This campaign has closed" not in welsh
    assert "This campaign has closed." in page_text(client.get(f"/c/{SLUG}/").get_data(
        as_text=True))

"""Issue 21: letters know MPs' posts and stances, and follow the postcode they carry.

Every letter here is read as a writer gets it: the PDF's text (pypdf).
"""
from __future__ import annotations

import re
from io import BytesIO
from itertools import permutations

import pytest

from campaign.db import get_db
from campaign.lookup import register
from tests.campaign.helpers import STAFF, Journey, page_text, post, sign_in
from tests.letters.helpers import docx_paragraphs, pdf_text

MINISTER_CLOSING = ("As a Minister you cannot sign early day motions, so please raise this "
                    "with the Home Secretary and act on it in your department.")
SHADOW_CLOSING = ("As a shadow minister you speak for your party: please make this your "
                  "party's position and press the Government on it.")
SUPPORTER_OPENING = ("Thank you for supporting this campaign, {{ mp_address_as }}. As a "
                     "constituent in {{ constituency }} I ask you to go further.")
SPEAKER_OPENING = "as Speaker you take no side on matters before the House"
SPEAKER_CLOSING = "as Speaker you remain impartial in the House"

# The demo's kinds of seat: (postcode, the constituency as the letter names it).
ENGLAND = ("E8 1DY", "Hackney North and Stoke Newington")
WALES = ("LL77 7TW", "Ynys Môn")
SCOTLAND = ("FK1 1AA", "Falkirk")
NORTHERN_IRELAND = ("BT7 1NN", "Belfast South and Mid Down")
SPEAKER = ("PR7 1DP", "Chorley")
MINISTER = ("B25 8NB", "Birmingham Yardley")
SHADOW = ("BR8 7RE", "Sevenoaks")
VACANCY = ("WA7 1AA", "Runcorn and Helsby")


def _launch_id(app) -> int:
    with app.app_context():
        return get_db().execute("select id from campaigns order by id limit 1").fetchone()[0]


def _set_targeted_wording(app, **values) -> None:
    with app.app_context():
        get_db()["campaigns"].update(_launch_id(app), values)


def _letter_pdf(client, postcode: str, **fields) -> str:
    return _letter(client, postcode, **fields)[1]


def _letter(client, postcode: str, **fields) -> tuple[Journey, str]:
    """(the journey, its letter's PDF text with spaces folded)."""
    journey = Journey(client)
    assert journey.find_mp(postcode).status_code == 200
    response = journey.write(**fields)
    assert response.status_code == 200, page_text(journey.page)[:600]
    pdf = journey.download("pdf")
    assert pdf.status_code == 200
    return journey, " ".join(pdf_text(pdf.data).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_fake_serves_posts_and_the_register_keeps_them(app, runner, fake_members):
    # On demand (before any refresh) the Biography gives one member's posts...
    client = app.test_client()
    journey = Journey(client)
    journey.find_mp(MINISTER[0])
    card = page_text(journey.page)
    assert "Parliamentary Under-Secretary of State (Home Office)" in card
    assert "Ministers do not sign early day motions" in card
    assert any("/Biography" in request for request in fake_members.requests)
    # ... and a refresh reads every post holder at once, skipping past holders.
    assert runner.invoke(args=["mps", "refresh"]).exit_code == 0
    with app.app_context():
        minister = register.mp_by_code(get_db(), "E14001100")
        shadow = register.mp_by_code(get_db(), "E14001465")
        abbott = register.mp_by_code(get_db(), "E14001259")
    assert minister.government_posts == ("Parliamentary Under-Secretary of State (Home Office)",)
    assert minister.is_minister and not minister.is_shadow_minister
    assert shadow.opposition_posts == ("Shadow Secretary of State for Education",)
    assert shadow.is_shadow_minister
    # Abbott held a post once (the fake lists her with an end date): no post now.
    assert abbott.government_posts == () and abbott.opposition_posts == ()


def test_a_ministers_constituent_gets_the_post_and_the_ministers_closing(app, client):
    _set_targeted_wording(app, minister_closing=MINISTER_CLOSING, shadow_closing=SHADOW_CLOSING)
    journey, text = _letter(client, MINISTER[0])
    docx = docx_paragraphs(journey.download("docx").data)
    assert "Parliamentary Under-Secretary of State (Home Office)" in docx
    assert MINISTER_CLOSING in docx
    assert "Jess Phillips MP Parliamentary Under-Secretary of State (Home Office) House of " \
           "Commons" in text
    assert MINISTER_CLOSING in text
    assert SHADOW_CLOSING not in text
    assert "Birmingham Yardley" in text


def test_a_shadow_ministers_constituent_gets_the_shadow_closing(app, client):
    _set_targeted_wording(app, minister_closing=MINISTER_CLOSING, shadow_closing=SHADOW_CLOSING)
    text = _letter_pdf(client, SHADOW[0])
    assert "Shadow Secretary of State for Education House of Commons" in text
    assert SHADOW_CLOSING in text and MINISTER_CLOSING not in text


def test_the_launch_campaign_ships_closings_for_ministers_and_shadow_ministers(app, client):
    minister = _letter_pdf(client, MINISTER[0])
    assert "Home Secretary" in minister
    assert re.search(r"as a Minister you cannot sign early day motions|As a member of the "
                     r"Government you cannot", minister)
    shadow = _letter_pdf(client, SHADOW[0])
    assert re.search(r"As a shadow minister you speak for your party|your party's position",
                     shadow)


def test_without_post_wording_a_minister_gets_the_campaigns_closing(app, client):
    _set_targeted_wording(app, minister_closing="", shadow_closing="")
    text = _letter_pdf(client, MINISTER[0])
    assert MINISTER_CLOSING not in text
    assert "Parliamentary Under-Secretary of State (Home Office)" in text  # the address


def test_the_speakers_letter_opens_and_closes_as_the_role_allows(app, client):
    _set_targeted_wording(app, minister_closing=MINISTER_CLOSING,
                          supporter_opening=SUPPORTER_OPENING)
    text = _letter_pdf(client, SPEAKER[0])
    assert "Dear Mr Speaker" in text
    assert SPEAKER_OPENING in text and "Member of Parliament for Chorley" in text
    assert SPEAKER_CLOSING in text
    # The opening comes before the asks, the closing after them.
    assert text.index(SPEAKER_OPENING) < text.index(SPEAKER_CLOSING)


def _staff(client, runner):
    return sign_in(client, runner, STAFF)


def test_a_supporters_constituents_are_thanked_and_asked_to_go_further(app, client, runner):
    _set_targeted_wording(app, supporter_opening=SUPPORTER_OPENING)
    journey = Journey(client)
    journey.find_mp(ENGLAND[0])  # the register now holds Ms Abbott
    staff = _staff(app.test_client(), runner)
    campaign_id = _launch_id(app)
    page = staff.get(f"/staff/campaigns/{campaign_id}/stances").get_data(as_text=True)
    assert "Ms Diane Abbott" in page
    response = post(staff, f"/staff/campaigns/{campaign_id}/stances/mark",
                    {"member_id": "172", "stance": "supports"},
                    form_url=f"/staff/campaigns/{campaign_id}/stances")
    assert response.status_code == 303
    journey, text = _letter(client, ENGLAND[0])
    assert ("Thank you for supporting this campaign, Ms Abbott. As a constituent in Hackney "
            "North and Stoke Newington I ask you to go further.") in text
    assert journey.suggested["opening"].startswith("Thank you for supporting")
    # The asks stay: both ticked asks' paragraphs are in the letter as suggested.
    asks = [key for key in journey.suggested if key.startswith("ask-")]
    ticked = [f"ask-{ask_id}" for ask_id in journey.ask_ids()[:2]]
    assert set(ticked) <= set(asks)
    for key in ticked:
        assert _flat(journey.suggested[key]) in text
    # Another MP's constituents get the campaign's own opening.
    _, other = _letter(client, SHADOW[0])
    assert "Thank you for supporting" not in other


def test_supporter_wording_is_checked_like_the_rest(app, runner):
    staff = _staff(app.test_client(), runner)
    campaign_id = _launch_id(app)
    with app.app_context():
        before = get_db()["campaigns"].get(campaign_id)
    page = staff.get(f"/staff/campaigns/{campaign_id}/wording").get_data(as_text=True)
    assert "Closing for ministers" in page and "Closing for shadow ministers" in page
    response = post(staff, f"/staff/campaigns/{campaign_id}/wording", {
        "opening": "Opening in {{ constituency }}.", "closing": "Closing.",
        "supporter_opening": "Thank you {{ mp_nmae }}.", "minister_closing": "Fine."})
    assert response.status_code == 422
    assert "mp_nmae" in page_text(response.get_data(as_text=True))
    with app.app_context():
        row = get_db()["campaigns"].get(campaign_id)
    for name in ("supporter_opening", "minister_closing", "opening", "closing"):
        assert row[name] == before[name]  # nothing saved


def _import(staff, campaign_id: int, text: str):
    page = staff.get(f"/staff/campaigns/{campaign_id}/stances").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return staff.post(f"/staff/campaigns/{campaign_id}/stances/import", data={
        "csrf_token": token, "csv_file": (BytesIO(text.encode()), "stances.csv")},
        content_type="multipart/form-data")


def _stances(app) -> dict:
    with app.app_context():
        return {row["member_id"]: row["stance"] for row in get_db()["mp_stances"].rows}


def test_the_csv_import_reports_each_bad_line_and_imports_nothing(app, runner):
    assert runner.invoke(args=["mps", "refresh"]).exit_code == 0
    staff = _staff(app.test_client(), runner)
    campaign_id = _launch_id(app)
    lines = [
        "constituency_code,member_id,stance",
        "E14001259,,supports",          # 2: good
        "E14009999,,opposes",           # 3: no such seat
        ",172,maybe",                   # 4: no such stance
        ",99999999,opposes",            # 5: no such member
        "E14001465,172,supports",       # 6: code and member disagree
        "",                             # 7: blank, skipped
        "E14001259,,opposes",           # 8: contradicts line 2
        ",,supports",                   # 9: neither
    ]
    response = _import(staff, campaign_id, "\n".join(lines))
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "Nothing was imported" in text
    for line in (3, 4, 5, 6, 8, 9):
        assert f"Line {line}:" in text
    assert "Line 2:" not in text and "Line 7:" not in text
    assert "“E14009999” is not a constituency" in text
    assert "the stance “maybe” is not one of supports, opposes or not known" in text
    assert _stances(app) == {}

    response = _import(staff, campaign_id, "GSS code,Stance\r\nE14001259,Supports\r\n"
                                           "E14001465,opposes\r\nE14001170,not known\r\n")
    assert response.status_code == 303
    assert _stances(app) == {172: "supports", 4761: "opposes"}
    assert _import(staff, campaign_id, "name,view\nx,y\n").status_code == 422
    # A spreadsheet's semicolons, an extra column and an empty stance are each named.
    semicolons = _import(staff, campaign_id, "constituency_code;stance\nE14001259;supports\n")
    assert "separated by semicolons" in page_text(semicolons.get_data(as_text=True))
    extra = _import(staff, campaign_id, "constituency_code,stance,notes\nE14001259,supports,x\n")
    assert "Line 1 names a column this file does not take: “notes”." in page_text(
        extra.get_data(as_text=True))
    empty = _import(staff, campaign_id, "constituency_code,stance\nE14001465,\n")
    assert ("Line 2: the stance is empty: write supports, opposes or not known." in page_text(
        empty.get_data(as_text=True)))
    assert _stances(app) == {172: "supports", 4761: "opposes"}


@pytest.mark.parametrize("bad", [b"\xff\xfe", b""])
def test_the_csv_import_refuses_a_file_it_cannot_read(app, runner, bad):
    staff = _staff(app.test_client(), runner)
    response = _import(staff, _launch_id(app), bad.decode("latin-1"))
    assert response.status_code == 422
    assert _stances(app) == {}


def test_organisers_count_letters_by_the_stance_each_was_written_to(app, client, runner):
    """A letter keeps the stance its MP had when it was written: marking the MP later
    changes the letters after, never the letters before (issue 30)."""
    assert runner.invoke(args=["mps", "refresh"]).exit_code == 0
    _letter_pdf(client, SPEAKER[0])
    staff = _staff(app.test_client(), runner)
    campaign_id = _launch_id(app)
    assert _import(staff, campaign_id, "member_id,stance\n172,supports\n4761,opposes\n"
                   ).status_code == 303
    for postcode in (ENGLAND[0], ENGLAND[0], SHADOW[0]):
        _letter_pdf(client, postcode)
    slug = staff.get("/staff/counts/").get_data(as_text=True)
    slug = re.search(r'/staff/counts/([a-z0-9-]+)/', slug).group(1)

    def by_stance() -> list[str]:
        csv_text = staff.get(f"/staff/counts/{slug}/by-stance.csv").get_data(as_text=True)
        return csv_text.lstrip("\ufeff").splitlines()

    assert by_stance() == [
        "stance,constituencies,letters", "supports,1,2", "opposes,1,1", "not known,1,1"]
    dashboard = page_text(staff.get(f"/staff/counts/{slug}/").get_data(as_text=True))
    assert "By MP's stance" in dashboard and "Supports 1 2" in dashboard
    # Hackney's MP turns against the campaign; the two letters written to a supporter stay so.
    assert _import(staff, campaign_id, "member_id,stance\n172,opposes\n").status_code == 303
    assert by_stance() == [
        "stance,constituencies,letters", "supports,1,2", "opposes,1,1", "not known,1,1"]
    _letter_pdf(client, ENGLAND[0])
    assert by_stance() == [
        "stance,constituencies,letters", "supports,1,2", "opposes,2,2", "not known,1,1"]


KINDS = [ENGLAND, WALES, SCOTLAND, NORTHERN_IRELAND, SPEAKER, MINISTER]


@pytest.mark.parametrize("before,after", list(permutations(KINDS, 2))
                         + [(kind, VACANCY) for kind in KINDS])
def test_a_corrected_postcode_rewrites_the_whole_letter(app, client, before, after):
    """The form is made for `before`'s postcode; the writer corrects it to `after`'s."""
    _set_targeted_wording(app, minister_closing=MINISTER_CLOSING)
    journey = Journey(client)
    assert journey.find_mp(before[0]).status_code == 200
    response = journey.write(postcode=after[0])
    if after is VACANCY:
        assert "There is no MP for this seat just now" in page_text(journey.page)
        assert "Runcorn and Helsby has no MP" in page_text(journey.page)
        return
    assert response.status_code == 200, page_text(journey.page)[:500]
    # Another MP: the form comes back with them and says so (issue 29); sent again as
    # it came back, it is previewed.
    assert "You changed the postcode to" in _flat(page_text(journey.page))
    assert journey.write(postcode=after[0]).status_code == 200
    pdf = journey.download("pdf")
    assert pdf.status_code == 200
    text = _flat(pdf_text(pdf.data))
    assert after[1] in text
    assert before[1] not in text, f"{before[1]} left in a letter to {after[1]}"
    assert (SPEAKER_OPENING in text) == (after is SPEAKER)
    assert (SPEAKER_CLOSING in text) == (after is SPEAKER)
    assert (MINISTER_CLOSING in text) == (after is MINISTER)
    assert ("Under-Secretary of State (Home Office)" in text) == (after is MINISTER)
    assert ("Dear Mr Speaker" in text) == (after is SPEAKER)


def test_a_writers_own_edit_survives_a_corrected_postcode(app, client):
    journey = Journey(client)
    journey.find_mp(ENGLAND[0])
    mine = "My own closing words, which I wrote myself."
    journey.write(postcode=WALES[0], **{"para-closing": mine})
    # The form comes back for the new MP, the writer's closing kept; sent again, previewed.
    assert journey.write(postcode=WALES[0]).status_code == 200
    text = _flat(pdf_text(journey.download("pdf").data))
    assert mine in text and "Ynys Môn" in text and "Hackney" not in text


def test_posts_are_read_defensively():
    """A post with no name, a holder with an end date or no member id, is no post."""
    from campaign.lookup.errors import UpstreamUnavailable
    from campaign.lookup.members_api import MembersAPI

    api = MembersAPI("http://127.0.0.1:9", session=None, timeouts=None)
    bodies = {
        "/api/Posts/GovernmentPosts": [
            {"value": {"name": "Home Secretary", "postHolders": [
                {"member": {"value": {"id": 1}}, "endDate": None},
                {"member": {"value": {"id": 2}}, "endDate": "2024-07-05T00:00:00"},
                {"member": {"value": {}}, "endDate": None},
                "junk"]}},
            {"value": {"name": "", "postHolders": [{"member": {"value": {"id": 3}}}]}},
            None, "junk"],
        "/api/Posts/OppositionPosts": [
            {"value": {"name": "Shadow Home Secretary", "postHolders": [
                {"member": {"value": {"id": 4}}}]}}],
    }
    api._get_any = bodies.__getitem__
    assert api.current_posts() == {1: (("Home Secretary",), ()),
                                    4: ((), ("Shadow Home Secretary",))}
    bodies["/api/Posts/OppositionPosts"] = {"not": "a list"}
    with pytest.raises(UpstreamUnavailable):
        api.current_posts()


@pytest.mark.parametrize("typed,stance", [("Supports", "supports"), (" OPPOSES ", "opposes"),
                                          ("not_known", "not known"), ("unknown", "not known"),
                                          ("maybe", None), ("", None)])
def test_a_typed_stance_is_read_forgivingly(typed, stance):
    from letters.stances import Stance
    assert Stance.read(typed) == stance


def test_the_stances_page_comes_a_page_at_a_time_and_organisers_read_it(app, client, runner):
    """Issue 30: 650 rows of forms do not fit a phone; organisers read stances, not edit."""
    from tests.campaign.helpers import ORGANISER, login, make_user

    assert runner.invoke(args=["mps", "refresh"]).exit_code == 0
    staff = _staff(app.test_client(), runner)
    campaign_id = _launch_id(app)
    url = f"/staff/campaigns/{campaign_id}/stances"
    first = staff.get(url).get_data(as_text=True)
    assert first.count('name="stance" id=') + first.count('<select id="stance-') - 1 <= 50
    assert "649 seats, page 1 of 13." in page_text(first)  # the demo's one vacancy has no MP
    assert f'href="{url}?page=2"' in first.replace("&amp;", "&")
    assert _import(staff, campaign_id, "member_id,stance\n172,supports\n").status_code == 303
    supporters = page_text(staff.get(url + "?stance=supports").get_data(as_text=True))
    assert "1 seat." in supporters and "Hackney North and Stoke Newington" in supporters

    make_user(runner, ORGANISER, "organiser")
    organiser = app.test_client()
    assert login(organiser, ORGANISER).status_code == 302
    page = organiser.get(url + "?stance=supports")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "As an organiser you can read the stances" in page_text(html)
    assert "Supports" in page_text(html) and "/stances/mark" not in html
    assert organiser.post(url + "/mark", data={}).status_code in (400, 403)
    counts = organiser.get("/staff/counts/stop-trafficking-networks/").get_data(as_text=True)
    assert "/c/stop-trafficking-networks/results" in counts and url in counts

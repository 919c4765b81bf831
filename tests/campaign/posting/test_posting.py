"""Post it for me (issue 31): a writer's letter posted through a fake Stannp over real
HTTP on loopback, in test mode, within the campaign's budget, once, with nothing
personal kept; every fault leaves the writer a sentence and their download."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from campaign.config import ConfigError
from campaign.demo.stannp import API_KEY, WEBHOOK_SECRET, FakeStannp, webhook_call
from tests.campaign.helpers import SLUG, WRITER, Journey, hidden, page_text, sign_in, welsh_journey
from tests.letters.helpers import pdf_text

HACKNEY = "E8 1DY"


@pytest.fixture(scope="module")
def fake_stannp():
    server = FakeStannp().start()
    yield server
    server.stop()


@pytest.fixture
def stannp(fake_stannp, app_config):
    fake_stannp.reset()
    fake_stannp.slow_seconds = 2.0  # past the tests' 1 s read timeout, without long waits
    app_config.update(POST_PROVIDER="stannp", STANNP_API_URL=fake_stannp.api_url,
                      STANNP_API_KEY=API_KEY, STANNP_TEST_MODE=True,
                      STANNP_WEBHOOK_SECRET=WEBHOOK_SECRET)
    return fake_stannp


def budget(runner, letters: int, *extra: str) -> str:
    result = runner.invoke(args=["post", "budget", SLUG, str(letters), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def previewed(client, welsh: bool = False, **writer) -> Journey:
    journey = welsh_journey(client) if welsh else Journey(client)
    journey.find_mp(HACKNEY)
    assert journey.write(**writer).status_code == 200
    return journey


def post_it(journey: Journey):
    return journey.client.post(f"/c/{journey.slug}/post", data={
        "letter": hidden(journey.page, "letter"), "csrf_token": hidden(journey.page, "csrf_token")})


def rows(app) -> list[dict]:
    with sqlite3.connect(app.config["DATABASE_PATH"]) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute("SELECT * FROM posted_letters ORDER BY id")]


def test_a_letter_is_posted_once_in_test_mode_with_its_typed_signature(stannp, app, client,
                                                                       runner):
    budget(runner, 5)
    journey = previewed(client)
    assert "Post it for me" in journey.page
    assert "goes to the printing company named on our privacy page" in page_text(journey.page)

    response = post_it(journey)
    text = page_text(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "Posted" in text
    assert "Your letter to Diane Abbott will arrive in 2 to 4 working days." in text
    assert journey.reference in text
    assert 'value="pdf"' in response.get_data(as_text=True)  # the download is still there

    [letter] = stannp.letters
    assert letter.test  # test mode: Stannp prints, posts and charges nothing
    assert letter.fields["recipient[firstname]"] == "Rt Hon Diane Abbott MP"
    assert letter.fields["recipient[address1]"] == "House of Commons"
    assert letter.fields["recipient[town]"] == "LONDON"
    assert letter.fields["recipient[postcode]"] == "SW1A 0AA"
    assert "addons" not in letter.fields  # second class, as the campaign chose
    printed = pdf_text(letter.pdf)
    assert journey.suggested["opening"].split(".")[0] in " ".join(printed.split())
    assert f"{WRITER['full_name']} (typed signature: posted for me by a printing company)" in printed
    assert "Your copy" not in printed  # the writer's own page stays in their download

    # A reload, a double click, a retry: the same letter is posted once.
    again = post_it(journey)
    assert again.status_code == 200 and "Posted" in page_text(again.get_data(as_text=True))
    assert len(stannp.letters) == 1
    [row] = rows(app)
    assert row["status"] == "sent" and row["provider_id"] == letter.id
    assert row["constituency_name"] == "Hackney North and Stoke Newington"
    assert row["cost"] == "0.86"

    # Nothing personal at rest: not the name, the address or the words.
    data = open(app.config["DATABASE_PATH"], "rb").read()
    for personal in (WRITER["full_name"], WRITER["address_line1"], journey.reference):
        assert personal.encode() not in data
    # It counts as a letter written, in the format "post".
    with sqlite3.connect(app.config["DATABASE_PATH"]) as conn:
        assert conn.execute("SELECT formats FROM letters").fetchall() == [("post",)]


def test_the_budget_is_never_overspent_and_the_button_goes(stannp, app, client, runner):
    budget(runner, 1)
    first = previewed(client)
    second = previewed(client, full_name="Another Writer")
    assert post_it(first).status_code == 200
    refused = post_it(second)
    assert refused.status_code == 409
    assert "can't pay to post any more letters" in page_text(refused.get_data(as_text=True))
    assert 'value="pdf"' in refused.get_data(as_text=True)
    assert len(stannp.letters) == 1
    assert "Post it for me" not in previewed(client, full_name="A Third").page


def test_a_daily_cap_holds_until_tomorrow(stannp, app, client, runner, clock):
    budget(runner, 10, "--per-day", "1")
    assert post_it(previewed(client)).status_code == 200
    today = post_it(previewed(client, full_name="Another Writer"))
    assert today.status_code == 409
    assert "as many letters today" in page_text(today.get_data(as_text=True))
    clock.move(days=1)
    assert post_it(previewed(client, full_name="Another Writer")).status_code == 200
    assert len(stannp.letters) == 2


def test_one_writer_has_one_letter_posted(stannp, app, client, runner):
    budget(runner, 10)
    assert post_it(previewed(client)).status_code == 200
    # The same writer, a new letter (a new reference), their name typed differently.
    repeat = post_it(previewed(client, full_name=WRITER["full_name"].upper()))
    assert repeat.status_code == 409
    assert "already posted a letter from you" in page_text(repeat.get_data(as_text=True))
    assert len(stannp.letters) == 1


def test_closing_the_campaign_destroys_the_writers_key(stannp, app, client, runner):
    budget(runner, 10)
    post_it(previewed(client))
    with sqlite3.connect(app.config["DATABASE_PATH"]) as conn:
        conn.execute("UPDATE campaigns SET status = 'closed' WHERE slug = ?", [SLUG])
        assert conn.execute("SELECT writer_secret FROM posting_settings").fetchone() == ("",)
    assert [row["writer_hash"] for row in rows(app)] == [""]


@pytest.mark.parametrize("mode", ["down", "error", "garbage", "slow", "refuse", "lie"])
def test_a_dead_hung_or_lying_service_leaves_a_sentence_and_the_download(stannp, app, client,
                                                                         runner, mode):
    budget(runner, 1)
    journey = previewed(client)
    stannp.mode = mode
    response = post_it(journey)
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    if mode == "slow":
        assert "didn't answer us in time, so we can't tell yet whether it has your letter" in \
            page_text(html)
    else:
        assert "didn't answer us properly just now, so your letter has not been posted" in \
            page_text(html)
    assert 'value="pdf"' in html and 'value="docx"' in html
    if mode == "slow":
        # The letter went and no answer came: Stannp may post it yet, so its place stays
        # taken, marked for the writer's retry (the same idempotency key) to settle.
        assert [row["status"] for row in rows(app)] == ["unsure"]
    else:
        assert rows(app) == []  # nothing counted against the budget
    download = journey.download("pdf")
    assert download.status_code == 200 and download.mimetype == "application/pdf"
    stannp.mode = "ok"
    assert post_it(journey).status_code == 200  # the budget of 1 is this letter's still
    assert stannp.wait_until_handled(2 if mode in ("slow", "refuse", "lie") else 1)
    assert len(stannp.letters) == 1  # the late answer to the hung call posted nothing more
    assert [row["status"] for row in rows(app)] == ["sent"]


def test_twenty_writers_at_once_on_a_budget_of_ten(stannp, app, runner):
    budget(runner, 10)
    journeys = [previewed(app.test_client(), full_name=f"Writer {n}") for n in range(20)]
    answers: list[int] = []
    start = threading.Barrier(20)

    def press(journey):
        start.wait()
        answers.append(post_it(journey).status_code)

    threads = [threading.Thread(target=press, args=(journey,)) for journey in journeys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200] * 10 + [409] * 10
    assert len(stannp.letters) == 10
    assert len(rows(app)) == 10


def test_status_webhooks_are_signed_idempotent_and_counted(stannp, app, client, runner):
    budget(runner, 5)
    post_it(previewed(client))
    [letter] = stannp.letters

    body, headers = webhook_call(letter.id, "printing")
    assert client.post("/webhooks/stannp", data=body,
                       headers={"Content-Type": "application/json"}).status_code == 401
    forged = dict(headers, **{"X-Stannp-Sigature": "0" * 64})
    assert client.post("/webhooks/stannp", data=body, headers=forged).status_code == 401
    wrong_secret = webhook_call(letter.id, "printing", secret="not-the-secret")[1]
    assert client.post("/webhooks/stannp", data=body, headers=wrong_secret).status_code == 401
    assert rows(app)[0]["status"] == "sent"

    assert client.post("/webhooks/stannp", data=body, headers=headers).json["updated"] == 1
    assert rows(app)[0]["status"] == "printed"
    assert client.post("/webhooks/stannp", data=body, headers=headers).status_code == 409

    body, headers = webhook_call(letter.id, "handed_over", webhook_id=2)
    assert client.post("/webhooks/stannp", data=body, headers=headers).status_code == 200
    late, late_headers = webhook_call(letter.id, "printing", webhook_id=3)
    assert client.post("/webhooks/stannp", data=late, headers=late_headers).json["updated"] == 0
    assert rows(app)[0]["status"] == "dispatched"
    junk = b'{"hello": 1}'
    assert client.post("/webhooks/stannp", data=junk, headers={
        "X-Stannp-Sigature": webhook_call("1", "printing")[1]["X-Stannp-Sigature"]}
    ).status_code == 401
    from campaign.posting.stannp import signature
    assert client.post("/webhooks/stannp", data=junk, headers={
        "X-Stannp-Sigature": signature(junk, WEBHOOK_SECRET)}).status_code == 400

    # Organisers see it by day and constituency, with its status and cost.
    sign_in(client, runner, role="organiser")
    page = page_text(client.get(f"/staff/counts/{SLUG}/posted").get_data(as_text=True))
    assert "Hackney North and Stoke Newington" in page and "£0.86" in page
    csv = client.get(f"/staff/counts/{SLUG}/posted.csv").get_data(as_text=True).splitlines()
    assert csv[0] == ("day,constituency_code,constituency,sent,printed,dispatched,delivered,"
                      "returned,cancelled,unsure,letters,cost")
    assert csv[1].endswith("E14001259,Hackney North and Stoke Newington,0,0,1,0,0,0,0,1,0.86")
    assert "dispatched: 1" in runner.invoke(args=["post", "status", SLUG]).output


def test_staff_set_the_budget_and_class(stannp, app, client, runner):
    sign_in(client, runner)
    page = client.get("/staff/campaigns/1/posting").get_data(as_text=True)
    saved = client.post("/staff/campaigns/1/posting", data={
        "csrf_token": hidden(page, "csrf_token"), "enabled": "y", "budget_letters": "3",
        "daily_letters": "", "post_class": "first"})
    assert saved.status_code == 303
    journey = previewed(client)
    assert "posts it first class" in page_text(journey.page)
    answer = page_text(post_it(journey).get_data(as_text=True))
    assert "arrive in 1 to 3 working days" in answer
    assert stannp.letters[0].fields["addons"] == "FIRST_CLASS"
    assert "posting on: a budget of 3 letters, first class; 1 posted" in runner.invoke(
        args=["post", "status", SLUG]).output


def test_in_welsh(stannp, app, client, runner):
    budget(runner, 5)
    journey = previewed(client, welsh=True)
    assert "Postiwch ef i mi" in journey.page
    response = post_it(journey)
    text = page_text(response.get_data(as_text=True))
    assert response.status_code == 200 and "Wedi’i bostio" in text and "diwrnod gwaith" in text
    assert "llofnod wedi'i deipio" in pdf_text(stannp.letters[0].pdf)


def test_off_without_a_budget_and_without_a_provider(app_config, fake_stannp, app, client, runner):
    budget(runner, 5)  # a budget, but POST_PROVIDER is empty
    journey = previewed(client)
    assert "Post it for me" not in journey.page
    assert post_it(journey).status_code == 409


def test_the_privacy_page_names_the_printing_company(stannp, client):
    text = page_text(client.get("/privacy").get_data(as_text=True))
    assert "Stannp Ltd" in text and "processor" in text
    assert "destroyed when the campaign closes" in text


@pytest.mark.parametrize("missing, sentence", [
    ("STANNP_API_KEY", "set STANNP_API_KEY"),
    ("STANNP_TEST_MODE", "set STANNP_TEST_MODE to 1"),
    ("STANNP_WEBHOOK_SECRET", "set STANNP_WEBHOOK_SECRET"),
])
def test_production_fails_closed_without_the_stannp_settings(tmp_path, missing, sentence):
    from campaign import create_app

    config = {"APP_ENV": "production", "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789",
              "ALLOWED_HOSTS": ("letters.example.org",), "ORGANISATION_NAME": "Org",
              "ORGANISATION_URL": "https://example.org", "ORGANISATION_EMAIL": "p@example.org",
              "DATABASE_PATH": str(tmp_path / "db.sqlite3"), "POST_PROVIDER": "stannp",
              "STANNP_API_KEY": "key", "STANNP_TEST_MODE": False,
              "STANNP_WEBHOOK_SECRET": "a-long-random-webhook-secret"}
    config[missing] = None if missing == "STANNP_TEST_MODE" else ""
    with pytest.raises(ConfigError, match=sentence):
        create_app(config)


def test_a_second_press_while_the_first_is_posting_waits_and_a_dead_call_is_taken_over(app,
                                                                                        clock):
    from campaign.db import get_db
    from campaign.posting import budget

    with app.app_context():
        db = get_db()
        budget.save_settings(db, 1, budget.PostingSettings(enabled=True, budget_letters=1),
                             "now")
        letter = dict(campaign_id=1, reference_hash="r" * 64, writer="w" * 64,
                      constituency_code="E14001259", constituency_name="Hackney", provider="stannp")
        first = budget.reserve(db, now=clock.now(), day=clock.today(), **letter)
        assert first.fresh
        # The second press finds the first's call still going: it makes no call of its own.
        second = budget.reserve(db, now=clock.now(), day=clock.today(), **letter)
        assert not second.fresh and second.status == budget.RESERVED
        # A worker killed mid-call leaves its reservation: after a while the letter's own
        # retry takes it over (with the same idempotency key), and still counts once.
        clock.move(seconds=31)
        third = budget.reserve(db, now=clock.now(), day=clock.today(), **letter)
        assert third.fresh and third.row_id == first.row_id
        assert budget.counts(db, 1, clock.today()) == (1, 1)


@pytest.fixture
def limited(stannp, app_config):
    app_config["RATELIMIT_ENABLED"] = True


def test_a_script_gets_few_tries_from_one_address(limited, app, client, runner, stannp):
    budget(runner, 100)
    journey = previewed(client)
    answers = [post_it(journey).status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]
    assert len(stannp.letters) == 1

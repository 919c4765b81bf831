"""axe-core on every page a visitor can reach, at phone and desktop sizes: no serious or
critical violations. axe comes from node_modules (`make test-deps`), never a CDN.

Each page is reached once, on a phone-sized screen, checked, then widened to a desktop
and checked again: half the navigation of a test per size, and the same findings.

Every finding, of any impact, is written to test-artifacts/axe/ for a person to read,
with a screenshot of the page at each size in test-artifacts/screenshots/axe-*.png.
"""
from __future__ import annotations

import json
import re
import time

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from tests.campaign.browser.steps import (  # noqa: E402
    ASKS,
    assert_no_sideways_scroll,
    fill_letter,
    find_mp,
    open_campaign,
    preview,
    reach_preview,
    sign_in,
)
from tests.campaign.chromium import ARTIFACTS, DESKTOP, PHONE, SCREENSHOTS, new_page  # noqa: E402
from tests.campaign.helpers import SLUG  # noqa: E402

FAILING_IMPACTS = {"serious", "critical"}
# WCAG 2.2 AA (the design's bar) and axe's best practices. Named, because axe's default
# set leaves out some 2.2 rules, such as target-size.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Pages a visitor opens by address. Each must answer 200.
PUBLIC_PAGES = ["/", f"/c/{SLUG}/", f"/c/{SLUG}/help", "/privacy", "/accessibility", "/about",
                f"/c/{SLUG}/results", f"/c/{SLUG}/embed", "/r/"]
# nginx's own refusals (deploy/nginx-site.conf's error_page), here from Flask's /static/.
NGINX_PAGES = [f"/static/errors/{name}.html" for name in ("busy", "too-large", "unavailable")]

# The staff area's pages, by address. Add them here as they land (e.g. "/staff/login");
# pages behind the login need a signed-in browser context before they can be checked.
# Checked signed in as staff (see staff_page below); the login page is checked signed out.
STAFF_PAGES: list[str] = [
    "/staff/",
    "/staff/campaigns/",
    "/staff/campaigns/new",
    "/staff/campaigns/1/",
    "/staff/campaigns/1/edit",
    "/staff/campaigns/1/wording",
    "/staff/campaigns/1/asks/new",
    "/staff/campaigns/1/asks/1/edit",
    "/staff/campaigns/1/targets/new",
    "/staff/campaigns/1/targets/1/edit",
    "/staff/campaigns/1/targets/1/preview",
    "/staff/campaigns/1/preview",
    "/staff/campaigns/1/preview?language=cy",
    "/staff/campaigns/1/history",
    "/staff/campaigns/1/embed",
    "/staff/campaigns/1/stances",
    "/staff/campaigns/1/stances?q=Chorley",
    "/staff/campaigns/1/history/1/restore",
    "/staff/campaigns/1/status/closed",
    "/staff/campaigns/1/status/draft",
    "/staff/counts/",
    "/staff/counts/stop-trafficking-networks/",
    "/staff/accounts/",
    "/staff/accounts/new",
    "/staff/accounts/1/",
    "/staff/accounts/1/disable",
    "/staff/accounts/1/password",
]
STAFF_EMAIL = "axe-staff@example.org"
STAFF_PASSWORD = "correct horse battery staple"


def _write_form(page):
    open_campaign(page)
    find_mp(page, "E8 1DY")


def _speaker_form(page):
    open_campaign(page)
    find_mp(page, "PR7 1DP")


def _scottish_form(page):
    # Who decides each ask, beside it, and the offer of a second letter (issue 21).
    open_campaign(page)
    find_mp(page, "FK1 1AA")


def _two_letters(page):
    _scottish_form(page)
    fill_letter(page, asks=ASKS)
    page.get_by_label("Also write to Angela Constance MSP, Cabinet Secretary for Justice "
                      "and Home Affairs").check()
    page.get_by_role("button", name="Preview my letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letters are ready")


def _postcode_error(page):
    open_campaign(page)
    find_mp(page, "hello")


def _letter_form_errors(page):
    _write_form(page)
    page.get_by_role("button", name="Preview my letter").click()
    expect(page.get_by_role("alert")).to_be_visible()


def _vacant_seat(page):
    open_campaign(page)
    find_mp(page, "WA7 1AA")


def _crown_dependency(page):
    open_campaign(page)
    find_mp(page, "JE2 3AB")


def _terminated_postcode(page):
    open_campaign(page)
    find_mp(page, "AB1 0AA")


def _start_again(page):
    reach_preview(page)
    page.locator("input[name=letter]").first.evaluate("el => el.value = 'tampered'")
    page.get_by_role("button", name="Download PDF to print").first.click()
    # site.js fetches first and sends the form again only when no file comes back: the
    # page arrives after that second request, not on the click.
    page.get_by_role("heading", level=1, name="Please start again").wait_for()


def _not_found(page):
    page.goto("/no-such-page")


def _edit(page):
    _write_form(page)
    fill_letter(page)
    preview(page)
    page.get_by_role("button", name="Change something").click()


def _long_letter(page):
    _write_form(page)
    fill_letter(page, note="I have seen this on my own street, again and again. " * 20)
    preview(page)


def _reference(page):
    reach_preview(page)
    reference = page.locator(".reference-code").first.inner_text()
    with page.expect_download():
        page.get_by_role("button", name="Download PDF to print").first.click()
    page.goto(f"/r/{reference}")


def _reference_reported(page):
    _reference(page)
    page.get_by_role("button", name="I posted it").click()
    expect(page.get_by_role("status")).to_contain_text("recorded")


def _reference_unknown(page):
    page.goto("/r/K7QM4TZX")


def _after_download(page):
    reach_preview(page)
    with page.expect_download():
        page.get_by_role("button", name="Download PDF to print").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Print, sign and post your letter")


def _report_back_error(page):
    page.goto("/r/?reference=hello")


def _reply_error(page):
    _reference(page)
    page.get_by_role("button", name="My MP replied").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose when the reply came")


def _emailed(page):
    _write_form(page)
    fill_letter(page, asks=ASKS[:2], note="I have seen this on my own street. " * 34)
    preview(page)
    page.get_by_role("button", name="I've emailed it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for emailing your letter")


def _expired(page):
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    from campaign.public.signed_requests import SALT

    class Then(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 3 * 60 * 60

    reach_preview(page)
    signed = page.locator("input[name=letter]").first.input_value()
    payload = URLSafeTimedSerializer("browser-test-secret", salt=SALT).loads(signed)
    old = URLSafeTimedSerializer("browser-test-secret", salt=SALT, signer=Then).dumps(payload)
    page.locator("input[name=letter]").first.evaluate("(el, value) => el.value = value", old)
    page.get_by_role("button", name="Download PDF to print").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your preview has expired")


def _expired_letter_back(page):
    _expired(page)
    page.get_by_role("button", name="Get my letter back").click()
    expect(page.get_by_role("status")).to_contain_text("more than two hours ago")


# Pages reached by doing something: name -> how to get there.
STATES = {
    "letter-form": _write_form,
    "letter-form-speaker": _speaker_form,
    "letter-form-scotland": _scottish_form,
    "preview-two-letters": _two_letters,
    "preview": reach_preview,
    "change-something": _edit,
    "postcode-error": _postcode_error,
    "letter-form-errors": _letter_form_errors,
    "vacant-seat": _vacant_seat,
    "crown-dependency": _crown_dependency,
    "terminated-postcode": _terminated_postcode,
    "start-again": _start_again,
    "not-found": _not_found,
    "preview-long-letter": _long_letter,
    "reference": _reference,
    "reference-reported": _reference_reported,
    "reference-unknown": _reference_unknown,
    "after-download": _after_download,
    "report-back-error": _report_back_error,
    "reply-error": _reply_error,
    "emailed": _emailed,
    "expired": _expired,
    "expired-letter-back": _expired_letter_back,
}


def run_axe(page, axe_js) -> list[dict]:
    page.add_script_tag(path=str(axe_js))
    return page.evaluate("async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
                         ".violations", AXE_TAGS)


@pytest.fixture
def viewport():
    """Start on a phone: mobile first (check() widens the page to a desktop after)."""
    return PHONE


@pytest.fixture
def page(browser, live_server, viewport, upstreams):
    """A page that lets axe-core in: the site's Content-Security-Policy forbids the
    inline script Playwright injects it with, so only this test's browser ignores it."""
    context, page = new_page(browser, live_server, viewport, bypass_csp=True)
    yield page
    context.close()
    assert page.errors == [], f"JavaScript errors: {page.errors}"


def check(page, axe_js, name: str) -> None:
    failing = []
    for size in (PHONE, DESKTOP):
        page.set_viewport_size({"width": size.width, "height": size.height})
        violations = run_axe(page, axe_js)
        report = ARTIFACTS / "axe" / f"{name}-{size}.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(violations, indent=2))
        page.screenshot(path=SCREENSHOTS / f"axe-{name}-{size}.png", full_page=True)
        failing += [
            f"{size}: {v['impact']}: {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in violations if v["impact"] in FAILING_IMPACTS
        ]
    assert not failing, "\n".join(failing)


def _slug(path: str) -> str:
    return re.sub(r"\W+", "-", path).strip("-") or "home"


@pytest.mark.parametrize("path", PUBLIC_PAGES + NGINX_PAGES + ["/staff/login"], ids=_slug)
def test_page_has_no_serious_accessibility_problems(page, axe_js, path):
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    check(page, axe_js, _slug(path))


@pytest.mark.parametrize("state", STATES)
def test_state_has_no_serious_accessibility_problems(page, axe_js, state):
    STATES[state](page)
    page.wait_for_load_state()
    check(page, axe_js, state)


def test_service_unavailable_has_no_serious_accessibility_problems(page, axe_js, upstreams,
                                                                    live_app):
    fake_postcodes, _members = upstreams
    open_campaign(page)
    live_app.extensions["postcode_cache"].clear()  # an earlier test's answer would do
    fake_postcodes.mode = "error"
    find_mp(page, "E8 1DY")
    expect(page.locator("#service-unavailable")).to_be_visible()
    check(page, axe_js, "service-unavailable")


@pytest.fixture(scope="module")
def staff_account(live_app):
    """An admin account (an admin sees every staff page, the accounts pages too), and a
    letter written so the counts pages have charts to show."""
    from campaign.accounts.users import create_user
    from campaign.db import get_db
    from campaign.staff.editing.letter_wording import update_wording
    from campaign.staff.editing.recording import Editor
    from tests.campaign.helpers import Journey

    with live_app.app_context():
        user = create_user(get_db(), STAFF_EMAIL, STAFF_PASSWORD, "admin")
        # History entry 1 is then the launch wording, which the restore page compares.
        launch = get_db()["campaigns"].get(1)
        update_wording(get_db(), 1, {"opening": launch["opening"] + " Edited.",
                                     "closing": launch["closing"],
                                     "subject": launch["subject"]},
                       Editor(id=user.id, email=user.email))
        # Some Welsh written, so the forms show Welsh fields open as well as folded.
        with get_db().conn:
            get_db()["campaigns"].update(1, {"opening_cy": "Cymraeg: " + launch["opening"],
                                             "title_cy": "Cymraeg: " + launch["title"]})
            get_db().execute("update asks set title_cy = 'Cymraeg: ' || title where id = 1")
    journey = Journey(live_app.test_client())
    journey.find_mp("E8 1DY")
    journey.write()
    assert journey.download("pdf").status_code == 200
    return STAFF_EMAIL


@pytest.mark.parametrize("path", STAFF_PAGES, ids=_slug)
def test_staff_page_has_no_serious_accessibility_problems(page, axe_js, staff_account, path):
    page.goto("/staff/login")
    page.get_by_label("Email address").fill(staff_account)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    # No staff page scrolls sideways on a 390 px phone (issue 24).
    page.set_viewport_size({"width": PHONE.width, "height": PHONE.height})
    assert_no_sideways_scroll(page)
    check(page, axe_js, "staff-" + _slug(path))


def test_a_wording_mistake_is_quoted_beside_its_field(page, axe_js, staff_account):
    page.goto("/staff/login")
    page.get_by_label("Email address").fill(staff_account)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.goto("/staff/campaigns/1/wording")
    page.get_by_label("Opening", exact=True).fill("I live in {{ constituncy }}.\n\nI am a constituent.")
    page.get_by_role("button", name="Save wording").click()
    page.wait_for_load_state()
    expect(page.locator("#opening-error")).to_contain_text(
        "“{{ constituncy }}” is not a placeholder: did you mean “{{ constituency }}”?")
    check(page, axe_js, "staff-wording-error")


def test_welsh_fields_sit_under_their_english_and_name_their_mistakes(page, axe_js, staff_account):
    def shoot(step: str) -> None:
        # A person looks at these: the form at a phone's width and at a desktop's.
        for size in (PHONE, DESKTOP):
            page.set_viewport_size({"width": size.width, "height": size.height})
            page.screenshot(path=SCREENSHOTS / f"staff-welsh-{step}-{size.width}.png",
                            full_page=True)
            if size is PHONE:  # nothing scrolls sideways on a phone, Welsh fields open too
                assert_no_sideways_scroll(page)

    sign_in(page, staff_account, STAFF_PASSWORD)
    page.goto("/staff/campaigns/1/wording")
    shoot("wording")
    # A folded Welsh field opens to be written; a mistake in it is named and quoted.
    page.locator("summary", has_text="of Closing request").click()
    page.get_by_label("Closing request in Welsh (Cymraeg)").fill("Atebwch {{ mp_nam }}.")
    page.get_by_role("button", name="Save wording").click()
    page.wait_for_load_state()
    expect(page.locator("#closing_cy-error")).to_contain_text("Closing in Welsh: ")
    expect(page.locator("#closing_cy")).to_have_attribute("lang", "cy")
    expect(page.locator("#closing_cy")).to_be_visible()
    check(page, axe_js, "staff-welsh-wording-error")
    shoot("wording-error")
    page.goto("/staff/campaigns/1/asks/1/edit")
    # Each nation's rule is folded until opened (issue 30).
    page.locator("details.nation-rule-fold > summary", has_text="Scotland").click()
    page.locator("summary", has_text="of Who decides it in Scotland").click()
    shoot("ask")

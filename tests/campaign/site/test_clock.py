"""One clock, in UK time: a letter is dated and counted by the UK's calendar, whatever the
server's time zone, and tests move the clock instead of sleeping."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import date, datetime, timedelta, timezone

import pytest

from campaign import clock as clocks
from campaign.clock import UK, Clock, FixedClock
from campaign.db import get_db
from tests.campaign.helpers import page_text
from tests.letters.helpers import pdf_text

# 23:30 UTC on 1 June is 00:30 BST on 2 June; on 1 December it is 23:30 GMT, still the 1st.
SUMMER_NIGHT = datetime(2026, 6, 1, 23, 30, tzinfo=timezone.utc)
WINTER_NIGHT = datetime(2026, 12, 1, 23, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize(("moment", "day", "written"), [
    (SUMMER_NIGHT, date(2026, 6, 2), "2 June 2026"),
    (WINTER_NIGHT, date(2026, 12, 1), "1 December 2026"),
])
def test_a_letter_is_dated_and_counted_by_the_uk_calendar(app, journey, clock, moment, day,
                                                           written):
    clock.set(moment)
    journey.find_mp("E8 1DY")
    journey.write()
    assert written in page_text(journey.page)
    response = journey.download("pdf")
    assert f"letter-to-diane-abbott-{day.isoformat()}.pdf" in \
        response.headers["Content-Disposition"]
    assert written in pdf_text(response.data)
    with app.app_context():
        counted = [row["day"] for row in get_db().query("select day from letters")]
        asks = {row["day"] for row in get_db().query("select day from letter_asks")}
    assert counted == [day.isoformat()] and asks == {day.isoformat()}


# UTC+14 and UTC-11: 25 hours apart, so their own calendars never agree.
FAR_AWAY = ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"]

SHOW_THE_CLOCK = """
import json, os, sys, time
from datetime import date
from campaign.clock import Clock
shown = {}
for zone in sys.argv[1:]:
    os.environ["TZ"] = zone
    time.tzset()  # as if the server had been started in that zone
    clock = Clock()
    shown[zone] = {"today": clock.today().isoformat(), "local": date.today().isoformat(),
                   "offset": clock.now().utcoffset().total_seconds(),
                   "stamp": clock.timestamp()}
print(json.dumps(shown))
"""


def test_the_real_clock_keeps_uk_dates_on_a_server_far_away():
    """On a server whose own calendar is a day off the UK's, the clock's is not."""
    before = datetime.now(timezone.utc).astimezone(UK).date()
    answer = subprocess.run([sys.executable, "-c", SHOW_THE_CLOCK, *FAR_AWAY],
                            capture_output=True, text=True, check=True, timeout=120)
    after = datetime.now(timezone.utc).astimezone(UK).date()
    shown = json.loads(answer.stdout)
    for zone in FAR_AWAY:
        assert date.fromisoformat(shown[zone]["today"]) in {before, after}, zone
        assert shown[zone]["offset"] == 0 and shown[zone]["stamp"].endswith("+00:00"), zone
    # The zones really moved the process's own calendar.
    assert shown["Pacific/Kiritimati"]["local"] != shown["Pacific/Pago_Pago"]["local"]


def test_a_fixed_clock_moves_only_when_moved():
    clock = FixedClock(SUMMER_NIGHT)
    assert clock.now() == SUMMER_NIGHT and clock.now() == SUMMER_NIGHT
    started = clock.monotonic()
    clock.move(minutes=29)
    assert clock.today() == date(2026, 6, 2)
    assert clock.timestamp() == "2026-06-01T23:59:00+00:00"
    assert clock.monotonic() - started == 29 * 60
    with pytest.raises(ValueError, match="forward only"):
        clock.move(seconds=-1)
    clock.set_today(date(2026, 3, 29))  # the day BST starts: noon is 11:00 UTC
    assert clock.now() == datetime(2026, 3, 29, 11, tzinfo=timezone.utc)
    assert clock.monotonic() - started == 29 * 60  # going back never runs an interval back
    with pytest.raises(ValueError, match="aware datetime"):
        clock.set(datetime(2026, 1, 1))


def test_the_real_clock_is_utc_and_the_uks_date():
    now = Clock().now()
    assert now.tzinfo is not None and now.utcoffset() == timedelta(0)
    assert abs(now - datetime.now(timezone.utc)) < timedelta(seconds=5)
    assert Clock().today() in {(now + timedelta(seconds=s)).astimezone(UK).date() for s in (0, 5)}


def test_the_clock_in_force_is_the_apps_then_a_jobs_then_the_real_one(app, clock):
    assert clocks.current() is clocks.SYSTEM  # no app here
    with app.app_context():
        assert clocks.current() is clock and clocks.now() == clock.now()
    seen = []

    def job():
        seen.append(clocks.current())  # a new thread has no app, nor the job's clock
        with clocks.running_on(clock):
            seen.append(clocks.current())
        seen.append(clocks.current())

    thread = threading.Thread(target=job)
    thread.start()
    thread.join()
    assert seen == [clocks.SYSTEM, clock, clocks.SYSTEM]


def test_the_background_refresh_stamps_the_register_by_the_apps_clock(app, journey, clock,
                                                                   fake_members):
    clock.set(SUMMER_NIGHT)
    upkeep = app.extensions["mp_finder"].upkeep
    upkeep.enabled = True
    journey.find_mp("E8 1DY")  # never loaded: the lookup starts a refresh
    upkeep.wait(120)  # a passing test waits only as long as its refresh
    with app.app_context():
        from campaign.lookup import register
        assert register.refreshed_at(get_db()) == "2026-06-01T23:30:00.000+00:00"

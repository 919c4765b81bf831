"""The campaign page's letter counter: cheap to show, and the writer's own letter counts."""
from __future__ import annotations

from campaign.public import counter
from tests.journey import Journey, page_text


def test_the_counter_is_not_recounted_on_every_view(client, monkeypatch):
    calls = []
    real = counter.letters_count
    monkeypatch.setattr(counter, "letters_count",
                        lambda db, campaign_id: calls.append(campaign_id) or real(db, campaign_id))
    for _ in range(5):
        assert client.get("/").status_code == 200
    assert len(calls) == 1


def test_a_writer_returning_to_the_page_sees_their_letter_counted(client):
    journey = Journey(client)
    journey.open()
    assert "written so far" not in page_text(journey.page)
    journey.find_mp("E8 1DY")
    journey.write()
    assert journey.download("pdf").status_code == 200
    journey.open()
    assert "1 letter written so far" in page_text(journey.page)

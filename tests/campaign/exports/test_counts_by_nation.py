"""Organisers count letters by the writers' nation (issue 24, with the devolved asks)."""
from __future__ import annotations

import csv
import io

from tests.campaign.helpers import (
    ORGANISER,
    SLUG,
    Journey,
    page_text,
    sign_in,
    welsh_journey,
    write_pdf_letter,
)


def test_letters_are_counted_by_nation_on_the_page_and_in_the_files(app, client, runner):
    for postcode in ("E8 1DY", "E8 1DY", "LL77 7TW", "FK1 1AA", "BT7 1NN"):
        write_pdf_letter(app.test_client(), postcode)
    organiser = sign_in(client, runner, ORGANISER, "organiser")
    page = page_text(organiser.get(f"/staff/counts/{SLUG}/").get_data(as_text=True))
    assert ("Letters by nation Letters to MPs by where their writers live" in page)
    assert "England 1 2 Wales 1 1 Scotland 1 1 Northern Ireland 1 1" in page
    response = organiser.get(f"/staff/counts/{SLUG}/by-nation.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows == [["nation", "constituencies", "letters"], ["England", "1", "2"],
                    ["Wales", "1", "1"], ["Scotland", "1", "1"], ["Northern Ireland", "1", "1"]]
    cli = runner.invoke(args=["export", "counts", "--by", "nation", "--campaign", SLUG])
    assert cli.exit_code == 0 and "Northern Ireland,1,1" in cli.output


def test_letters_are_counted_by_language(app, client, runner):
    for journey in (Journey(app.test_client()), welsh_journey(app.test_client()),
                    Journey(app.test_client())):
        journey.find_mp("E8 1DY")
        journey.write()
        assert journey.download("pdf").status_code == 200
    organiser = sign_in(client, runner, ORGANISER, "organiser")
    rows = list(csv.reader(io.StringIO(organiser.get(f"/staff/counts/{SLUG}/by-language.csv")
                                       .get_data(as_text=True).lstrip("\ufeff"))))
    assert rows == [["language", "letters"], ["English", "2"], ["Welsh (Cymraeg)", "1"]]
    page = page_text(organiser.get(f"/staff/counts/{SLUG}/").get_data(as_text=True))
    assert "Letters by language" in page and "English 2 Welsh (Cymraeg) 1" in page

"""A Welsh writer's email copy of the letter (campaign/public/emailing.py): greeted and
signed off in Welsh (issue 25). The letter's own Welsh is tests/letters/test_welsh_letter.py."""
from __future__ import annotations

from dataclasses import replace

from campaign.public.emailing import email_body, email_subject
from tests.letters.helpers import SENDER, welsh_letter


def test_the_welsh_email_greets_and_signs_off_in_welsh():
    letter = replace(welsh_letter(), subject="")
    body = email_body(letter)
    assert body.startswith("Annwyl Ms Abbott\n\n")
    assert f"\n\nYn gywir\n\n{SENDER.full_name}\n" in body
    assert email_subject(letter) == f"Llythyr gan eich etholwr {SENDER.full_name}"

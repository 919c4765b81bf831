"""The staff pages of a campaign's other targets (second letters). Thin, as staff.views:
each reads a form, calls staff.target_editing and renders the answer. Staff only.

/staff/campaigns/<id>/targets/new                 add a target
/staff/campaigns/<id>/targets/<tid>/edit          change it
/staff/campaigns/<id>/targets/<tid>/preview       its letter from a sample writer, as HTML
/staff/campaigns/<id>/targets/<tid>/preview/<fmt> ... as PDF, DOCX or envelope
"""
from __future__ import annotations

import json

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from campaign.accounts.sign_in import role_required
from campaign.campaigns import all_asks, campaign_by_id, enabled_asks
from campaign.campaigns.targets import campaign_target, target_row
from campaign.clock import today
from campaign.db import get_db
from campaign.public.composing import second_letter
from campaign.public.downloads import letter_file
from campaign.staff import target_editing
from campaign.staff.forms import target_form
from campaign.staff.preview import SAMPLE_MP, SAMPLE_SENDER
from campaign.staff.saving import saved, show_errors
from letters.file_formats import FILE_FORMATS
from letters.languages import ENGLISH, REGISTER, Language, translations
from letters.limits import LetterTooLong
from letters.phrasings import new_seed
from letters.targets import NoTargetAsks
from letters.wording import PLACEHOLDERS

bp = Blueprint("staff_targets", __name__, url_prefix="/staff/campaigns")
staff_only = role_required("staff")


def _campaign_or_404(campaign_id: int):
    return campaign_by_id(get_db(), campaign_id) or abort(404)


def _form_data(row: dict) -> dict:
    data = {name: row[name] or "" for name in ("office", "holder", "address", "email")}
    data.update({language.column(name): row[language.column(name)] or ""
                 for language in REGISTER.values()
                 for name in ("salutation", "subject", "opening", "closing")})
    data["nations"] = [code for code in (row["nations"] or "").split(",") if code]
    for language in REGISTER.values():
        for ask_id, text in json.loads(row[language.column("ask_paragraphs")] or "{}").items():
            data[language.column(f"ask_{ask_id}")] = text
    return data


def _page(form, campaign, asks, target_id=None):
    if form.errors or form.form_errors:
        # The form's own checks failed: name every other mistake too, in the same round.
        problems = target_editing.target_problems(form.data, [ask.id for ask in asks])
        if problems is not None:
            show_errors(form, problems)
    return render_template("staff/target_form.html", form=form, campaign=campaign, asks=asks,
                           target_id=target_id, placeholders=PLACEHOLDERS), \
        422 if form.errors else 200


@bp.route("/<int:campaign_id>/targets/new", methods=["GET", "POST"])
@staff_only
def new_target(campaign_id: int):
    """Add a second letter: an office writers in chosen nations may also write to."""
    campaign = _campaign_or_404(campaign_id)
    asks = all_asks(get_db(), campaign_id)
    form = target_form(asks)
    if form.validate_on_submit() and saved(form, target_editing.create_target, campaign_id,
                                           form.data, [ask.id for ask in asks]):
        flash("Second letter added.")
        return redirect(url_for("staff.campaign", campaign_id=campaign_id) + "#targets")
    return _page(form, campaign, asks)


@bp.route("/<int:campaign_id>/targets/<int:target_id>/edit", methods=["GET", "POST"])
@staff_only
def edit_target(campaign_id: int, target_id: int):
    """Change a second letter's office, address, nations or wording."""
    campaign = _campaign_or_404(campaign_id)
    row = target_row(get_db(), campaign_id, target_id) or abort(404)
    asks = all_asks(get_db(), campaign_id)
    form = target_form(asks, data=_form_data(row))
    if form.validate_on_submit() and saved(form, target_editing.update_target, campaign_id,
                                           target_id, form.data, [ask.id for ask in asks]):
        flash("Second letter saved.")
        return redirect(url_for("staff.campaign", campaign_id=campaign_id) + "#targets")
    return _page(form, campaign, asks, target_id)


def _asked_translation() -> Language | None:
    """The language beside English the preview's ?language= asks for, or None."""
    asked = request.args.get("language")
    return next((language for language in translations() if language.code == asked), None)


def _preview_letter(campaign_id: int, target_id: int, seed: int,
                    language: Language | None = None):
    """(target, nation, letter or None, why not, whether translated) for a sample writer
    in the target's first nation, with every enabled ask; in `language` when the
    target's translation into it is complete, as a writer on its pages would get it."""
    target = campaign_target(get_db(), campaign_id, target_id) or abort(404)
    nation = target.nations[0] if target.nations else None
    translated = target.in_language(language.code) if language else None
    code = language.code if language and translated else ENGLISH
    try:
        # Composed as a writer's second letter is (campaign.public.composing).
        letter = second_letter(
            target=translated or target, asks=enabled_asks(get_db(), campaign_id, code),
            nation=nation, mp=SAMPLE_MP, sender=SAMPLE_SENDER, day=today(), seed=seed,
            language=code)
    except (NoTargetAsks, LetterTooLong) as error:
        return target, nation, None, str(error), translated is not None
    return target, nation, letter, None, translated is not None


@bp.get("/<int:campaign_id>/targets/<int:target_id>/preview")
@staff_only
def preview_target(campaign_id: int, target_id: int):
    """A second letter as a sample writer in its first nation would get it."""
    campaign = _campaign_or_404(campaign_id)
    seed = request.args.get("seed", type=int) or new_seed()
    asked = _asked_translation()
    target, nation, letter, problem, in_translation = _preview_letter(
        campaign_id, target_id, seed, asked)
    translation = asked or translations()[0]
    return render_template("staff/target_preview.html", campaign=campaign, target=target,
                           nation=nation, letter=letter, problem=problem, seed=seed,
                           translation=translation, in_translation=in_translation,
                           translation_ready=target.in_language(translation.code) is not None)


@bp.get("/<int:campaign_id>/targets/<int:target_id>/preview/<fmt>")
@staff_only
def preview_target_download(campaign_id: int, target_id: int, fmt: str):
    """The preview second letter as PDF, DOCX or envelope; not counted."""
    file_format = FILE_FORMATS.get(fmt) or abort(404)
    _campaign_or_404(campaign_id)
    _target, _nation, letter, _problem, _translated = _preview_letter(
        campaign_id, target_id, request.args.get("seed", 0, type=int), _asked_translation())
    if letter is None:
        return redirect(url_for("staff_targets.preview_target", campaign_id=campaign_id,
                                target_id=target_id))
    return letter_file(file_format, letter, prefix="preview-")

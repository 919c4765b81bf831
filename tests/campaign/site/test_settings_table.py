"""Every setting is declared once (campaign.config.SETTINGS) and documented once (the
README's configuration table); these tests hold the two equal, and hold every setting
to its promise: a value it cannot take stops start-up with one sentence."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from campaign.config import SETTINGS, ConfigError, from_environment

ROOT = Path(__file__).resolve().parents[3]
ROW = re.compile(r"^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \| ([^|]*) \|")


def readme_settings() -> dict[str, str | None]:
    """The README's configuration table: each variable and its default when the cell
    gives it plainly (`value`, perhaps with a note in brackets), else None."""
    text = (ROOT / "README.md").read_text("utf-8")
    table = text.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    found = {}
    for line in table.splitlines():
        match = ROW.match(line)
        if not match:
            continue
        names = re.findall(r"`([A-Z_]+)`", match.group(1))
        cell = match.group(2).strip()
        parts = cell.split(", ") if len(names) > 1 else [cell]
        assert len(parts) == len(names), f"one default per name in the README's row: {line}"
        for name, part in zip(names, parts, strict=True):
            plain = re.fullmatch(r"`([^`]*)`(?: \(.*\))?", part)
            found[name] = plain.group(1) if plain else None
    return found


def test_the_readme_documents_every_declared_setting_and_no_other():
    documented = set(readme_settings())
    declared = {setting.name for setting in SETTINGS}
    assert declared - documented == set(), "declared in campaign/config.py, not in the README"
    assert documented - declared == set(), "in the README, not declared in campaign/config.py"


def test_the_readme_gives_each_setting_its_declared_default():
    documented = readme_settings()
    for setting in SETTINGS:
        if setting.default is not None or documented[setting.name] is not None:
            assert documented[setting.name] == setting.default, setting.name


def test_every_setting_has_a_sentence_of_help_and_its_default_is_one_it_takes():
    for setting in SETTINGS:
        assert setting.help.endswith(".") and len(setting.help) > 20, setting.name
        if setting.default is not None:
            setting.kind.read(setting.default)  # raises if the default is not acceptable


def test_the_site_reads_no_variable_the_table_does_not_declare():
    declared = {setting.name for setting in SETTINGS}
    sources = [ROOT / "gunicorn.conf.py", *(ROOT / "campaign").rglob("*.py")]
    read = set()
    for source in sources:
        text = source.read_text("utf-8")
        read |= set(re.findall(r"""setting\(\s*["']([A-Z_]+)["']""", text))
        read |= set(re.findall(r"""environ(?:\.get\(|\[)\s*["']([A-Z_]+)["']""", text))
    # The demo's own organisation and the processes tests start are not the site's settings,
    # nor is GUNICORN_PID, which gunicorn sets in a master started by USR2 (gunicorn.conf.py),
    # nor the WSGI environ's PATH_INFO and SCRIPT_NAME (campaign/languages.py's /cy/ prefix).
    assert read - declared <= {"PYTHONUNBUFFERED", "GUNICORN_PID", "PATH_INFO", "SCRIPT_NAME"}, \
        read - declared


@pytest.mark.parametrize("name, value, takes", [
    ("SESSION_HOURS", "eight", "a number of hours above 0"),
    ("SESSION_HOURS", "-1", "a number of hours above 0"),
    ("UPSTREAM_READ_TIMEOUT", "3s", "a number of seconds above 0"),
    ("UPSTREAM_READ_TIMEOUT", "0", "a number of seconds above 0"),
    ("TRUSTED_PROXIES", "yes", "a whole number of proxies from 0 to 5"),
    ("TRUSTED_PROXIES", "-1", "a whole number of proxies from 0 to 5"),
    ("LETTER_FORM_MAX_AGE", "2h", "a whole number of seconds from 60"),
    ("LETTER_FORM_MAX_AGE", "0", "a whole number of seconds from 60"),
    ("UPSTREAM_BREAKER_FAILURES", "0", "a whole number of failures from 1"),
    ("MP_REGISTER_MAX_AGE", "inf", "a number of seconds above 0"),
    ("RATELIMIT_ENABLED", "maybe", "1 (on) or 0 (off)"),
    ("POSTCODE_SOURCE", "everywhere", "one of local, remote, both"),
    ("POSTCODES_API_URL", "api.postcodes.io", "a web address starting https://"),
    ("ALLOWED_HOSTS", "https://letters.example.org/", "host names separated by commas"),
    ("FLASK_DEBUG", "sometimes", "1 (on) or 0 (off)"),
])
def test_a_value_a_setting_cannot_take_is_one_sentence_naming_it(name, value, takes):
    with pytest.raises(ConfigError) as raised:
        from_environment("/tmp", {"APP_ENV": "test", name: value})
    sentence = str(raised.value)
    assert sentence.startswith(f"{name} is {value!r}, but it takes {takes}")
    assert sentence.count(". ") == 0 and sentence.endswith(".")


def test_an_empty_value_is_the_default():
    config = from_environment("/tmp", {"APP_ENV": "test", "SESSION_HOURS": " ",
                                       "RATELIMIT_STORAGE_URI": ""})
    assert config["SESSION_HOURS"] == 8 and config["RATELIMIT_STORAGE_URI"] == "memory://"


def _environ(**settings) -> dict:
    kept = {k: v for k, v in os.environ.items()
            if not k.startswith(("APP_", "FLASK_", "SECRET_", "GUNICORN_", "WEB_"))}
    return {**kept, **settings}


def test_flask_init_db_says_the_sentence_without_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "init-db"], cwd=ROOT,
        capture_output=True, text=True, timeout=60,
        env=_environ(APP_ENV="test", SESSION_HOURS="eight",
                     DATABASE_PATH=str(tmp_path / "x.sqlite3")))
    assert result.returncode != 0
    assert result.stderr.strip() == ("Configuration error: SESSION_HOURS is 'eight', but it "
                                     "takes a number of hours above 0 and at most 720, such "
                                     "as 8.")
    assert not (tmp_path / "x.sqlite3").exists()


def test_gunicorn_says_the_sentence_of_its_own_settings_without_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"], cwd=ROOT,
        capture_output=True, text=True, timeout=60,
        env=_environ(APP_ENV="test", GUNICORN_THREADS="four", GUNICORN_NO_CONTROL_SOCKET="1",
                     DATABASE_PATH=str(tmp_path / "x.sqlite3"), PORT="0"))
    assert result.returncode != 0
    assert "Configuration error: GUNICORN_THREADS is 'four', but it takes a whole number " \
           "of threads from 1 to 64, such as 4." in result.stderr
    assert "Traceback" not in result.stderr


def test_every_setting_the_app_reads_reaches_its_config_under_its_own_name():
    config = from_environment("/tmp", {"APP_ENV": "test"})
    for entry in SETTINGS:
        if entry.server_only:
            assert entry.name not in config, entry.name  # gunicorn's and make's own
        elif entry.name != "FLASK_DEBUG":  # passed on as Flask's DEBUG when on
            assert entry.name in config, entry.name


def test_a_new_setting_needs_only_its_entry_in_the_table(monkeypatch):
    from campaign import config as config_module

    added = config_module.Setting("LETTERS_PER_PAGE", "20",
                                  config_module.number("letters", at_least=1, whole=True,
                                                       example="20"), "A new setting.")
    monkeypatch.setattr(config_module, "SETTINGS", (*SETTINGS, added))
    assert from_environment("/tmp", {"APP_ENV": "test"})["LETTERS_PER_PAGE"] == 20
    assert from_environment("/tmp", {"APP_ENV": "test",
                                     "LETTERS_PER_PAGE": "7"})["LETTERS_PER_PAGE"] == 7
    with pytest.raises(ConfigError, match="LETTERS_PER_PAGE is 'many', but it takes"):
        from_environment("/tmp", {"APP_ENV": "test", "LETTERS_PER_PAGE": "many"})

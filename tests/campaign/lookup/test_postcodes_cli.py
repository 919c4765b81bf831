"""`flask postcodes ...` and the site's postcode sources: local first, postcodes.io after."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from campaign import create_app, migrations
from campaign.config import ConfigError, from_environment
from campaign.db import get_db
from campaign.lookup import register
from campaign.lookup.errors import (
    NoWestminsterConstituency,
    PostcodeNotFound,
    PostcodeTerminated,
    UpstreamUnavailable,
)
from campaign.lookup.local_source import DirectoryMissing
from campaign.lookup.postcode import Constituency, normalise_postcode

FIXTURES = Path(__file__).parents[1] / "fixtures" / "postcodes"
NSPL_SAMPLE = FIXTURES / "NSPL_FEB_2024_UK_SW.csv"
ONSPD_SAMPLE = FIXTURES / "ONSPD_NOV_2024_UK_TN.csv"
NAMES = FIXTURES / "Westminster Parliamentary Constituency names and codes UK as at 12_24.csv"
REAL_NSPL = Path(__file__).resolve().parents[4] / "shared" / "data" / "nspl-2021"

# What the fake postcodes.io knows: compact postcode -> (GSS code, name, country).
UPSTREAM = {
    "BR87RE": ("E14001465", "Sevenoaks", "England"),
    "SW1A1AA": ("E14001172", "Cities of London and Westminster", "England"),
    "ZE10AA": ("S14000051", "Orkney and Shetland", "Scotland"),
}


class FakePostcodesIO(BaseHTTPRequestHandler):
    """Answers GET /postcodes/<pc> in postcodes.io's shape, and remembers what was asked."""

    asked: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        compact = self.path.rsplit("/", 1)[-1].upper()
        type(self).asked.append(compact)
        if compact in UPSTREAM:
            code, name, country = UPSTREAM[compact]
            status, body = 200, {"status": 200, "result": {
                "postcode": compact[:-3] + " " + compact[-3:], "country": country,
                "parliamentary_constituency_2024": name,
                "codes": {"parliamentary_constituency_2024": code},
            }}
        else:
            status, body = 404, {"status": 404, "error": "Postcode not found"}
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def upstream():
    FakePostcodesIO.asked = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakePostcodesIO)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", FakePostcodesIO.asked
    server.shutdown()
    server.server_close()


def make_app(tmp_path: Path, upstream_url: str = "http://127.0.0.1:9", **config):
    return create_app({
        "TESTING": True,
        "SECRET_KEY": "test",
        "DATABASE_PATH": str(tmp_path / "campaign.sqlite3"),
        "POSTCODES_API_URL": upstream_url,
        "UPSTREAM_CONNECT_TIMEOUT": 1.0,
        "UPSTREAM_READ_TIMEOUT": 2.0,
        **config,
    })


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def imported(runner, *paths: Path):
    result = runner.invoke(args=["postcodes", "import", *map(str, paths)])
    assert result.exit_code == 0, result.output
    return result


def source_of(app):
    return app.extensions["mp_finder"].postcodes


# --- the commands ---------------------------------------------------------------------------

def test_import_prints_a_summary_and_writes_beside_the_database(runner, tmp_path):
    result = imported(runner, NSPL_SAMPLE, NAMES)
    lines = result.output.splitlines()
    assert "Imported NSPL February 2024: 9 rows, 8 live (3 in no Westminster constituency), " \
           "1 terminated; took" in result.output
    assert "Read 5 constituency names." in lines
    # The names table lacks S14000051; the shipped 2024 list names it.
    assert "All 4 constituencies have names." in lines
    assert (tmp_path / "postcode-directory.bin").is_file()


def test_lookup_prints_a_line_per_postcode(runner):
    imported(runner, NSPL_SAMPLE)
    result = runner.invoke(args=["postcodes", "lookup", "sw1a 1aa", "SW1A2ZZ", "JE2 4WD",
                                 "SW1A 0PW", "SW1A 9XX", "hello"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "sw1a 1aa\tE14001172",
        "SW1A2ZZ\tterminated",
        "JE2 4WD\tnone",
        "SW1A 0PW\tnone",
        "SW1A 9XX\tnot-found",
        "hello\tinvalid",
    ]


def test_lookup_reads_one_postcode_a_line_from_stdin(runner):
    imported(runner, NSPL_SAMPLE)
    result = runner.invoke(args=["postcodes", "lookup", "-"],
                           input="IM1 1AA\n\n  gu11 1aa  \nZE1 0AA\n")
    assert result.exit_code == 0, (result.output, result.exc_info)
    assert result.output.splitlines() == ["IM1 1AA\tnone", "gu11 1aa\tE14001063",
                                          "ZE1 0AA\tS14000051"]


def test_lookup_without_a_directory_says_how_to_get_one(runner):
    result = runner.invoke(args=["postcodes", "lookup", "SW1A 1AA"])
    assert result.exit_code == 1
    assert "No postcode directory at" in result.output
    assert "postcodes import" in result.output


def test_a_failed_import_says_so_and_the_old_directory_still_answers(runner, tmp_path):
    imported(runner, NSPL_SAMPLE)
    not_ons = tmp_path / "mps.csv"
    not_ons.write_text("name,party\nDiane Abbott,Labour\n")

    result = runner.invoke(args=["postcodes", "import", str(ONSPD_SAMPLE), str(not_ons)])

    assert result.exit_code == 1
    assert "mps.csv: not an ONS postcode file" in result.output
    assert "The directory in use was not changed." in result.output
    lookup = runner.invoke(args=["postcodes", "lookup", "SW1A 1AA", "TN13 1AA"])
    assert lookup.output.splitlines() == ["SW1A 1AA\tE14001172", "TN13 1AA\tnot-found"]


def test_info_describes_the_loaded_release(runner):
    imported(runner, ONSPD_SAMPLE)
    result = runner.invoke(args=["postcodes", "info"])
    assert "release\tONSPD November 2024" in result.output.splitlines()
    assert "postcodes\t3" in result.output.splitlines()


def test_info_warns_when_the_directory_is_for_other_boundaries(runner, tmp_path):
    old = tmp_path / "NSPL_FEB_2019_UK_SW.csv"  # 2010 boundaries: codes the site can't name
    old.write_text(NSPL_SAMPLE.read_text("utf-8").replace("E14001172", "E14000639"), "utf-8")
    imported(runner, old)
    lines = runner.invoke(args=["postcodes", "info"]).output.splitlines()
    assert "boundaries\t3 of the 2024 constituencies" in lines
    warning = next(line for line in lines if line.startswith("Warning:"))
    assert "1 code the site does not know" in warning
    assert "E14000639" in warning and "boundary review" in warning


def test_postcode_directory_path_puts_the_directory_where_configured(tmp_path):
    elsewhere = tmp_path / "data" / "onspd.bin"
    app = make_app(tmp_path, POSTCODE_DIRECTORY_PATH=str(elsewhere))
    imported(app.test_cli_runner(), ONSPD_SAMPLE)
    assert elsewhere.is_file()
    assert not (tmp_path / "postcode-directory.bin").exists()


@pytest.mark.skipif(not REAL_NSPL.is_dir(), reason="shared NSPL sample not present")
def test_import_of_the_real_nspl_files_reports_their_counts(runner):
    result = imported(runner, *sorted(REAL_NSPL.glob("*.csv.gz")))
    assert "Imported NSPL November 2021: 123,018 rows, 94,566 live" in result.output
    assert "28,452 terminated" in result.output
    lookup = runner.invoke(args=["postcodes", "lookup", "DG1 1AA", "DG1 1AD", "JE1 0BD"])
    assert lookup.output.splitlines() == ["DG1 1AA\tS14000013", "DG1 1AD\tterminated",
                                          "JE1 0BD\tnone"]


# --- the site: local first, postcodes.io after (POSTCODE_SOURCE) -----------------------------

def test_both_answers_known_postcodes_locally_without_asking_postcodes_io(tmp_path, upstream):
    url, asked = upstream
    app = make_app(tmp_path, url)
    imported(app.test_cli_runner(), NSPL_SAMPLE, NAMES)
    found = source_of(app).constituency(normalise_postcode("sw1a1aa"))
    assert (found.code, found.name) == ("E14001172", "Cities of London and Westminster")
    assert asked == []


def test_both_asks_postcodes_io_for_what_the_directory_does_not_know(tmp_path, upstream):
    url, asked = upstream
    app = make_app(tmp_path, url)
    imported(app.test_cli_runner(), NSPL_SAMPLE, NAMES)
    found = source_of(app).constituency(normalise_postcode("BR8 7RE"))
    assert (found.code, found.name) == ("E14001465", "Sevenoaks")
    # The names table lacks this one; the shipped 2024 list names it, so no need to ask.
    found = source_of(app).constituency(normalise_postcode("ZE1 0AA"))
    assert found.name == "Orkney and Shetland"
    assert asked == ["BR87RE"]


def test_both_asks_postcodes_io_about_a_constituency_it_cannot_name(tmp_path, upstream):
    url, asked = upstream
    app = make_app(tmp_path, url)
    old = tmp_path / "NSPL_FEB_2019_UK_SW.csv"  # 2010 boundaries: codes the site can't name
    old.write_text(NSPL_SAMPLE.read_text("utf-8").replace("E14001172", "E14000639"), "utf-8")
    imported(app.test_cli_runner(), old)
    found = source_of(app).constituency(normalise_postcode("SW1A 1AA"))
    assert found.name == "Cities of London and Westminster"
    assert asked == ["SW1A1AA"]


def test_both_uses_postcodes_io_while_there_is_no_directory(tmp_path, upstream):
    url, asked = upstream
    app = make_app(tmp_path, url)
    assert source_of(app).constituency(normalise_postcode("SW1A 1AA")).name == \
        "Cities of London and Westminster"
    assert asked == ["SW1A1AA"]


def test_terminated_and_pseudo_code_postcodes_are_answered_locally(tmp_path, upstream):
    url, asked = upstream
    app = make_app(tmp_path, url)
    imported(app.test_cli_runner(), NSPL_SAMPLE, NAMES)
    finder = app.extensions["mp_finder"]
    with pytest.raises(PostcodeTerminated, match="SW1A 2ZZ stopped being used in 1996"):
        finder.constituency(normalise_postcode("SW1A 2ZZ"))
    with pytest.raises(NoWestminsterConstituency):
        finder.constituency(normalise_postcode("SW1A 0PW"))
    with pytest.raises(NoWestminsterConstituency, match="Jersey"):
        source_of(app).constituency(normalise_postcode("JE2 4WD"))
    assert asked == []


def test_local_never_asks_postcodes_io(tmp_path, upstream):
    url, asked = upstream
    app = make_app(tmp_path, url, POSTCODE_SOURCE="local")
    source = source_of(app)
    with pytest.raises(DirectoryMissing):
        source.constituency(normalise_postcode("SW1A 1AA"))
    imported(app.test_cli_runner(), NSPL_SAMPLE, NAMES)
    source.directory.check_every = 0  # don't wait for the periodic check in a test

    assert source.constituency(normalise_postcode("GU11 1AA")).name == "Aldershot"
    with pytest.raises(PostcodeNotFound):
        source.constituency(normalise_postcode("BR8 7RE"))
    assert source.constituency(normalise_postcode("ZE1 0AA")).name == "Orkney and Shetland"
    old = tmp_path / "NSPL_FEB_2019_UK_SW.csv"  # 2010 boundaries: codes the site can't name
    old.write_text(NSPL_SAMPLE.read_text("utf-8").replace("E14001172", "E14000639"), "utf-8")
    imported(app.test_cli_runner(), old)
    found = source.constituency(normalise_postcode("SW1A 1AA"))
    assert found == Constituency(code="E14000639", name="")
    # The register has no seat with that code and no name to ask the Members API with.
    with app.app_context(), pytest.raises(UpstreamUnavailable) as failure:
        migrations.apply(get_db())
        register.mp_for_constituency(get_db(), app.extensions["mp_finder"].members, found)
    assert failure.value.status == 503
    assert failure.value.message == ("We found your constituency but not its MP just now. "
                                     "Please try again later.")
    assert asked == []


def test_remote_ignores_the_directory(tmp_path, upstream):
    url, asked = upstream
    app = make_app(tmp_path, url, POSTCODE_SOURCE="remote")
    imported(app.test_cli_runner(), NSPL_SAMPLE, NAMES)
    source_of(app).constituency(normalise_postcode("SW1A 1AA"))
    assert asked == ["SW1A1AA"]


def test_postcode_source_must_be_one_of_the_three(tmp_path):
    assert from_environment(str(tmp_path), {})["POSTCODE_SOURCE"] == "both"
    assert from_environment(str(tmp_path), {"POSTCODE_SOURCE": "Local"})["POSTCODE_SOURCE"] \
        == "local"
    with pytest.raises(ConfigError, match="POSTCODE_SOURCE is .*, but it takes one of local, remote, both"):
        from_environment(str(tmp_path), {"POSTCODE_SOURCE": "postcodes.io"})


def test_the_about_page_names_the_directory_release(app, runner):
    client = app.test_client()
    assert 'id="postcode-directory"' not in client.get("/about").get_data(as_text=True)
    imported(runner, ONSPD_SAMPLE)
    page = client.get("/about").get_data(as_text=True)
    assert "Postcodes are looked up on this server, in the ONS ONSPD November 2024" in page
    assert "(3 postcodes, imported " in page

"""The local postcode directory: reading the ONS formats, building, loading, replacing."""
from __future__ import annotations

import csv
import gzip
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from campaign.lookup.directory import (
    DirectoryError,
    DirectoryFile,
    Entry,
    directory_info,
    load_directory,
)
from campaign.lookup.directory_import import plan_import, run_import
from campaign.lookup.ons_files import ONSFileError, columns

FIXTURES = Path(__file__).parents[1] / "fixtures" / "postcodes"
NSPL_SAMPLE = FIXTURES / "NSPL_FEB_2024_UK_SW.csv"
ONSPD_SAMPLE = FIXTURES / "ONSPD_NOV_2024_UK_TN.csv"
NAMES = FIXTURES / "Westminster Parliamentary Constituency names and codes UK as at 12_24.csv"
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
REAL_NSPL = SHARED / "nspl-2021"
REAL_NAMES = SHARED / "constituencies-2024.json"


def build(tmp_path: Path, *paths: Path, release: str | None = None):
    store = tmp_path / "store" / "postcode-directory.bin"
    result = run_import(plan_import(list(paths)), store, release=release)
    return load_directory(store), result, store


def gzipped(source: Path, folder: Path) -> Path:
    target = folder / (source.name + ".gz")
    target.write_bytes(gzip.compress(source.read_bytes()))
    return target


def release_zip(folder: Path) -> Path:
    """A zip laid out as ONS publish it: whole file, the same rows split, Documents."""
    path = folder / "NSPL_FEB_2024_UK.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(NSPL_SAMPLE, "Data/NSPL_FEB_2024_UK.csv")
        archive.write(NSPL_SAMPLE, "Data/multi_csv/NSPL_FEB_2024_UK_SW.csv")
        archive.write(NAMES, f"Documents/{NAMES.name}")
        archive.writestr("Documents/LAD names and codes UK as at 04_24.csv",
                         "LAD24CD,LAD24NM\nE09000033,Westminster\n")
        archive.writestr("User Guide/readme.txt", "not data")
    return path


# --- the columns of past and present releases -------------------------------------------

@pytest.mark.parametrize("name", ["pcds", "pcd", "pcd7", "pcd2", "pcd8", "PCDS", "PCD7"])
def test_every_published_postcode_column_is_recognised(name):
    found = columns([name, "dointr", "doterm", "pcon"])
    assert (found.postcode, found.constituency, found.terminated) == (0, 3, 2)


@pytest.mark.parametrize("name", ["pcon", "pcon24cd", "pconcd", "PCON24CD", "pcon28cd"])
def test_every_published_constituency_column_is_recognised(name):
    assert columns(["pcds", "doterm", name]).constituency == 2


def test_a_file_without_a_constituency_column_is_refused_with_the_reason():
    with pytest.raises(ONSFileError, match="no constituency column"):
        columns(["pcds", "doterm", "laua"], "LAD.csv")


# --- what a lookup answers ---------------------------------------------------------------

def test_live_terminated_pseudo_and_unknown_postcodes_from_an_nspl_file(tmp_path):
    directory, result, _ = build(tmp_path, NSPL_SAMPLE, NAMES)

    assert directory.lookup("SW1A1AA") == Entry("live", "E14001172",
                                                "Cities of London and Westminster")
    assert directory.lookup("SW1A2ZZ") == Entry("terminated", year_terminated=1996)
    assert directory.lookup("JE24WD") == Entry("none", "L99999999")
    assert directory.lookup("IM11AA") == Entry("none", "M99999999")
    assert directory.lookup("SW1A0PW") == Entry("none")  # live, but no constituency published
    assert directory.lookup("SW1A9XX") is None
    assert directory.lookup("XX11AA") is None
    assert (result.stats.rows, result.stats.live, result.stats.terminated) == (9, 8, 1)
    assert result.stats.no_constituency == 3


def test_names_come_from_a_windows_1252_names_table(tmp_path):
    directory, result, _ = build(tmp_path, NSPL_SAMPLE, NAMES)
    assert directory.lookup("LL777AA").name == "Ynys Môn"
    assert result.names_read == 5
    # The one code the names table lacks is named from the shipped 2024 list.
    assert result.unnamed == []
    assert directory.lookup("ZE10AA") == Entry("live", "S14000051", "Orkney and Shetland")


def test_a_directory_alone_is_named_from_the_shipped_constituencies(tmp_path):
    directory, result, _ = build(tmp_path, NSPL_SAMPLE)
    assert result.names_read == 0
    assert result.unnamed == []
    assert directory.lookup("SW1A1AA").name == "Cities of London and Westminster"
    assert directory.lookup("LL777AA").name == "Ynys Môn"


def test_codes_of_other_boundaries_stay_unnamed(tmp_path):
    directory, result, _ = build(tmp_path, old_boundaries(tmp_path)[0])
    assert result.unnamed == ["E14000639"]
    assert directory.lookup("SW1A1AA") == Entry("live", "E14000639", None)


def test_a_later_layout_with_upper_case_pcd7_and_pcon24cd_columns(tmp_path):
    directory, result, _ = build(tmp_path, ONSPD_SAMPLE)
    assert directory.lookup("TN131AA").code == "E14001465"
    assert directory.lookup("TN139ZZ") == Entry("terminated", year_terminated=2023)
    assert result.info["release"] == "ONSPD November 2024"
    assert result.info["release_date"] == "2024-11"


def test_gzipped_csv_gives_the_same_directory_as_plain(tmp_path):
    plain, _, _ = build(tmp_path / "a", NSPL_SAMPLE)
    packed, _, _ = build(tmp_path / "b", gzipped(NSPL_SAMPLE, tmp_path))
    assert list(packed.inward) == list(plain.inward)
    assert list(packed.values) == list(plain.values)


def test_the_published_zip_is_read_once_with_its_names(tmp_path):
    directory, result, _ = build(tmp_path, release_zip(tmp_path))
    # The whole-UK file and multi_csv/ hold the same rows: only one is read.
    assert result.stats.rows == 9
    assert result.info["sources"] == ["NSPL_FEB_2024_UK.zip:Data/NSPL_FEB_2024_UK.csv"]
    assert directory.lookup("GU111AA").name == "Aldershot"
    assert result.info["release"] == "NSPL February 2024"


def test_a_multi_csv_folder(tmp_path):
    folder = tmp_path / "Data" / "multi_csv"
    folder.mkdir(parents=True)
    shutil.copy(NSPL_SAMPLE, folder)
    shutil.copy(ONSPD_SAMPLE, folder)
    directory, result, _ = build(tmp_path, folder)
    assert directory.lookup("SW1A0AA").code == "E14001172"
    assert directory.lookup("TN131AA").code == "E14001465"
    # GU11 1AA is in both files: stored once.
    assert result.info["postcodes"] == 11


def test_a_live_row_wins_over_a_terminated_row_for_the_same_postcode(tmp_path):
    terminated = tmp_path / "old.csv"
    terminated.write_text("pcds,doterm,pcon\nSW1A 1AA,200001,E14000639\n")
    directory, result, _ = build(tmp_path, terminated, NSPL_SAMPLE)
    assert directory.lookup("SW1A1AA").status == "live"
    assert result.stats.duplicates == 1


def test_rows_that_are_not_postcodes_are_counted_and_skipped(tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("pcds,doterm,pcon\nNOT A PC,,E14000639\nSW1A 1AA,,E14001172\n1AA 1AA,,X\n\n")
    directory, result, _ = build(tmp_path, odd)
    assert (result.stats.invalid, len(directory)) == (2, 1)


def test_a_file_that_is_not_ons_data_is_refused(tmp_path):
    other = tmp_path / "mps.csv"
    other.write_text("name,party\nDiane Abbott,Labour\n")
    with pytest.raises(ONSFileError, match="not an ONS postcode file"):
        plan_import([other])


# --- names, atomic replacement, reloading --------------------------------------------------

def old_boundaries(tmp_path: Path) -> tuple[Path, Path]:
    """A release and names table for the 2010 boundaries, which the shipped list lacks."""
    release = tmp_path / "NSPL_FEB_2019_UK_SW.csv"
    release.write_text(NSPL_SAMPLE.read_text("utf-8").replace("E14001172", "E14000639"), "utf-8")
    names = tmp_path / "Westminster Parliamentary Constituency names and codes UK as at 12_10.csv"
    names.write_text("PCON10CD,PCON10NM\nE14000639,Cities of London and Westminster\n", "utf-8")
    return release, names


def test_names_imported_alone_are_added_and_kept_across_the_next_release(tmp_path):
    release, names = old_boundaries(tmp_path)
    _, _, store = build(tmp_path, release)
    assert load_directory(store).lookup("SW1A1AA").name is None

    run_import(plan_import([names]), store)
    assert load_directory(store).lookup("SW1A1AA").name == "Cities of London and Westminster"

    run_import(plan_import([release]), store)  # a new release, without its names
    assert load_directory(store).lookup("SW1A1AA").name == "Cities of London and Westminster"


def test_names_alone_without_a_directory_say_what_to_do(tmp_path):
    with pytest.raises(DirectoryError, match="import the ONS postcode files"):
        run_import(plan_import([NAMES]), tmp_path / "postcode-directory.bin")


def test_a_failed_import_leaves_the_old_directory_in_place(tmp_path):
    _, _, store = build(tmp_path, NSPL_SAMPLE)
    before = store.read_bytes()
    broken = tmp_path / "NSPL_MAY_2024_UK_XX.csv.gz"
    broken.write_bytes(gzip.compress(ONSPD_SAMPLE.read_bytes())[:-30])  # cut short

    with pytest.raises(ONSFileError, match="cannot be read"):
        run_import(plan_import([ONSPD_SAMPLE, broken]), store)

    assert store.read_bytes() == before
    assert os.listdir(store.parent) == [store.name]  # no half-written file left behind


def test_a_running_site_picks_up_a_new_directory_when_the_file_is_replaced(tmp_path):
    _, _, store = build(tmp_path, NSPL_SAMPLE)
    loaded = DirectoryFile(store, check_every=0)
    first = loaded.current()
    assert first.lookup("TN131AA") is None

    run_import(plan_import([ONSPD_SAMPLE]), store)

    assert loaded.current().lookup("TN131AA").code == "E14001465"
    assert first.lookup("SW1A1AA").code == "E14001172"  # the old one stayed whole


def test_a_damaged_replacement_keeps_the_directory_already_loaded(tmp_path):
    _, _, store = build(tmp_path, NSPL_SAMPLE)
    loaded = DirectoryFile(store, check_every=0)
    assert loaded.current().lookup("SW1A1AA") is not None
    store.write_bytes(store.read_bytes()[:-10])
    with pytest.raises(DirectoryError, match="damaged"):
        load_directory(store)
    assert loaded.current().lookup("SW1A1AA").code == "E14001172"


def test_directory_info_names_the_release_and_is_none_when_absent(tmp_path):
    assert directory_info(tmp_path / "absent.bin") is None
    (tmp_path / "other.bin").write_bytes(b"not a directory")
    assert directory_info(tmp_path / "other.bin") is None
    _, _, store = build(tmp_path, NSPL_SAMPLE, release="NSPL test release")
    info = directory_info(store)
    assert info["release"] == "NSPL test release"
    assert (info["postcodes"], info["live"], info["terminated"]) == (9, 8, 1)
    assert info["imported_at"]


# --- the real ONS files, when the shared data is present -------------------------------------

@pytest.mark.skipif(not REAL_NSPL.is_dir(), reason="shared NSPL sample not present")
def test_real_nspl_files_import_with_the_published_counts(tmp_path):
    directory, result, store = build(tmp_path, REAL_NSPL)
    stats = result.stats
    assert (stats.rows, stats.live, stats.terminated) == (123_018, 94_566, 28_452)
    assert stats.invalid == 0 and stats.duplicates == 0
    assert result.info["release"] == "NSPL November 2021"

    expected = {"live": 0, "none": 0, "empty": 0, "terminated": 0}
    for path in sorted(REAL_NSPL.glob("*.csv.gz")):
        with gzip.open(path, "rt", newline="") as handle:
            for row in csv.DictReader(handle):
                entry = directory.lookup(row["pcds"].replace(" ", ""))
                if row["doterm"]:
                    assert entry.status == "terminated"
                    assert entry.year_terminated == int(row["doterm"][:4])
                    expected["terminated"] += 1
                elif row["pcon"] in ("", "L99999999", "M99999999"):
                    assert entry.status == "none", row["pcds"]
                    expected["empty" if not row["pcon"] else "none"] += 1
                else:
                    assert entry.code == row["pcon"], row["pcds"]
                    expected["live"] += 1
    assert expected["empty"] == 78
    assert expected["terminated"] == 28_452
    # Four bytes a postcode plus small tables.
    assert os.path.getsize(store) < 123_018 * 4 + 100_000


@pytest.mark.skipif(not REAL_NAMES.is_file(), reason="shared constituency names not present")
def test_real_2024_names_in_the_ons_layout_name_every_2024_code(tmp_path):
    names = json.loads(REAL_NAMES.read_text(encoding="utf-8"))
    table = tmp_path / "Westminster Parliamentary Constituency names and codes UK as at 12_24.csv"
    with open(table, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["PCON24CD", "PCON24NM", "PCON24NMW"])
        writer.writerows([code, name, ""] for code, name in names.items())
    directory, result, _ = build(tmp_path, NSPL_SAMPLE, ONSPD_SAMPLE, table)
    assert result.names_read == 650
    assert result.unnamed == []
    assert directory.lookup("ZE10AA").name == "Orkney and Shetland"
    assert directory.lookup("LL777AA").name == "Ynys Môn"

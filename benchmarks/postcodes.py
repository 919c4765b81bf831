"""The local postcode directory at full UK size: import time, size on disk, lookup time.

Generates a synthetic NSPL release (2.7 million rows by default, every column of the
published layout, split by postcode area as in Data/multi_csv/, plus a constituency
names table as in Documents/), imports it with the same code as
`flask postcodes import`, then times lookups in process.

Goals: import <= 60 s, store <= 40 MB, lookup median and p99 <= 10 microseconds.

    .venv/bin/python benchmarks/postcodes.py [--rows N] [--keep]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign.lookup.directory import DirectoryFile, load_directory  # noqa: E402
from campaign.lookup.directory_import import plan_import, run_import  # noqa: E402
from campaign.lookup.local_source import LocalDirectorySource  # noqa: E402
from campaign.lookup.postcode import normalise_postcode  # noqa: E402

HEADER = ("pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa11,cty,ced,"
          "laua,ward,hlthau,nhser,ctry,rgn,pcon,eer,teclec,ttwa,pct,itl,park,lsoa11,msoa11,"
          "wz11,ccg,bua11,buasd11,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,stp")
# Everything after pcon, as in a real English row: the import must skip past it all.
TAIL = ('"E15000006","E24000008","E30000234","E16000040","E06000023","E00000000",'
        '"E01024445","E02005087","E33000000","E38000237","E34000000","E35000000","C1",'
        '"1C1",51.411831,0.178871,"E37000025","","E23000032",20000,"E56000007","E54000032"')
MIDDLE = ('"1","551626","0170342","1","E00169393","E10000016","E58000739","E07000111",'
          '"E05009960","E18000008","E40000005","E92000001","E12000008"')
AREAS = ("AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH "
         "DL DN DT DY E EC EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT "
         "KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO "
         "PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW "
         "UB W WA WC WD WF WN WR WS WV YO ZE JE GY IM").split()
CROWN = {"JE": "L99999999", "GY": "L99999999", "IM": "M99999999"}
POSTCODES_PER_DISTRICT = 900


def generate(folder: Path, rows: int, seed: int = 2024) -> list[str]:
    """Write a synthetic release under `folder`; return a sample of its postcodes."""
    rng = random.Random(seed)
    data = folder / "Data" / "multi_csv"
    docs = folder / "Documents"
    data.mkdir(parents=True)
    docs.mkdir()
    constituencies = [f"{'ESWN'[i % 4]}1{4 if i % 4 != 3 else 0}00{i:04d}" for i in range(650)]
    with open(docs / "Westminster Parliamentary Constituency names and codes UK as at 12_24.csv",
              "w", encoding="utf-8") as names:
        names.write("PCON24CD,PCON24NM,PCON24NMW\n")
        for i, code in enumerate(constituencies):
            names.write(f'{code},"Synthetic Constituency {i}",\n')
    inwards = [f"{d}{a}{b}" for d in range(10) for a in string.ascii_uppercase
               for b in string.ascii_uppercase]
    districts_per_area = -(-rows // (POSTCODES_PER_DISTRICT * len(AREAS)))
    written, sample = 0, []
    for area in AREAS:
        if written >= rows:
            break
        lines = []
        for district in range(1, districts_per_area + 1):
            count = min(POSTCODES_PER_DISTRICT, rows - written)
            if count <= 0:
                break
            outward = f"{area}{district}"
            home = rng.choice(constituencies)
            for inward in sorted(rng.sample(inwards, count)):
                pcds = f"{outward} {inward}"
                pcd = f"{outward:<4}{inward}"
                pcd2 = f"{outward:<5}{inward}"
                doterm = ""
                pcon = CROWN.get(area) or (home if rng.random() < 0.9
                                           else rng.choice(constituencies))
                if rng.random() < 0.25:
                    doterm = f"{rng.randint(1985, 2024)}{rng.randint(1, 12):02d}"
                elif rng.random() < 0.001:
                    pcon = ""  # a live non-geographic postcode
                lines.append(f'"{pcd}","{pcd2}","{pcds}","198001","{doterm}",{MIDDLE},'
                             f'"{pcon}",{TAIL}\n')
                if rng.random() < 0.01:
                    sample.append(pcds)
            written += count
        with open(data / f"NSPL_DEC_2024_UK_{area}.csv", "w", encoding="utf-8") as out:
            out.write(HEADER + "\n")
            out.writelines(lines)
    return sample


def time_lookups(function, inputs, repeat: int = 3) -> list[float]:
    """Microseconds per call, one measurement per call (the distribution matters)."""
    clock = time.perf_counter_ns
    timings = []
    for _ in range(repeat):
        for item in inputs:
            start = clock()
            function(item)
            timings.append((clock() - start) / 1000)
    return timings


def describe(timings: list[float]) -> str:
    ordered = sorted(timings)
    p99 = ordered[int(len(ordered) * 0.99)]
    return f"median {statistics.median(ordered):.2f} µs, p99 {p99:.2f} µs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_700_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="postcodes-bench-"))
    try:
        started = time.perf_counter()
        sample = generate(folder / "release", args.rows)
        source_bytes = sum(f.stat().st_size for f in (folder / "release").rglob("*.csv"))
        print(f"generated {args.rows:,} rows ({source_bytes / 1e6:,.0f} MB of CSV) "
              f"in {time.perf_counter() - started:.1f} s")

        store = folder / "postcode-directory.bin"
        started = time.perf_counter()
        result = run_import(plan_import([folder / "release"]), store)
        took = time.perf_counter() - started
        print(f"import: {took:.1f} s (goal <= 60 s), {result.info['postcodes']:,} postcodes, "
              f"{result.info['unnamed_constituencies']} unnamed constituencies")
        size = os.path.getsize(store)
        print(f"store on disk: {size / 1e6:.1f} MB (goal <= 40 MB)")

        started = time.perf_counter()
        directory = load_directory(store)
        print(f"load: {(time.perf_counter() - started) * 1000:.0f} ms")

        rng = random.Random(7)
        present = [normalise_postcode(p) for p in sample[:50_000]]
        absent = [normalise_postcode(f"{p.area}99 {p.inward}") for p in present[:5_000]]
        queries = present + absent
        rng.shuffle(queries)
        compact = [p.compact for p in queries]
        print(f"Directory.lookup: {describe(time_lookups(directory.lookup, compact))} "
              "(goal <= 10 µs)")

        source = LocalDirectorySource(DirectoryFile(store))

        def constituency(postcode):
            try:
                return source.constituency(postcode)
            except Exception:  # terminated/not-found raise; they are answers too
                return None

        print(f"LocalDirectorySource.constituency: {describe(time_lookups(constituency, queries))}")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

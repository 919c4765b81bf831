"""How long one letter takes to render, as PDF, DOCX and envelope, in one process.

    .venv/bin/python benchmarks/letters.py [--runs N]

Renders a realistic two-page letter N times per format and prints the median and
95th percentile in milliseconds, plus the first (cold) render, which pays for
loading fonts and building the DOCX template. Goals on a small machine: PDF <= 5 ms
and DOCX <= 15 ms median. Each run renders the letter afresh: only fonts, styles
and the template are cached, never a letter.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from datetime import date
from pathlib import Path

# This script shares its name with the package it measures: put the project, not
# benchmarks/, first on the path so that `import letters` finds the package.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

from letters import MP, Ask, Sender, Wording, compose_letter  # noqa: E402
from letters.render_docx import render_docx  # noqa: E402
from letters.render_envelope import render_envelope_pdf  # noqa: E402
from letters.render_pdf import render_pdf  # noqa: E402

ASKS = [
    "Many households here now spend more than a tenth of their income on energy, and the "
    "poorest homes are the least well insulated. Please press the government to fund "
    "insulation for every home rated below band C within five years, starting with those "
    "on the lowest incomes.",
    "Landlords should meet the same standard before they let a property. I ask you to "
    "support a minimum energy efficiency standard of band C for privately rented homes by "
    "2030, with help for small landlords to meet it.",
    "Heat pumps and heat networks cost less to run when electricity is cheaper. Please "
    "ask ministers to move levies off electricity bills so that clean heating is the "
    "cheaper choice for families.",
    "Local councils know which streets need help first. I would like you to back "
    "long-term funding for councils to run street-by-street retrofit schemes, so that "
    "contractors can train apprentices and plan ahead.",
    "Finally, please support a social tariff for energy, so that no one on a low income "
    "has to choose between heating and eating this winter.",
]
NOTE = (
    "I have lived in Stoke Newington for twenty years. Last winter my bill reached £1,900, "
    "and my neighbour Łukasz, who works nights, kept his flat at 14°C to make ends meet. "
    "“We cannot go on like this,” he told me.\n\n"
    "Our street, Glyndŵr Road, has solid walls and single glazing; a survey last year put "
    "most houses in band E. A scheme like the one in Siân’s town would change that."
)


def realistic_letter():
    """A two-page letter: five asks, a personal note of two paragraphs, non-ASCII names."""
    return compose_letter(
        wording=Wording(
            opening="I am writing to you as your constituent in {{ constituency }} about "
                    "the cost of heating our homes.",
            closing="I would be grateful if you could tell me what you will do about this. "
                    "I look forward to your reply.",
            subject="Warm homes for {{ constituency }}",
        ),
        asks=[Ask(id=i, title=f"Ask {i}", paragraph=text) for i, text in enumerate(ASKS)],
        mp=MP(member_id=172, display_as="Ms Diane Abbott", full_title="Rt Hon Diane Abbott MP",
              address_as="Ms Abbott", party="Independent",
              constituency="Hackney North and Stoke Newington", gender="F"),
        sender=Sender(full_name="Ëlira Çela", address_lines=("Flat 2, 14 Glyndŵr Road", "London"),
                      postcode="N16 7AB"),
        personal_note=NOTE,
        today=date(2026, 11, 21),
    )


def measure(render, letter, runs: int) -> tuple[float, float, float, float, bytes]:
    """(cold ms, median ms, p95 ms, median CPU ms, last output) over `runs` warm renders.

    The CPU figure is this process's own time: on a machine shared with other work
    the wall-clock figures include waiting for a core, the CPU figure does not.
    """
    start = time.perf_counter()
    output = render(letter)
    cold = (time.perf_counter() - start) * 1000
    times, cpu_times = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        output = render(letter)
        cpu_times.append((time.process_time() - cpu_start) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(times, n=20)[-1]
    return cold, statistics.median(times), p95, statistics.median(cpu_times), output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="renders per format (default 200)")
    args = parser.parse_args()
    letter = realistic_letter()
    print(f"letters: {args.runs} renders of a two-page letter per format, one process")
    print(f"{'format':<10}{'cold ms':>9}{'median ms':>11}{'p95 ms':>9}{'cpu ms':>9}"
          f"{'size kB':>9}  goal")
    for name, render, goal in (("PDF", render_pdf, 5), ("DOCX", render_docx, 15),
                               ("envelope", render_envelope_pdf, None)):
        cold, median, p95, cpu, output = measure(render, letter, args.runs)
        verdict = "" if goal is None else f"<= {goal} ms median: {'met' if median <= goal else 'MISSED'}"
        print(f"{name:<10}{cold:>9.1f}{median:>11.2f}{p95:>9.2f}{cpu:>9.2f}"
              f"{len(output) / 1024:>9.1f}  {verdict}")
        if name == "PDF":
            pages = len(re.findall(rb"/Type /Page\b(?!s)", output))
            assert pages == 2, f"the benchmark letter should be two pages, not {pages}"


if __name__ == "__main__":
    main()

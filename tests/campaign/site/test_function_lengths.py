"""Functions short enough to read at once (issue 32): no function in campaign/ or
letters/ over 60 lines, and no view of the citizen's site over 40, because the views
hand the journey to campaign.public.letter_flow and render what it returns.

A function's length is from its `def` (decorators aside) to its last line, docstring
and comments included: what a reader has to hold.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LONGEST_FUNCTION = 60
LONGEST_PUBLIC_VIEW = 40


def _functions(path: Path):
    """(name, first line, length) of every function and method in the file at `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node.lineno, node.end_lineno - node.lineno + 1


def _longer_than(limit: int, paths) -> list[str]:
    return [f"{path.relative_to(ROOT)}:{line} {name} is {length} lines"
            for path in paths for name, line, length in _functions(path) if length > limit]


def test_no_function_in_the_application_is_over_sixty_lines():
    paths = sorted([*ROOT.joinpath("campaign").rglob("*.py"),
                    *ROOT.joinpath("letters").rglob("*.py")])
    assert paths
    assert _longer_than(LONGEST_FUNCTION, paths) == []


def test_no_view_of_the_citizens_site_is_over_forty_lines():
    views = ROOT / "campaign" / "public" / "views.py"
    assert list(_functions(views))
    assert _longer_than(LONGEST_PUBLIC_VIEW, [views]) == []


def test_the_measure_counts_a_long_function(tmp_path):
    long = tmp_path / "long.py"
    long.write_text("def long():\n" + "    x = 1\n" * 60)
    assert [length for *_, length in _functions(long)] == [61]

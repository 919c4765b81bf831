"""Welsh is named in at most four modules outside migrations (issue 32): every other
module reads the register of languages (letters.languages), so a third language is one
register entry, one word table, one catalogue and one migration.

"Named" is counted in code, not in comments or docstrings: an identifier containing
"welsh" or ending "_cy", or a string literal "cy", "cy-GB", "Cymraeg", "Welsh" or a
name ending "_cy" ("subject_cy").
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
MOST = 4

_IDENTIFIER = re.compile(r"welsh|_cy$", re.IGNORECASE)
_LITERALS = {"cy", "cy-GB", "Cymraeg"}
_COLUMN = re.compile(r"\b\w+_cy\b")
_WORD = re.compile(r"\bwelsh\b", re.IGNORECASE)


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are docstrings (not code)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _name_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name
    if isinstance(node, ast.alias):
        return node.asname or node.name
    if isinstance(node, ast.arg):
        return node.arg
    return None


def _names_welsh(text: str) -> bool:
    return (text in _LITERALS or bool(_COLUMN.search(text))
            or (len(text) < 60 and bool(_WORD.search(text))))


def welsh_in(source: str) -> set[str]:
    """What in `source`'s code names Welsh (identifiers and string literals)."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = set()
    for node in ast.walk(tree):
        name = _name_of(node)
        if name and _IDENTIFIER.search(name):
            found.add(name)
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docstrings and _names_welsh(node.value)):
            found.add(repr(node.value))
    return found


def modules_naming_welsh() -> dict[str, set[str]]:
    """Each module of campaign/ and letters/ outside migrations whose code names Welsh."""
    found = {}
    for package in ("campaign", "letters"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.relative_to(ROOT).parts:
                continue
            named = welsh_in(path.read_text("utf-8"))
            if named:
                found[str(path.relative_to(ROOT))] = named
    return found


def test_welsh_is_named_in_at_most_four_modules_outside_migrations():
    found = modules_naming_welsh()
    assert len(found) <= MOST, "Welsh named outside the register: " + "; ".join(
        f"{module}: {', '.join(sorted(names))}" for module, names in found.items())
    assert "letters/languages.py" in found  # the register itself


def test_the_count_sees_code_and_not_docstrings_or_comments():
    source = '''"""Welsh pages and the subject_cy column."""
# in_welsh, "cy"
def page(language):
    """In Welsh ("cy")."""
    return language.column("subject")
'''
    assert welsh_in(source) == set()
    assert welsh_in('WELSH = "cy"\n') == {"WELSH", "'cy'"}
    assert welsh_in('row["subject_cy"]\n') == {"'subject_cy'"}
    assert welsh_in('label = " in Welsh"\n') == {"' in Welsh'"}

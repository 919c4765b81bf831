"""The letters/ library's tests run without the site: in a fresh interpreter where
`campaign`, Flask and Werkzeug cannot be imported, `pytest tests/letters` passes. A test
(or a helper, or a conftest above it) that reaches for the site fails here, naming it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# A finder at the front of sys.meta_path that refuses the site's packages by name, so an
# import of them fails even though they are installed; then pytest runs as usual.
RUN_WITHOUT_THE_SITE = """
import sys
BLOCKED = ("campaign", "flask", "flask_babel", "flask_wtf", "flask_login", "flask_limiter",
           "werkzeug")

class NoSite:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"{name} is the site's: tests/letters must not import it")
        return None

sys.meta_path.insert(0, NoSite())
import pytest
sys.exit(pytest.main(sys.argv[1:]))
"""


def test_the_letters_tests_pass_with_the_site_unimportable():
    result = subprocess.run(
        [sys.executable, "-c", RUN_WITHOUT_THE_SITE, str(HERE), "-q", "-p", "no:cacheprovider",
         "-p", "no:xdist", f"--ignore={Path(__file__).resolve()}"],  # not itself, again
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "error" not in result.stdout.splitlines()[-1]


def test_the_blocker_does_refuse_the_site():
    """The check above means something only if the blocker does block."""
    probe = RUN_WITHOUT_THE_SITE.replace("import pytest\nsys.exit(pytest.main(sys.argv[1:]))",
                                         "import campaign")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode != 0
    assert "campaign is the site's: tests/letters must not import it" in result.stderr

"""A wheel installs anywhere: built from this tree, installed into a fresh venv, it
serves the campaign page and its stylesheet from another working directory."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.campaign.helpers import SLUG

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.slow

SERVE_FROM_ELSEWHERE = """
import json, re, sys
import campaign
from campaign import create_app
from campaign.db import get_db
from campaign.migrations.runner import migrate
from campaign.campaigns.launch import load_launch_campaign

# No background register refresh: it would call the real Members API, off loopback.
app = create_app({"DATABASE_PATH": sys.argv[1], "SECRET_KEY": "wheel-test",
                  "MP_REGISTER_AUTO_REFRESH": False})
with app.app_context():
    migrate(get_db())
    load_launch_campaign(get_db())
client = app.test_client()
page = client.get(f"/c/{sys.argv[2]}/")
stylesheet = re.search(r'<link rel="stylesheet" href="(/static/[^"]+)"', page.get_data(as_text=True))
css = client.get(stylesheet.group(1))
results = client.get(f"/c/{sys.argv[2]}/results").get_data(as_text=True)
welsh = client.get(f"/cy/c/{sys.argv[2]}/").get_data(as_text=True)
from importlib.resources import files
print(json.dumps({"hexes": results.count('<use href="#hex"'),
                  "hexmap_licence": files("campaign.data.hexmap").joinpath("LICENSE").is_file(),
"package": campaign.__file__, "page": page.status_code,
                  "welsh": "Dod o hyd i’ch AS" in welsh,
                  "title": re.search(r"<h1[^>]*>(.*?)</h1>", page.get_data(as_text=True), re.S).group(1),
                  "css": css.status_code, "css_text": css.get_data(as_text=True)[:2000]}))
"""


def test_a_wheel_installed_elsewhere_serves_pages(tmp_path):
    wheels = tmp_path / "wheels"
    # Built from a copy: setuptools builds in the source tree, and a build/ folder left
    # there from an older tree would slip modules since removed into the wheel.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "build", "*.egg-info", "instance", "test-artifacts",
        "__pycache__", ".pytest_cache", ".hypothesis"))
    # No build isolation: the test extra brings setuptools, so no index is needed.
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(source)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("mp_letters-*.whl")

    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "-q", str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr
    # The dependencies come from this venv's site-packages as a plain path: its
    # editable-install hook (a .pth file there) is not run, so `campaign` is the wheel's.
    site = Path(subprocess.check_output(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        text=True).strip())
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [python, "-c", SERVE_FROM_ELSEWHERE, str(tmp_path / "campaign.sqlite3"), SLUG],
        cwd=elsewhere, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "APP_ENV": "test"})
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout.splitlines()[-1])
    assert served["package"].startswith(str(fresh))
    assert served["page"] == 200
    assert "traffic" in served["title"]  # the launch campaign's heading
    assert served["css"] == 200 and "font-family" in served["css_text"]
    assert served["hexes"] == 650 and served["hexmap_licence"]
    assert served["welsh"], "the compiled Welsh catalogue travels in the wheel"

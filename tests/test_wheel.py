"""The abi3 wheel that scripts/test builds installs into a fresh venv and imports."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import venv

import pytest

CHECK = """
import importlib.resources as r, dateline as dl
assert dl.find_dates("on 3 May 2020")[0].value == "2020-05-03"
assert (r.files("dateline") / "py.typed").is_file() and (r.files("dateline") / "_native.pyi").is_file()
try:
    dl.to_pandas([], "dates")
except ImportError as e:
    assert "dateline[pandas]" in str(e)
print("ok")
"""


def _wheel(root: pathlib.Path) -> pathlib.Path | None:
    folder = pathlib.Path(os.environ.get("DATELINE_WHEEL_DIR", root / "target" / "wheels-scripts-test"))
    wheels = sorted(folder.glob("dateline-*-abi3-*.whl"))
    return wheels[-1] if wheels else None


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv(root: pathlib.Path, tmp_path: pathlib.Path) -> None:
    wheel = _wheel(root)
    sources = [*(root / "python" / "dateline").glob("*.py*"), *(root / "crates" / "dateline-python" / "src").glob("*.rs")]
    stale = wheel is None or wheel.stat().st_mtime < max(p.stat().st_mtime for p in sources)
    if stale:
        why = f"no current wheel in target/wheels-scripts-test ({wheel}); scripts/test builds one"
        # Under CI scripts/test has just built the wheel, so a missing one is a failure there;
        # a bare local `pytest` run without a build skips instead.
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    assert wheel is not None
    assert "-cp39-abi3-" in wheel.name
    venv.create(tmp_path / "venv", with_pip=True)
    py = tmp_path / "venv" / "bin" / "python"
    subprocess.run([py, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel], check=True)
    out = subprocess.run([py, "-c", CHECK], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
    assert sys.version_info >= (3, 9)

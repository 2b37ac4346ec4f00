"""Open findings of issue 8, as tests that FAIL until the owning crate fixes them.

Not collected by ``scripts/test`` (the file name does not match ``test_*.py``); run it with
``.venv/bin/python -m pytest tests/hostile/pending_regressions.py``. When a test here passes,
move it into ``tests/test_properties.py`` (the fix is then guarded) and delete it here.
"""

from __future__ import annotations

import pytest

import dateline as dl
from hostile.checks import check_timexes


def _analyze_seconds(text: str) -> float:
    import time

    start = time.perf_counter()
    dl.analyze(text)
    return time.perf_counter() - start


def test_analyze_is_linear_on_many_short_lines(tmp_path) -> None:
    # dateline-entities (extract_tokenized over many regions) and dateline (quotes::attribute
    # over many paragraphs) are quadratic in the number of paragraphs: a dump of 12,000 short
    # byline/dateline lines (390 KB) takes ~10 s in a release build, the 6.5 MB file
    # would take most of an hour. Reproducer: tests/hostile/generate.py OUT --only lines.
    import subprocess
    import sys
    from pathlib import Path

    gen = Path(__file__).with_name("generate.py")
    texts = []
    for scale in ("0.01", "0.1"):
        out = tmp_path / scale
        subprocess.run([sys.executable, str(gen), str(out), "--scale", scale, "--only", "lines"], check=True)
        texts.append((out / "lines.txt").read_text(encoding="utf-8"))
    dl.analyze("warm up: Xi Jinping met Han on Saturday.")
    t1, t10 = _analyze_seconds(texts[0]), _analyze_seconds(texts[1])
    assert t10 <= 30 * t1 + 0.5, f"1x {t1:.3f}s, 10x {t10:.3f}s"

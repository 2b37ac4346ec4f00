"""Open findings of issue 8, as tests that FAIL until the owning crate fixes them.

Not collected by ``scripts/test`` (the file name does not match ``test_*.py``); run it with
``.venv/bin/python -m pytest tests/hostile/pending_regressions.py``. When a test here passes,
move it into ``tests/test_properties.py`` (the fix is then guarded) and delete it here.
"""

from __future__ import annotations

import datetime

import pytest

import dateline as dl
from hostile.checks import check_timexes


def test_years_before_the_common_era_are_valid_timex3() -> None:
    # dateline-dates: "5000 years ago" from 2023-09-23 has value "-2977" (not TIMEX3).
    text = "The ruins were built 5000 years ago."
    check_timexes(text, dl.find_dates(text, anchor="2023-09-23"))


def test_year_10000_is_not_emitted() -> None:
    # dateline-dates: "tomorrow" from 9999-12-31 has value "10000-01-01".
    text = "It happens tomorrow."
    check_timexes(text, dl.find_dates(text, anchor="9999-12-31"))


@pytest.mark.parametrize("expr", ["last year", "the previous day", "the weekend", "the day before yesterday"])
def test_anchor_in_year_one_raises_nothing_undocumented(expr: str) -> None:
    # dateline-python (range conversion) / dateline-dates: a range in year 0 makes find_dates
    # raise a bare ValueError("year 0 is out of range"), not a DatelineError.
    text = f"It happened {expr}."
    try:
        found = dl.find_dates(text, anchor=datetime.date(1, 1, 1))
    except dl.DatelineError:
        return
    check_timexes(text, found)


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

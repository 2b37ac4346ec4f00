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

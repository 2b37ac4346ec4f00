"""Invariant checks shared by the hostile-input, property and concurrency tests.

The same rules as the Rust side (``fuzz/src/timex.rs``, ``fuzz/src/record.rs``): TIMEX3 values
well formed for their type, date ranges ordered, and every object of a document's
``to_dict()`` with ``start``/``end`` (Python character offsets) slicing the text to its
``text``. Python 3 standard library only.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Any

_X2 = r"(?:\d\d|\dX|XX)"
_DATE = re.compile(
    r"""^(?:
        (?:BC)?(?P<year>\d{4}|\d{3}X|\d\dXX|\dXXX|XXXX)
        (?:-(?:
            W(?P<week>\d\d|XX)(?:-(?:[1-7X]|WE))?
          | Q[1-4X] | H[12X] | SP | SU | FA | WI
          | (?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?
        ))?
      | (?=[\dX]{1,3}$)\d*X*
    )$""",
    re.X,
)
_TIME = re.compile(
    r"^(?:MO|AF|EV|NI|DT|(?P<h>\d\d|XX)(?::(?P<m>\d\d|XX)(?::(?P<s>\d\d))?)?(?:Z|[+-]\d\d:\d\d)?)$"
)
_DURATION = re.compile(
    r"^P(?:(?:\d+(?:\.\d+)?|X)(?:Y|Q|M|W|D|DE|CE|ML))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$"
)
REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
KINDS = {"DATE", "TIME", "DURATION", "SET"}


def shape(value: str) -> str:
    """``ref``, ``date``, ``time`` or ``duration``; raises ``ValueError`` when malformed."""
    if not value or not value.isascii():
        raise ValueError(f"bad value {value!r}")
    if value in REFS:
        return "ref"
    if value.startswith("P"):
        if value in ("P", "PT") or not _DURATION.match(value):
            raise ValueError(f"bad duration {value!r}")
        return "duration"
    date, sep, time = value.partition("T")
    if date:
        m = _DATE.match(date)
        if not m:
            raise ValueError(f"bad date {value!r}")
        month, day, week = m.group("month"), m.group("day"), m.group("week")
        if month and month.isdigit() and not 1 <= int(month) <= 12:
            raise ValueError(f"bad month {value!r}")
        if week and week.isdigit() and not 1 <= int(week) <= 53:
            raise ValueError(f"bad week {value!r}")
        if day and day.isdigit():
            year = m.group("year")
            y = int(year) if year and year.isdigit() else 2000
            mm = int(month) if month and month.isdigit() else 1
            if not 1 <= int(day) <= calendar.monthrange(y, mm)[1]:
                raise ValueError(f"no such day {value!r}")
    if sep:
        t = _TIME.match(time)
        if not t:
            raise ValueError(f"bad time {value!r}")
        for g, hi in (("h", 24), ("m", 59), ("s", 60)):
            v = t.group(g)
            if v and v.isdigit() and int(v) > hi:
                raise ValueError(f"bad time {value!r}")
        day = date.removeprefix("BC")  # "BC0001-08-03T15:49" is a time on a day too
        if date and not (len(day) == 10 or re.match(r"^....-W..-[1-7X]$", day)):
            raise ValueError(f"time on a non-day date {value!r}")
        return "time"
    if not date:
        raise ValueError(f"bad value {value!r}")
    return "date"


def _is_part_of_day(value: str) -> bool:
    date, sep, part = value.partition("T")
    return bool(sep and date) and part in ("MO", "AF", "EV", "NI", "DT")


def check_timex_value(kind: str, value: str) -> None:
    """Raises ``AssertionError`` unless ``value`` is a well-formed TIMEX3 value of ``kind``."""
    assert kind in KINDS, kind
    try:
        s = shape(value)
    except ValueError as e:
        raise AssertionError(str(e)) from None
    ok = {
        "DURATION": s == "duration",
        # TimeBank, AQUAINT and MEANTIME type "Friday night" (2023-09-22TNI) DATE more often
        # than TIME: a part of day after a date is accepted for DATE, a clock time is not.
        "DATE": s in ("date", "ref") or _is_part_of_day(value),
        # TimeBank and MEANTIME have TIME PAST_REF / FUTURE_REF; dateline gives FUTURE_REF to a
        # clock time past 9999-12-31 ("noon tomorrow" on that day).
        "TIME": s in ("time", "ref"),
        "SET": s in ("duration", "date", "time"),
    }[kind]
    assert ok, f"value {value!r} ({s}) does not fit type {kind}"


def check_timex(text: str, t: Any) -> None:
    """Offsets, text, value and range of one ``dateline.Timex`` found in ``text``."""
    assert 0 <= t.start < t.end <= len(text), (t.start, t.end, len(text))
    assert text[t.start : t.end] == t.text, (text[t.start : t.end], t.text)
    check_timex_value(t.kind, t.value)
    if t.range is not None:
        a, b = t.range
        assert isinstance(a, datetime.date) and isinstance(b, datetime.date)
        assert a <= b, (t.value, a, b)


def check_timexes(text: str, found: list[Any]) -> None:
    """Every timex valid, in text order, not overlapping."""
    prev = 0
    for t in found:
        check_timex(text, t)
        assert t.start >= prev, f"{t.text!r} at {t.start} overlaps the previous one"
        prev = t.end


def check_record(text: str, record: Any) -> None:
    """A document's ``to_dict()``: schema version, offsets, texts, TIMEX3 values."""
    assert record["schema_version"] == 1

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            s, e = v.get("start"), v.get("end")
            if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool):
                assert 0 <= s <= e <= len(text), (s, e, len(text))
                if isinstance(v.get("text"), str):
                    assert text[s:e] == v["text"], (text[s:e], v["text"])
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(record)
    for d in record.get("dates") or []:
        check_timex_value(d["kind"], d["value"])
        r = d.get("range")
        if r:
            assert str(r[0]) <= str(r[1]), r


def check_document(text: str, doc: Any) -> None:
    """A ``dateline.Document``: its dates, entity mentions, quotes and its ``to_dict()``."""
    check_timexes(text, doc.dates)
    for e in doc.entities:
        assert e.mentions, e
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
    for q in doc.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
    check_record(text, doc.to_dict())

"""Result objects: repr, equality, hashing, to_dict/to_json, pickling."""

from __future__ import annotations

import copy
import datetime
import json
import pickle

import pytest

import dateline as dl

TEXT = "😀 The talks ended on Saturday, and resume on 3 May 2024."


@pytest.fixture()
def timexes() -> list[dl.Timex]:
    found = dl.find_dates(TEXT, anchor="2023-09-25")
    assert len(found) == 2
    return found


def test_to_dict_is_the_json_contract(timexes: list[dl.Timex]) -> None:
    d = timexes[1].to_dict()
    assert list(d) == ["text", "start", "end", "kind", "value", "modifier", "range", "anchor"]
    assert d == {
        "text": "3 May 2024",
        "start": TEXT.index("3 May"),
        "end": TEXT.index("3 May") + len("3 May 2024"),
        "kind": "DATE",
        "value": "2024-05-03",
        "modifier": None,
        "range": ["2024-05-03", "2024-05-03"],
        "anchor": "none",
    }
    assert json.loads(timexes[1].to_json()) == d


def test_repr_is_constructor_style_and_round_trips(timexes: list[dl.Timex]) -> None:
    for t in timexes:
        r = repr(t)
        assert r.startswith("Timex(text=")
        assert eval(r, {"Timex": dl.Timex}) == t  # noqa: S307 - our own repr


def test_equality_and_hash(timexes: list[dl.Timex]) -> None:
    a, b = timexes
    again = dl.find_dates(TEXT, anchor="2023-09-25")
    assert again == timexes
    assert a != b
    assert a != "not a timex"
    assert len({a, b, again[0]}) == 2


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle(timexes: list[dl.Timex], protocol: int) -> None:
    assert pickle.loads(pickle.dumps(timexes, protocol=protocol)) == timexes


def test_copy_and_dict_round_trip(timexes: list[dl.Timex]) -> None:
    for t in timexes:
        assert copy.deepcopy(t) == t
        assert dl.Timex.from_dict(t.to_dict()) == t
        assert dl.Timex.from_json(t.to_json()) == t


def test_frozen(timexes: list[dl.Timex]) -> None:
    with pytest.raises(AttributeError):
        timexes[0].value = "x"  # type: ignore[misc]


def test_constructor_validates() -> None:
    t = dl.Timex("May 2020", 0, 8, "DATE", "2020-05", range=(datetime.date(2020, 5, 1), "2020-05-31"))
    assert t.range == (datetime.date(2020, 5, 1), datetime.date(2020, 5, 31))
    with pytest.raises(dl.InvalidOptionError, match="kind"):
        dl.Timex("x", 0, 1, "WHEN", "2020")
    with pytest.raises(dl.InvalidOptionError, match="end"):
        dl.Timex("x", 5, 1, "DATE", "2020")
    with pytest.raises(dl.InvalidDateError):
        dl.Timex("x", 0, 1, "DATE", "2020", range=("2020-02-30", "2020-03-01"))
    with pytest.raises(dl.InvalidOptionError, match="JSON of a dateline Timex"):
        dl.Timex.from_json('{"text": 1}')

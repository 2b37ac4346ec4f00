"""find_dates / parse_date: values, character offsets, options."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dateline as dl


def test_finds_and_normalizes_absolute_dates() -> None:
    found = dl.find_dates("It happened in November 2022.")
    assert [(t.text, t.kind, t.value) for t in found] == [("November 2022", "DATE", "2022-11")]
    assert found[0].range == (datetime.date(2022, 11, 1), datetime.date(2022, 11, 30))
    assert found[0].anchor == "none"
    assert found[0].modifier is None


@pytest.mark.parametrize(
    "anchor",
    ["2023-09-23", datetime.date(2023, 9, 23), datetime.datetime(2023, 9, 23, 18, 30)],
)
def test_anchor_resolves_relative_expressions(anchor: object) -> None:
    (t,) = dl.find_dates("He left yesterday.", anchor=anchor)  # type: ignore[arg-type]
    assert t.text == "yesterday"
    assert t.value == "2023-09-22"
    assert t.anchor == "published"
    assert t.range == (datetime.date(2023, 9, 22), datetime.date(2023, 9, 22))


def test_without_anchor_relative_expressions_stay_unresolved() -> None:
    found = dl.find_dates("He left yesterday.")
    assert all(t.range is None for t in found)


@pytest.mark.parametrize(
    ("order", "value"), [("MDY", "2022-05-11"), ("DMY", "2022-11-05"), ("dmy", "2022-11-05")]
)
def test_date_order(order: str, value: str) -> None:
    (t,) = dl.find_dates("Filed 05/11/2022.", date_order=order)
    assert t.value == value


@pytest.mark.parametrize(
    "text",
    [
        "😀😀 The summit ended on September 23, 2023 in 🇮🇩 Bali.",
        "北京 2023年 — talks resumed on March 3, 2021 after 習近平 spoke.",
        "\ufeffCafé\u00a0crème\r\non 12 May 2020 – “quoted” text 𝒳 on Jan. 5, 2019",
        "Zero-width\u200bjoiner\u200d and combining e\u0301 on 1 June 2022.",
    ],
)
def test_offsets_are_python_character_indices(text: str) -> None:
    found = dl.find_dates(text)
    assert found, "expected at least one date"
    for t in found:
        assert text[t.start : t.end] == t.text
        assert 0 <= t.start < t.end <= len(text)


_PIECES = st.sampled_from(
    [
        "on September 23, 2023",
        " 3 May 2020 ",
        "yesterday",
        "last week",
        "😀",
        "🇰🇷",
        "中国",
        "é",
        "\r\n",
        "\u00a0",
        " ",
        "Saturday",
        "2022-11-15",
        "four years ago",
        "Nov. 15",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=20))
def test_offsets_hold_for_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    for t in dl.find_dates(text, anchor="2023-09-23"):
        assert text[t.start : t.end] == t.text


def test_results_are_in_text_order_and_do_not_overlap() -> None:
    text = "From May 2020 to June 2021, and again on 3 March 2022 and yesterday."
    found = dl.find_dates(text, anchor="2023-01-10")
    assert len(found) >= 3
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_empty_and_dateless_text() -> None:
    assert dl.find_dates("") == []
    assert dl.find_dates("No dates in here at all.") == []


def test_parse_date() -> None:
    t = dl.parse_date("Updated: 2023-09-23 14:02")
    assert t.value == "2023-09-23T14:02"
    with pytest.raises(dl.DateNotFoundError, match="no temporal expression"):
        dl.parse_date("no date here")
    with pytest.raises(ValueError):
        dl.parse_date("   ")

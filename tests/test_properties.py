"""Hypothesis property tests of ``dateline.find_dates`` and ``dateline.analyze`` (issue 8).

For any text: offsets are Python character indices with ``text[x.start:x.end] == x.text``,
TIMEX3 values are well formed for their type, ranges are ordered, results are deterministic,
and nothing raises except the documented ``dateline.DatelineError`` hierarchy (a lone
surrogate is ``InvalidTextError``) or ``TypeError``. Example counts stay modest (scripts/test).
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dateline as dl
from hostile.checks import check_document, check_timexes

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)

# Pieces that drive the date, article, entity and quote grammars, glued with hostile
# separators, so generated texts reach deep into the rules rather than only the tokenizer.
PIECES = [
    "January", "Sept.", "Nov. 15", "2022", "2023-09-23", "11/15/2022", "15.11.2022", "Monday",
    "on Saturday", "yesterday", "next", "last", "week", "two years ago", "earlier this month",
    "5 p.m.", "09:55 KST", "the 1990s", "mid-2023", "every year", "about four hours", "1/2",
    "Xi Jinping", "President", "former", "Kim Jong-un", "South Korea", "ROK", "(Yonhap)",
    "SEOUL,", "--", "\u2014", "By", "said", "told", "according to", '"', "\u201c", "\u201d",
    "'", "\u2019", ".", ",", ":", "(", ")", "BALI, Indonesia, Nov. 15 (Yonhap) --",
    " date 2023-09-23 WORLD", "Updated:", "Photo:", "Related:", "\ufeff", "\u00a0", "\r\n",
    "\n\n", "\t", "\u0301", "\u202e", "\u200d", "\U0001f600", "\U0001f1f0\U0001f1f7", "\x00",
    "9" * 40, "\u0661\u0662", "\u4e60\u8fd1\u5e73", "\u2028",
]
SEPARATORS = st.sampled_from(["", " ", "  ", "\n", "\r\n", "\u00a0", "\t", "\u3000"])
news = st.lists(st.tuples(st.sampled_from(PIECES), SEPARATORS), max_size=60).map(
    lambda xs: "".join(a + b for a, b in xs)
)
# Any Unicode scalar value (no surrogates: those are a separate, documented error).
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
texts = st.one_of(news, unicode_text, st.builds(lambda a, b: a + b, news, unicode_text))
anchors = st.one_of(st.none(), st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)))
orders = st.sampled_from(["MDY", "DMY", "YMD", "mdy"])

needs_analyze = pytest.mark.skipif(
    not hasattr(dl, "analyze"), reason="dateline.analyze not in this build of the package"
)


@SETTINGS
@given(texts, anchors, orders)
def test_find_dates_offsets_values_and_determinism(text: str, anchor, order: str) -> None:
    found = dl.find_dates(text, anchor=anchor, date_order=order)
    check_timexes(text, found)
    assert found == dl.find_dates(text, anchor=anchor, date_order=order)
    if anchor is None:
        assert all(t.anchor != "published" for t in found)


@SETTINGS
@given(texts, anchors)
def test_find_dates_accepts_iso_strings_like_dates(text: str, anchor) -> None:
    as_date = dl.find_dates(text, anchor=anchor)
    as_str = dl.find_dates(text, anchor=None if anchor is None else anchor.isoformat())
    assert as_date == as_str


@SETTINGS
@given(st.text(max_size=40), st.text(max_size=12))
def test_find_dates_raises_only_documented_errors(text: str, anchor: str) -> None:
    # Arbitrary text (lone surrogates included) and arbitrary anchor strings.
    try:
        found = dl.find_dates(text, anchor=anchor)
    except dl.InvalidTextError:
        assert any("\ud800" <= c <= "\udfff" for c in text)
        return
    except dl.DatelineError as e:
        assert isinstance(e, ValueError), type(e)
        return
    check_timexes(text, found)


@SETTINGS
@given(st.one_of(st.none(), st.integers(), st.binary(max_size=8), st.lists(st.text(max_size=3))))
def test_non_str_text_is_a_type_error(value) -> None:
    with pytest.raises(TypeError):
        dl.find_dates(value)  # type: ignore[arg-type]


@SETTINGS
@given(texts, st.text(max_size=30))
def test_parse_date_returns_a_timex_or_a_documented_error(text: str, prefix: str) -> None:
    expr = prefix + text[:60]
    try:
        t = dl.parse_date(expr)
    except dl.DatelineError as e:
        assert isinstance(e, (dl.DateNotFoundError, dl.InvalidTextError)), type(e)
        return
    check_timexes(expr, [t])


@needs_analyze
@SETTINGS
@given(texts, anchors)
def test_analyze_offsets_values_and_determinism(text: str, published) -> None:
    try:
        doc = dl.analyze(text, published=published)
    except dl.InvalidTextError:
        # Binary-looking input (NUL bytes) is refused with the documented error.
        assert "\x00" in text
        return
    check_document(text, doc)
    again = dl.analyze(text, published=published)
    assert doc.to_json() == again.to_json()


@needs_analyze
@SETTINGS
@given(st.text(max_size=60))
def test_analyze_raises_only_documented_errors(text: str) -> None:
    try:
        doc = dl.analyze(text)
    except dl.DatelineError as e:
        assert isinstance(e, ValueError), type(e)
        return
    check_document(text, doc)


# Fuzz findings of issue 8, fixed in dateline-dates: anchor arithmetic stays inside TIMEX3's
# four-digit years and never yields a calendar range Python's datetime.date cannot hold.
def test_years_before_the_common_era_are_valid_timex3() -> None:
    # dateline-dates gave "5000 years ago" from 2023-09-23 the value "-2977" (not TIMEX3).
    text = "The ruins were built 5000 years ago."
    check_timexes(text, dl.find_dates(text, anchor="2023-09-23"))


def test_year_10000_is_not_emitted() -> None:
    # dateline-dates gave "tomorrow" from 9999-12-31 the value "10000-01-01".
    text = "It happens tomorrow."
    check_timexes(text, dl.find_dates(text, anchor="9999-12-31"))


@pytest.mark.parametrize("expr", ["last year", "the previous day", "the weekend", "the day before yesterday"])
def test_anchor_in_year_one_raises_nothing_undocumented(expr: str) -> None:
    # dateline-python (range conversion) / dateline-dates: a range in year 0 made find_dates
    # raise a bare ValueError("year 0 is out of range"), not a DatelineError.
    text = f"It happened {expr}."
    try:
        found = dl.find_dates(text, anchor=datetime.date(1, 1, 1))
    except dl.DatelineError:
        return
    check_timexes(text, found)

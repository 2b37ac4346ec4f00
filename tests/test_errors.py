"""Bad input: clear Python exceptions (never a crash), one exception hierarchy."""

from __future__ import annotations

import pickle

import pytest

import dateline as dl

ERRORS = [
    dl.InvalidDateError,
    dl.InvalidOptionError,
    dl.InvalidTextError,
    dl.InputTooLargeError,
    dl.DateNotFoundError,
    dl.InternalError,
]


def test_hierarchy() -> None:
    assert issubclass(dl.DatelineError, Exception)
    assert not issubclass(dl.DatelineError, ValueError)
    for cls in ERRORS:
        assert issubclass(cls, dl.DatelineError)
        assert cls.__module__ == "dateline"
        assert cls.__doc__
    assert not issubclass(dl.InternalError, ValueError)
    for cls in ERRORS[:-1]:
        assert issubclass(cls, ValueError), cls


def test_exceptions_pickle_by_reference() -> None:
    err = dl.InvalidDateError("invalid anchor")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is dl.InvalidDateError
    assert again.args == ("invalid anchor",)


@pytest.mark.parametrize(
    ("value", "hint"),
    [(None, "got None"), (b"bytes", "decode it first"), (bytearray(b"x"), "decode"), (42, "got int")],
)
def test_wrong_text_type_is_a_helpful_type_error(value: object, hint: str) -> None:
    with pytest.raises(TypeError, match="argument 'text' must be str") as info:
        dl.find_dates(value)  # type: ignore[arg-type]
    assert hint in str(info.value)


@pytest.mark.parametrize(
    ("anchor", "match"),
    [("2023-02-30", "not a real calendar date"), ("yesterday", "ISO date"), ("23/09/2023", "ISO")],
)
def test_invalid_anchor(anchor: str, match: str) -> None:
    with pytest.raises(dl.InvalidDateError, match=match):
        dl.find_dates("on Saturday", anchor=anchor)
    with pytest.raises(ValueError):
        dl.find_dates("on Saturday", anchor=anchor)


@pytest.mark.parametrize("anchor", [20230923, 1.5, ["2023-09-23"]])
def test_anchor_of_wrong_type(anchor: object) -> None:
    with pytest.raises(TypeError, match="'anchor' must be a datetime.date"):
        dl.find_dates("on Saturday", anchor=anchor)  # type: ignore[arg-type]


def test_invalid_date_order() -> None:
    with pytest.raises(dl.InvalidOptionError, match="date_order"):
        dl.find_dates("05/11/2022", date_order="XYZ")
    with pytest.raises(TypeError):
        dl.find_dates("05/11/2022", date_order=1)  # type: ignore[arg-type]


def test_lone_surrogate_is_invalid_text() -> None:
    with pytest.raises(dl.InvalidTextError, match="lone surrogate at index 3"):
        dl.find_dates("abc\ud800 on 3 May 2020")


def test_positional_options_are_rejected() -> None:
    with pytest.raises(TypeError):
        dl.find_dates("on 3 May 2020", "2023-01-01")  # type: ignore[misc]


def test_large_input_is_handled() -> None:
    # 20 MB of text: either a valid result or a clear error, never a crash or a hang.
    text = ("Nothing happened on 3 May 2020. " + "filler text " * 40 + "\n") * 40_000
    try:
        found = dl.find_dates(text)
    except dl.InputTooLargeError:
        return
    assert len(found) == 40_000
    last = found[-1]
    assert text[last.start : last.end] == "3 May 2020"

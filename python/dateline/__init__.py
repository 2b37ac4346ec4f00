"""dateline: structured records from raw news-article text.

Find every temporal expression with its calendar value::

    >>> import dateline as dl
    >>> [t.value for t in dl.find_dates("The talks ended on Saturday.", anchor="2023-09-23")]
    ['2023-09-23']

Offsets are Python character indices, so ``text[t.start:t.end] == t.text`` for any text.
Every error raised by dateline is a :class:`DatelineError`; bad values (an impossible
``anchor``, an unknown ``date_order``) are also ``ValueError``; wrong argument types are
``TypeError``.
"""

from __future__ import annotations

from dateline._native import (
    DateNotFoundError,
    DatelineError,
    InputTooLargeError,
    InternalError,
    InvalidDateError,
    InvalidOptionError,
    InvalidTextError,
    Article,
    Entity,
    Mention,
    Timex,
    __version__,
    extract_entities,
    find_dates,
    parse_article,
    parse_date,
)

__all__ = [
    "DateNotFoundError",
    "DatelineError",
    "InputTooLargeError",
    "InternalError",
    "InvalidDateError",
    "InvalidOptionError",
    "InvalidTextError",
    "Article",
    "Entity",
    "Mention",
    "Timex",
    "__version__",
    "extract_entities",
    "find_dates",
    "parse_article",
    "parse_date",
]

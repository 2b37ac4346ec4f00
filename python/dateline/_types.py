"""Typed shapes of the plain-dict parts of results (the DESIGN.md JSON contract)."""

from __future__ import annotations

from typing import List, Optional, TypedDict

__all__ = [
    "BoilerplateDict",
    "CaptionDict",
    "DateLineDict",
    "DatelineDict",
    "EventDateDict",
    "HeaderDict",
    "LineDict",
    "ParagraphDict",
    "PlaceSourceDict",
    "PublishedDict",
]


class HeaderDict(TypedDict):
    """``article.header``: the dump's header line."""

    date: Optional[str]
    rest: Optional[str]
    rest_kind: Optional[str]


class DatelineDict(TypedDict):
    """``article.dateline``: the wire dateline ("BALI, Indonesia, Nov. 15 (Yonhap) --")."""

    place: Optional[str]
    agency: Optional[str]
    date_text: Optional[str]


class CaptionDict(TypedDict):
    """``article.captions[]``."""

    text: str
    credit: Optional[str]
    start: int
    end: int


class PublishedDict(TypedDict):
    """``article.published``: the inferred publication date."""

    date: Optional[str]
    source: str
    confidence: str
    warnings: List[str]


class ParagraphDict(TypedDict):
    """``article.paragraphs[]``."""

    text: str
    start: int
    end: int


class BoilerplateDict(TypedDict):
    """``article.boilerplate[]``."""

    kind: str
    text: str
    start: int
    end: int


class DateLineDict(TypedDict):
    """``article.date_line``: the line that states the publication date."""

    text: str
    start: int
    end: int
    date: Optional[str]


class LineDict(TypedDict):
    """``article.lines[]``: a non-blank line and the label the page-structure model gave it:
    ``title``, ``standfirst``, ``byline``, ``date_line``, ``caption``, ``body``, ``related`` or
    ``chrome``."""

    label: str
    start: int
    end: int

class _EventDateBase(TypedDict):
    value: str
    source: str
    start: Optional[int]
    end: Optional[int]


class EventDateDict(_EventDateBase, total=False):
    """``events[].date``: the TIMEX3 value, its source (``mention``, ``published`` or
    ``story``), the mention's character offsets, and for ``story`` the document it came from."""

    document: str


class PlaceSourceDict(TypedDict):
    """``events[].place_source``: where a place filled by story grouping came from."""

    source: str
    document: str
    name: str

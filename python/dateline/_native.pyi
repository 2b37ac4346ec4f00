"""Type stubs of the native core ``dateline._native`` (checked with mypy.stubtest)."""

import datetime
from typing import Literal, final

from typing_extensions import Self

__version__: str
__all__ = [
    "DateNotFoundError",
    "DatelineError",
    "InputTooLargeError",
    "InternalError",
    "InvalidDateError",
    "InvalidOptionError",
    "InvalidTextError",
    "Timex",
    "__version__",
    "_before_fork",
    "find_dates",
    "parse_date",
]

class DatelineError(Exception):
    """Base class of every error raised by dateline."""

class InvalidDateError(DatelineError, ValueError): ...
class InvalidOptionError(DatelineError, ValueError): ...
class InvalidTextError(DatelineError, ValueError): ...
class InputTooLargeError(DatelineError, ValueError): ...
class DateNotFoundError(DatelineError, ValueError): ...
class InternalError(DatelineError): ...

@final
class Timex:
    """One temporal expression; ``text[t.start:t.end] == t.text``."""

    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        kind: str,
        value: str,
        modifier: str | None = None,
        range: tuple[datetime.date | str, datetime.date | str] | None = None,
        anchor: str = "none",
    ) -> Self: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> Literal["DATE", "TIME", "DURATION", "SET"]: ...
    @property
    def value(self) -> str: ...
    @property
    def modifier(self) -> str | None: ...
    @property
    def range(self) -> tuple[datetime.date, datetime.date] | None: ...
    @property
    def anchor(self) -> Literal["published", "mention", "none"]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, object]: ...
    @classmethod
    def from_json(cls, data: str) -> Self: ...
    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Self: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[object, tuple[str]]: ...

def find_dates(
    text: str,
    *,
    anchor: datetime.date | str | None = None,
    date_order: str = "MDY",
) -> list[Timex]: ...
def parse_date(
    text: str,
    *,
    anchor: datetime.date | str | None = None,
    date_order: str = "MDY",
) -> Timex: ...
def _before_fork() -> None: ...

"""dateline: structured records from raw news-article text.

Analyse an article: its parts, publication date, every temporal expression normalized to a
calendar value, named entities with canonical identities and roles, and quotes::

    >>> import dateline as dl
    >>> doc = dl.analyze("Chinese President Xi Jinping spoke in Beijing on Saturday.", published="2023-09-25")
    >>> [(t.text, t.value) for t in doc.dates]
    [('Saturday', '2023-09-23')]
    >>> [(e.name, e.label, e.role) for e in doc.entities][:2]
    [('Chinese', 'NORP', None), ('Xi Jinping', 'PERSON', 'President')]

Encounter events (who met whom, where, when) and stories across articles::

    >>> doc = dl.analyze("Xi Jinping met Yoon Suk-yeol in Bali on Tuesday.", published="2022-11-16")
    >>> e = doc.events[0]
    >>> (e.kind, [doc.entity(p).name for p in e.participants], doc.entity(e.place).name, e.date_value, e.status)
    ('meet', ['Xi Jinping', 'Yoon Suk-yeol'], 'Bali', '2022-11-15', 'happened')

Many articles in parallel (the GIL is released; order is kept)::

    >>> docs = dl.analyze_many(["On Monday, Kim met Yoon.", "Nothing here."], threads=2)
    >>> len(docs)
    2

Offsets are Python character indices, so ``text[m.start:m.end] == m.text`` for any text.
Every error raised by dateline is a :class:`DatelineError`; bad values (an impossible date,
an unknown option) are also ``ValueError``; wrong argument types are ``TypeError``.
"""


from typing import TYPE_CHECKING, Any

from dateline._native import (
    Article,
    DateNotFoundError,
    DatelineError,
    Document,
    Entity,
    Event,
    InputTooLargeError,
    InternalError,
    InvalidDateError,
    InvalidOptionError,
    InvalidTextError,
    Mention,
    Quote,
    Timex,
    __version__,
    analyze,
    analyze_many,
    extract_entities,
    find_dates,
    group_stories,
    parse_article,
    parse_date,
)

def iter_analyze(
    texts: "Any",
    *,
    batch_size: int = 512,
    threads: "Any" = None,
    published: "Any" = None,
    errors: str = "raise",
    tagger: bool = True,
) -> "Any":
    """Like :func:`analyze_many`, but yields Documents as batches finish, so a corpus larger
    than memory streams through (each batch of ``batch_size`` items runs in parallel)::

        for doc in dl.iter_analyze(dl.read_corpus("corpus/"), batch_size=1000):
            ...
    """
    if batch_size < 1:
        raise InvalidOptionError(f"invalid batch_size={batch_size}: expected a positive number of documents")
    if isinstance(texts, str):
        raise TypeError("iter_analyze() expects an iterable of texts, not a single str; use analyze(text)")
    batch: list = []
    for item in texts:
        batch.append(item)
        if len(batch) == batch_size:
            yield from analyze_many(batch, threads=threads, published=published, errors=errors, tagger=tagger)  # type: ignore[call-overload]
            batch = []
    if batch:
        yield from analyze_many(batch, threads=threads, published=published, errors=errors, tagger=tagger)  # type: ignore[call-overload]


if TYPE_CHECKING:  # imported lazily at run time, to keep `import dateline` fast
    from dateline._corpus import read_corpus
    from dateline._pandas import to_pandas


def __getattr__(name: str) -> Any:
    if name == "read_corpus":
        from dateline._corpus import read_corpus

        return read_corpus
    if name == "to_pandas":
        from dateline._pandas import to_pandas

        return to_pandas
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")


__all__ = [
    "Article",
    "DateNotFoundError",
    "DatelineError",
    "Document",
    "Entity",
    "Event",
    "InputTooLargeError",
    "InternalError",
    "InvalidDateError",
    "InvalidOptionError",
    "InvalidTextError",
    "Mention",
    "Quote",
    "Timex",
    "__version__",
    "analyze",
    "analyze_many",
    "extract_entities",
    "find_dates",
    "group_stories",
    "iter_analyze",
    "parse_article",
    "parse_date",
    "read_corpus",
    "to_pandas",
]

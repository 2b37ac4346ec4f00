"""Dask integration: analyse a corpus on a cluster as a Dask bag, then tidy DataFrames.

::

    from distributed import Client
    import dateline.dask as dld

    client = Client()                                  # or a real cluster's address
    bag = dld.analyze_bag("corpus/**/*.txt")           # a bag of dateline.Document
    docs = bag.compute()
    entities = dld.to_dataframe(bag, "entities").compute()

Each partition reads its own files on the worker and runs :func:`dateline.analyze_many`
there (Rust threads, GIL released), so only file names travel to the workers and only
results travel back (Documents pickle compactly). Needs ``pip install dateline[dask]``.

Stories across a corpus that does not fit one machine (:func:`group_stories`)::

    stories_bag = dld.group_stories(bag)               # a bag of Documents with story ids

Grouping runs in three steps, so documents never leave their partition: each partition
turns its Documents into event summaries (participant ids, kind, date, place: a few hundred
bytes per event); the summaries alone are gathered and grouped on the client (blocking on
participant pairs, O(n log n) in events, the same code as ``dateline stories``); the
resulting assignment table is sent back and each partition writes the story ids and the
filled dates and places into its own Documents. Memory on the client is proportional to
the number of events, not to the text.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, List, Optional, Sequence, Union

from dateline._corpus import _files, read_corpus
from dateline._native import (
    Document,
    _apply_stories,
    _group_summaries,
    _story_summaries,
    analyze_many,
)
from dateline._pandas import _EMPTY_COLUMNS, TABLES, to_pandas

__all__ = ["analyze_bag", "group_stories", "to_dataframe"]

Paths = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]


def _expand(paths: Paths, pattern: str) -> List[str]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: List[str] = []
    for p in paths:
        files.extend(_files(p, pattern))
    return files


def _analyze_partition(
    files: Iterable[str],
    pattern: str,
    threads: Optional[int],
    published: Any,
    errors: str,
) -> List[Any]:
    items = [item for path in files for item in read_corpus(path, pattern=pattern)]
    return analyze_many(items, threads=threads, published=published, errors=errors)  # type: ignore[call-overload,no-any-return]


def analyze_bag(
    paths: Paths,
    *,
    pattern: str = "*.txt",
    npartitions: Optional[int] = None,
    files_per_partition: int = 64,
    threads: Optional[int] = 1,
    published: Any = None,
    errors: str = "raise",
) -> Any:
    """A Dask bag of :class:`dateline.Document`, one per document of the corpus.

    ``paths`` is a folder, glob, file (text or JSONL) or a list of them; files are listed
    here and read on the workers. ``threads`` is the Rust thread count inside each task
    (1 suits one Dask thread per core; raise it for workers with spare cores). ``errors``
    is passed to :func:`dateline.analyze_many` (``"return"`` keeps failures as exception
    objects in the bag). Order is the sorted file order, like :func:`dateline.read_corpus`.
    """
    import dask.bag as db

    files = _expand(paths, pattern)
    if npartitions is None:
        npartitions = max(1, -(-len(files) // max(1, files_per_partition)))
    bag = db.from_sequence(files, npartitions=max(1, min(npartitions, len(files) or 1)))
    return bag.map_partitions(_analyze_partition, pattern, threads, published, errors)


def to_dataframe(bag: Any, table: str = "entities") -> Any:
    """A Dask DataFrame of one tidy table (see :func:`dateline.to_pandas`) of a bag of Documents."""
    import dask
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    if table not in TABLES:
        raise ValueError(f"to_dataframe(): table must be one of {', '.join(TABLES)}, not {table!r}")
    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in _EMPTY_COLUMNS[table]})

    def part(docs: Iterable[Any]) -> Any:
        frame = to_pandas(list(docs), table)
        return frame.astype("object") if len(frame) else meta

    parts = [dask.delayed(part)(d) for d in bag.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _summaries(docs: Iterable[Any]) -> List[str]:
    return [_story_summaries(d) for d in docs if isinstance(d, Document)]


def _apply(docs: Iterable[Any], stories: str) -> List[Any]:
    return [_apply_stories(d, stories) if isinstance(d, Document) else d for d in docs]


def group_stories(bag: Any, *, window_days: int = 3, **compute: Any) -> Any:
    """A bag of the same Documents with story ids and filled dates and places, as
    :func:`dateline.group_stories` gives for a list (see the module docs for how). The
    summaries are computed now (``compute`` is passed to ``.compute()``, e.g.
    ``scheduler="sync"``); the returned bag applies the stories lazily, partition by partition."""
    summaries = bag.map_partitions(_summaries).compute(**compute)
    stories = _group_summaries(list(summaries), window_days=window_days)
    return bag.map_partitions(_apply, stories)

"""Corpus readers: folders, globs, single files and JSONL."""

from __future__ import annotations

import glob as _glob
import json
import os
from typing import Any, Dict, Iterator, List, Union

__all__ = ["read_corpus"]

PathLike = Union[str, "os.PathLike[str]"]


def _is_jsonl(path: str) -> bool:
    return path.endswith((".jsonl", ".ndjson"))


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _files(path_or_glob: PathLike, pattern: str) -> List[str]:
    path = os.fspath(path_or_glob)
    if os.path.isdir(path):
        found = _glob.glob(os.path.join(path, "**", pattern), recursive=True)
        return sorted(p for p in found if os.path.isfile(p))
    if os.path.isfile(path):
        return [path]
    if _glob.has_magic(path):
        return sorted(p for p in _glob.glob(path, recursive=True) if os.path.isfile(p))
    raise FileNotFoundError(f"read_corpus(): no file, folder or glob match for {path!r}")


def _read_jsonl(path: str, encoding: str, errors: str) -> Iterator[Dict[str, Any]]:
    with open(path, encoding=encoding, errors=errors) as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not a JSON object: {exc}") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError(f"{path}:{lineno}: each line needs a string field 'text'")
            yield {
                "id": str(record["id"]) if record.get("id") is not None else f"{_stem(path)}:{lineno}",
                "text": record["text"],
                "source": record.get("source") or f"{path}:{lineno}",
                "published": record.get("published"),
            }


def read_corpus(
    path_or_glob: PathLike,
    *,
    pattern: str = "*.txt",
    encoding: str = "utf-8",
    errors: str = "replace",
) -> Iterator[Dict[str, Any]]:
    """Yields the documents of a corpus as dicts ``{"id", "text", "source", "published"}``.

    ``path_or_glob`` is a folder (every file matching ``pattern``, recursively, in sorted
    order), a glob (``"data/**/*.txt"``), a single text file, or a JSONL file (``.jsonl`` /
    ``.ndjson``: one object per line with ``text`` and optional ``id``, ``published``,
    ``source``). A text file's id is its name without the extension. The dicts feed
    :func:`dateline.analyze_many` directly::

        docs = dl.analyze_many(dl.read_corpus("seeds/"))

    Undecodable bytes become U+FFFD (``errors="replace"``) so that no document is lost;
    pass ``errors="strict"`` to fail instead.
    """
    for path in _files(path_or_glob, pattern):
        if _is_jsonl(path):
            yield from _read_jsonl(path, encoding, errors)
        else:
            with open(path, encoding=encoding, errors=errors, newline="") as handle:
                text = handle.read()
            yield {"id": _stem(path), "text": text, "source": path, "published": None}

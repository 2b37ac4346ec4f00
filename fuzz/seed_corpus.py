#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets: the repository's seed articles plus a small,
deterministic sample of the development corpora, drawn at run time (nothing is committed).

    fuzz/seed_corpus.py SEEDS_DIR DATA_DIR OUT_DIR [--per-source N] [--max-bytes B]

Each seed file is a short header (the bytes the targets' `arbitrary` inputs read first: anchor,
options) followed by UTF-8 text cut to at most B bytes on a character boundary. DATA_DIR is
the shared data folder (../shared/data); missing sources are skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import pathlib
import re

# A few option headers per text, so options vary from the start: byte 0 selects Some/None for
# the anchor, bytes 1-4 the anchor, byte 5 the date order or a bool.
HEADERS = [b"\x01\x07\xe7\x01\x0a\x00\x01\x00", b"\x00\x00\x00\x00\x00\x01\x00\x00"]


def cut(text: str, max_bytes: int) -> bytes:
    data = text.encode("utf-8")[:max_bytes]
    return data.decode("utf-8", errors="ignore").encode("utf-8")


def every_kth(paths: list[pathlib.Path], n: int) -> list[pathlib.Path]:
    paths = sorted(paths)
    if len(paths) <= n:
        return paths
    step = len(paths) / n
    return [paths[int(i * step)] for i in range(n)]


def texts(seeds: pathlib.Path, data: pathlib.Path, per_source: int):
    for p in sorted(seeds.glob("*.txt")):
        yield p.read_text(encoding="utf-8", errors="replace")
    bbc = data / "news" / "bbc"
    if bbc.is_dir():
        for p in every_kth(list(bbc.rglob("*.txt")), per_source):
            yield p.read_text(encoding="utf-8", errors="replace")
    tml = data / "timeml" / "tbaq"
    if tml.is_dir():
        for p in every_kth(list(tml.rglob("*.tml")), per_source):
            raw = p.read_text(encoding="utf-8", errors="replace")
            m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
            body = m.group(1) if m else raw
            yield html.unescape(re.sub(r"<[^>]+>", "", body))
    reuters = data / "news" / "reuters21578"
    if reuters.is_dir():
        files = every_kth(list(reuters.glob("*.sgm")), 2)
        bodies: list[str] = []
        for p in files:
            raw = p.read_text(encoding="latin-1")
            for m in re.finditer(r"<REUTERS.*?</REUTERS>", raw, re.S):
                bodies.append(html.unescape(re.sub(r"<[^>]+>", "\n", m.group(0))))
        step = max(1, len(bodies) // max(1, per_source))
        yield from bodies[::step][:per_source]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seeds", type=pathlib.Path)
    ap.add_argument("data", type=pathlib.Path)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--per-source", type=int, default=12)
    ap.add_argument("--max-bytes", type=int, default=6000)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for i, text in enumerate(texts(args.seeds, args.data, args.per_source)):
        body = cut(text, args.max_bytes)
        head = HEADERS[i % len(HEADERS)]
        data = head + body
        name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
        (args.out / name).write_bytes(data)
        count += 1
    print(f"{count} seed inputs in {args.out}")


if __name__ == "__main__":
    main()

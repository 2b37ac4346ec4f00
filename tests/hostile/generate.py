#!/usr/bin/env python3
"""Writes the hostile-input corpus: files a crawler may hand dateline that no article looks like.

    tests/hostile/generate.py OUT_DIR [--scale S] [--only NAME[,NAME...]] [--list]

Deterministic: the same scale gives byte-identical files (no randomness, no clock). At
``--scale 1`` the sizes are the ones issue 8 asks for (a 50 MB single line, a million
newlines, 10,000 nested quotes, 100,000 capitalized words, 10,000-digit numbers, 20,000 encounters ...); tests
use small fractions (``--scale 0.001`` and ``0.01`` to compare 1x with 10x). Every file is a
``.txt`` so ``dateline analyze DIR`` picks it up; ``invalid_utf8.txt`` is not UTF-8 on
purpose. Prints one line per file: ``NAME BYTES``.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import Callable

SENTENCE = (
    "Chinese President Xi Jinping met South Korean Prime Minister Han Duck-soo in Hangzhou "
    'on Saturday, Sept. 23, 2023, and said "we welcome the talks" two days later. '
)
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]
ABBREV = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def n(base: int, scale: float, minimum: int = 1) -> int:
    """``base * scale`` rounded, at least ``minimum``."""
    return max(minimum, int(round(base * scale)))


def repeat_to(unit: str, size: int) -> str:
    """``unit`` repeated until the text has ``size`` bytes (cut on a character boundary)."""
    data = unit.encode("utf-8")
    times = size // len(data) + 1
    return (data * times)[:size].decode("utf-8", errors="ignore")


def words(count: int) -> list[str]:
    """``count`` distinct pronounceable capitalized words (deterministic)."""
    cons = "bcdfghjklmnprstvz"
    vows = "aeiou"
    out = []
    for i in range(count):
        w, k = [], i
        for _ in range(3):
            w.append(cons[k % len(cons)])
            k //= len(cons)
            w.append(vows[k % len(vows)])
            k //= len(vows)
        out.append("".join(w).capitalize() + ("" if k == 0 else str(k)))
    return out


def g_empty(scale: float) -> bytes:
    return b""


def g_whitespace(scale: float) -> bytes:
    unit = " \t\n\r\n\u00a0\u2003\u2028\u3000\v\f"
    return (unit * n(10_000, scale)).encode("utf-8")


def g_single_line(scale: float) -> bytes:
    # 50 MB at scale 1, no newline at all (over the pipeline's default 16 MiB limit: the
    # document must come back as an error record, not vanish).
    return repeat_to(SENTENCE, n(50_000_000, scale)).encode("utf-8")


def g_newlines(scale: float) -> bytes:
    return b"\n" * n(1_000_000, scale)


def g_lines(scale: float) -> bytes:
    # Many short lines that each look like a header, a date line or a byline.
    unit = "Updated: Nov. 15, 2022\nBy Kim Min-ji\nSEOUL, Nov. 15 (Yonhap) --\n\n"
    return (unit * n(100_000, scale)).encode("utf-8")


def g_nul(scale: float) -> bytes:
    # Text with NUL bytes sprinkled in (not binary by the 10% rule).
    text = (SENTENCE.replace("Saturday", "Satur\0day") + "\n\n") * n(2_000, scale)
    return text.encode("utf-8")


def g_binary(scale: float) -> bytes:
    # Mostly NUL: a binary file handed over as text.
    return (b"\0\0\0\x01\x02PNG\0\0" * n(10_000, scale))


def g_invalid_utf8(scale: float) -> bytes:
    bad = [
        b"\xff", b"\xfe", b"\xc3\x28", b"\xa0\xa1", b"\xe2\x28\xa1", b"\xe2\x82\x28",
        b"\xf0\x28\x8c\xbc", b"\xf0\x90\x28\xbc", b"\xed\xa0\x80", b"\xc0\xaf",
        b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80",
    ]
    out = bytearray()
    for i in range(n(2_000, scale)):
        out += SENTENCE.encode("utf-8")[: 40 + i % 50]
        out += bad[i % len(bad)]
        out += b" on Nov. 15, 2022.\n\n"
    return bytes(out)


def g_bom_crlf(scale: float) -> bytes:
    body = (
        " date 2022-11-15 WORLD\r\nYoon, Xi meet in Bali\r\n\r\n"
        "BALI, Indonesia, Nov. 15 (Yonhap) -- "
        + SENTENCE
        + "\r\n\r\n"
    )
    return ("\ufeff" + body + (SENTENCE + "\r\n\r\n") * n(2_000, scale)).encode("utf-8")


def g_rtl_combining(scale: float) -> bytes:
    arabic = "قال الرئيس شي جين بينغ يوم السبت ٢٣ سبتمبر ٢٠٢٣ "
    hebrew = "ביום שלישי, 15 בנובמבר 2022 "
    marks = "\u202eXi Jinping\u202c \u200fmet\u200e \u2067Han\u2069 "
    zalgo = "".join(ch + "\u0301\u0308\u0327\u0336" for ch in "Saturday Sept. 23, 2023 Seoul ")
    decomposed = "Cafe\u0301 owner Jose\u0301 said on Tuesday. "
    unit = arabic + hebrew + marks + zalgo + decomposed + "\n\n"
    return (unit * n(2_000, scale)).encode("utf-8")


def g_emoji(scale: float) -> bytes:
    emoji = ["😀", "👩‍👩‍👧‍👦", "🇰🇷", "🇨🇳", "1️⃣", "👍🏽", "🏳️‍🌈", "\U0001f9d1\u200d\U0001f680"]
    out = []
    for i, w in enumerate(SENTENCE.split(" ") * n(2_000, scale)):
        out.append(w)
        out.append(emoji[i % len(emoji)])
    return " ".join(out).encode("utf-8")


def g_nested_quotes(scale: float) -> bytes:
    k = n(10_000, scale)
    openers = ['"', "\u201c", "'", "\u2018", "\u00ab"]
    closers = ['"', "\u201d", "'", "\u2019", "\u00bb"]
    head = "".join(f"Xi said {openers[i % 5]}" for i in range(k))
    tail = "".join(closers[i % 5] for i in reversed(range(k)))
    return (head + "we meet on Saturday" + tail + " Han added.\n").encode("utf-8")


def g_capitalized(scale: float) -> bytes:
    return (" ".join(words(n(100_000, scale))) + ".\n").encode("utf-8")


def g_digits(scale: float) -> bytes:
    k = n(10_000, scale)
    parts = [
        "On " + "9" * k + " May " + "1" * k + ", 2023 the count rose.",
        "In " + "2" * k + " years ago " + "0" * k + ".",
        "Filed " + "1" * k + "/" + "2" * k + "/" + "3" * k + ".",
        "At " + "1" * k + ":" + "5" * k + " p.m. on " + "3" * k + "." + "4" * k + ".",
        "It cost $" + "8" * k + "." + "9" * k + " in " + "-" * k + "2023.",
    ]
    return "\n\n".join(parts).encode("utf-8")


def g_next_next(scale: float) -> bytes:
    k = n(100_000, scale)
    return ("It happens " + "next " * k + "week, " + "last " * k + "year and "
            + "the day after " * (k // 10 + 1) + "tomorrow.\n").encode("utf-8")


def g_months_glued(scale: float) -> bytes:
    k = n(5_000, scale)
    glued = "".join(MONTHS) * k
    spaced = " ".join(MONTHS * k)
    abbrev = "".join(ABBREV) * k
    dashed = "-".join(f"{m} {d}" for m, d in zip(MONTHS * k, range(1, 12 * k + 1)))
    return "\n\n".join([glued, spaced, abbrev, dashed]).encode("utf-8")


def g_encounters(scale: float) -> bytes:
    # Encounter events at scale: thousands of distinct people meeting each other in separate
    # sentences (no two the same encounter), one sentence with thousands of trigger words, and
    # many "the two leaders" and "the meeting" referring back.
    k = n(20_000, scale)
    people = [f"President {w} {v}" for w, v in zip(words(k), reversed(words(k)))]
    meetings = " ".join(
        f"{people[i]} met {people[(i + 1) % k]} in Paris on Monday. The two leaders held talks."
        for i in range(k)
    )
    one_sentence = "Xi met Han and " + "met the talks and visited the summit " * k + "."
    return (meetings + "\n\n" + one_sentence + "\n").encode("utf-8")


GENERATORS: dict[str, Callable[[float], bytes]] = {
    "empty": g_empty,
    "whitespace": g_whitespace,
    "single_line": g_single_line,
    "newlines": g_newlines,
    "lines": g_lines,
    "nul": g_nul,
    "binary": g_binary,
    "invalid_utf8": g_invalid_utf8,
    "bom_crlf": g_bom_crlf,
    "rtl_combining": g_rtl_combining,
    "emoji": g_emoji,
    "nested_quotes": g_nested_quotes,
    "capitalized": g_capitalized,
    "digits": g_digits,
    "next_next": g_next_next,
    "months_glued": g_months_glued,
    "encounters": g_encounters,
}

#: Files whose size grows with --scale (the linear-time checks compare these at 1x and 10x).
SCALED = [name for name in GENERATORS if name not in ("empty",)]


def generate(out: pathlib.Path, scale: float, only: list[str] | None = None) -> dict[str, pathlib.Path]:
    """Writes the corpus into ``out`` and returns ``{name: path}``."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, gen in GENERATORS.items():
        if only and name not in only:
            continue
        path = out / f"{name}.txt"
        path.write_bytes(gen(scale))
        paths[name] = path
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--scale", type=float, default=1.0, help="size factor (1 = the issue's sizes)")
    ap.add_argument("--only", default="", help="comma-separated names (default: all)")
    ap.add_argument("--list", action="store_true", help="print the names and exit")
    args = ap.parse_args(argv)
    if args.list:
        print("\n".join(GENERATORS))
        return 0
    if args.scale <= 0:
        ap.error("--scale must be positive")
    only = [x for x in args.only.split(",") if x] or None
    unknown = set(only or []) - set(GENERATORS)
    if unknown:
        ap.error(f"unknown names: {', '.join(sorted(unknown))}")
    for name, path in generate(args.out, args.scale, only).items():
        print(f"{name} {path.stat().st_size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

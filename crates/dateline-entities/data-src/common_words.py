#!/usr/bin/env python3
"""Derive a list of common lowercase English words from a news corpus.

Usage: python3 common_words.py NEWS_DIR [LIMIT]

Counts every alphabetic word in the .txt files under NEWS_DIR (the BBC News folder) and keeps
words that appear in lowercase in at least 60% of their mid-sentence occurrences and at
least 8 times, most frequent first, up to LIMIT (default 6000). Only the word list is written
(a list of frequent vocabulary, no text); the extractor uses it to tell sentence-initial
common words ("Earlier", "Both") and common-word city names ("Split") from names.
"""
import collections
import os
import re
import sys

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 6000
    low = collections.Counter()
    cap = collections.Counter()
    for d, _, files in os.walk(root):
        for fn in sorted(files):
            if not fn.endswith(".txt"):
                continue
            with open(os.path.join(d, fn), encoding="utf-8", errors="replace") as f:
                for line in f:
                    for sent in re.split(r"[.!?\"]\s+", line):
                        words = WORD.findall(sent)
                        for w in words[1:]:
                            if w.islower():
                                low[w] += 1
                            elif w[0].isupper() and not w.isupper():
                                cap[w.lower()] += 1
    keep = [w for w, n in low.most_common() if n >= 8 and n >= 0.6 * (n + cap[w])]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "common_words.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Common lowercase English words (derived word list, no text), most frequent first.\n")
        f.write("# Made by data-src/common_words.py from word counts over the BBC News 2004-05 corpus.\n")
        for w in keep[:limit]:
            f.write(w + "\n")
    print("common words", min(limit, len(keep)))


if __name__ == "__main__":
    main()

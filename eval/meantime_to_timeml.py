#!/usr/bin/env python3
"""Convert MEANTIME (CAT XML) documents into TimeML so eval/timeml_score.py can score them.

Usage:
    python3 eval/meantime_to_timeml.py MEANTIME_DIR OUT_DIR

MEANTIME_DIR is e.g. ``.../meantime/intra-doc_annotation`` (sub-folders ``corpus_*`` of
``*.xml``). For every document this writes ``OUT_DIR/gold/<corpus>/<name>.tml`` (TEXT with the
gold TIMEX3 tags) and ``OUT_DIR/input/<corpus>/<name>.tml`` (the same without them).

CAT XML has no running text, only tokens (``<token t_id=.. sentence=..>``) and TIMEX3 markables
that list the tokens they cover (``<token_anchor t_id=..>``). The text is rebuilt by joining each
sentence's tokens with single spaces, except before closing punctuation and clitics (``,``,
``.``, ``'s``, ``n't``, ``)``, ``''`` ...) and after opening ones (``(``, ``$``, ``````` ...);
sentences are separated by newlines. Token text is kept exactly as written (PTB quotes
included), so extents are the annotated tokens.

The document creation time is the TIMEX3 with ``functionInDocument="CREATION_TIME"``. It goes
into ``<DCT>`` (so ``dateline timeml`` anchors on it); in MEANTIME it also covers the date line in
the text, where it stays marked CREATION_TIME so the scorer leaves it out. TIMEX3s without
tokens (non-textual ones) are dropped.

MEANTIME annotates only the beginning of each article: the title (sentence 0), the date line
(sentence 1) and the first body sentences, up to sentence 5; no markable of any kind lies beyond
it. The TEXT therefore holds sentences 0..5 only (``--last-sentence``), so that expressions in
unannotated text do not count as false positives. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "''", "'s", "'S", "n't", "'re",
                   "'ve", "'ll", "'d", "'m", "...", "'"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "`", "US$", "CA$", "AU$", "#"}


def rebuild(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Joins (t_id, text, sentence) tokens into text; returns it and each token's char range."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length = 0
    prev_sentence = None
    prev_text = None
    for t_id, text, sentence in tokens:
        if prev_sentence is None:
            sep = ""
        elif sentence != prev_sentence:
            sep = "\n"
        elif text in NO_SPACE_BEFORE or prev_text in NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        length += len(sep)
        spans[t_id] = (length, length + len(text))
        parts.append(text)
        length += len(text)
        prev_sentence, prev_text = sentence, text
    return "".join(parts), spans


LAST_ANNOTATED_SENTENCE = 5

DAY_FIRST_RE = re.compile(r"(\d{2})-(\d{2})-(\d{4})")


def iso_dct(value: str) -> str:
    """Returns a creation-time value in ISO form.

    A few MEANTIME documents write the creation time day-first (``03-02-2009`` for the date
    line "February 03, 2009"); ``dateline timeml`` only reads ISO dates, so such a value is
    rewritten as ``2009-02-03``. Anything else is returned unchanged.
    """
    m = DAY_FIRST_RE.fullmatch(value.strip())
    if not m:
        return value
    day, month, year = m.groups()
    return f"{year}-{month}-{day}"


def convert(path: Path, last_sentence: int = LAST_ANNOTATED_SENTENCE) -> tuple[str, str]:
    """Returns (gold TimeML, input TimeML) for one CAT XML document (sentences 0..last_sentence)."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.text or "", int(t.get("sentence", "0"))) for t in root.iter("token")]
    tokens = [t for t in tokens if t[2] <= last_sentence]
    text, spans = rebuild(tokens)
    timexes = []
    dct_value = None
    markables = root.find("Markables")
    for tx in (markables.iter("TIMEX3") if markables is not None else []):
        anchors = [a.get("t_id") for a in tx.iter("token_anchor") if a.get("t_id") in spans]
        if tx.get("functionInDocument") == "CREATION_TIME" and dct_value is None:
            dct_value = iso_dct(tx.get("value") or "")
        if not anchors:
            continue
        start = min(spans[a][0] for a in anchors)
        end = max(spans[a][1] for a in anchors)
        timexes.append((start, end, tx))
    timexes.sort(key=lambda x: (x[0], -x[1]))
    # Gold tags must not overlap (TimeML does not nest TIMEX3); keep the first of overlapping ones.
    kept = []
    for start, end, tx in timexes:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, tx))
    gold_body = []
    pos = 0
    for start, end, tx in kept:
        attrs = {"tid": f"t{tx.get('m_id')}", "type": tx.get("type", ""), "value": tx.get("value", "")}
        if tx.get("mod"):
            attrs["mod"] = tx.get("mod")
        attrs["functionInDocument"] = tx.get("functionInDocument") or "NONE"
        attr_text = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
        gold_body.append(escape(text[pos:start]))
        gold_body.append(f"<TIMEX3 {attr_text}>{escape(text[start:end])}</TIMEX3>")
        pos = end
    gold_body.append(escape(text[pos:]))
    doc_id = root.get("doc_name") or path.stem
    dct = ""
    if dct_value:
        dct = (f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct_value)} temporalFunction="false" '
               f'functionInDocument="CREATION_TIME">{escape(dct_value)}</TIMEX3></DCT>\n')
    head = f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{escape(doc_id)}</DOCID>\n{dct}<TEXT>\n'
    tail = "\n</TEXT>\n</TimeML>\n"
    return head + "".join(gold_body) + tail, head + escape(text) + tail


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("meantime_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--last-sentence", type=int, default=LAST_ANNOTATED_SENTENCE,
                    help="keep sentences 0..N (MEANTIME annotates up to sentence 5)")
    args = ap.parse_args(argv)
    files = sorted(args.meantime_dir.rglob("*.xml"))
    if not files:
        ap.error(f"no .xml files under {args.meantime_dir}")
    failed = 0
    for path in files:
        rel = path.relative_to(args.meantime_dir).with_suffix(".tml")
        try:
            gold, plain = convert(path, args.last_sentence)
        except (ET.ParseError, ValueError) as e:
            print(f"error: {path}: {e}", file=sys.stderr)
            failed += 1
            continue
        for kind, content in (("gold", gold), ("input", plain)):
            out = args.out_dir / kind / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(content, encoding="utf-8")
    print(f"converted {len(files) - failed} of {len(files)} documents into {args.out_dir}/{{gold,input}}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

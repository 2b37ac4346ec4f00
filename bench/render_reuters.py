#!/usr/bin/env python3
"""Renders the Reuters-21578 SGML files into one plain-text news dump per article, the way a
crawler leaves them: title line, blank line, "PLACE, Mon DD - " dateline and body.

usage: render_reuters.py REUTERS_DIR OUT_DIR   (prints the number of files and bytes written)

The corpus is research-use only: the rendered files go to OUT_DIR (a temporary directory),
never into the repository."""
import html
import os
import re
import sys

DOC = re.compile(r"<REUTERS\b.*?</REUTERS>", re.S)
FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("TITLE", "DATELINE", "BODY")}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def field(doc, name):
    m = FIELD[name].search(doc)
    return CONTROL.sub("", html.unescape(m.group(1))).strip() if m else ""


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    files = total = 0
    for name in sorted(os.listdir(src)):
        if not name.endswith(".sgm"):
            continue
        with open(os.path.join(src, name), encoding="latin-1") as f:
            data = f.read()
        for i, m in enumerate(DOC.finditer(data)):
            doc = m.group(0)
            body = field(doc, "BODY")
            if not body:
                continue
            body = re.sub(r"\s*Reuter\s*$", "", body)
            text = f"{field(doc, 'TITLE')}\n\n{field(doc, 'DATELINE')} {body}\n"
            path = os.path.join(out, f"{name[:-4]}-{i:04d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            files += 1
            total += len(text.encode("utf-8"))
    print(f"{files} files, {total} bytes")


if __name__ == "__main__":
    main()

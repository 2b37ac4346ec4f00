#!/usr/bin/env python3
"""Fails when code in the repository names a fixed absolute path outside the repository.

A test that reads ``tmp/ent/leeds.txt`` under ``/`` passes on the machine it was written on and fails on
every other one (issue 15). This check keeps that class of mistake out: it scans the code under
``crates/``, ``tests/``, ``python/``, ``eval/``, ``bench/``, ``fuzz/``, ``scripts/`` and
``examples/`` for absolute paths into machine-local places (the root folders ``tmp``, ``var/tmp``,
``home``, ``root``, ``Users``, ``work``, ``mnt``, ``srv``, ``scratch``, ``data``) and exits 1,
listing each ``file:line``, when it finds one.

What to do instead: create files in a temporary directory the test owns (``tempfile`` in
Python, ``std::env::temp_dir()`` plus a unique name in Rust), read data committed in the
repository, or take the path as an argument (``../shared/data/...``). A line that must name
such a path (a test of this checker, say) carries the marker ``allow-absolute-path`` with the
reason.

Comments are scanned too (a path in a comment is usually a copied command). Markdown and other
prose are not, except the dated reports under ``eval/reports/`` and ``bench/reports/``: they are
the evidence an issue note quotes, and a command there that names a machine's folder cannot be
rerun anywhere else.

Usage: ``python3 scripts/check_paths.py [ROOT]`` (default: the repository holding this script).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

#: Top-level folders of the repository whose code is checked.
CHECKED_DIRS = ("crates", "tests", "python", "eval", "bench", "fuzz", "scripts", "examples")

#: File suffixes that hold code (or data that code reads as paths).
CODE_SUFFIXES = {
    ".rs", ".py", ".pyi", ".sh", ".bash", ".toml", ".cfg", ".ini", ".json", ".ipynb", ".yml",
    ".yaml", ".txt", ".tsv", ".csv",
}

#: Folders never scanned (build output, virtual environments, fuzz corpora).
SKIPPED_PARTS = {"target", ".venv", "__pycache__", "corpus", "artifacts", ".git", "node_modules"}

#: Folders whose files are never scanned (none: the JSON of dated reports is read by scripts and
#: checked too).
SKIPPED_PREFIXES: tuple[str, ...] = ()

#: Folders of dated reports, whose Markdown is scanned like code: the commands they quote must
#: run on another machine.
REPORT_DIRS = ("eval/reports/", "bench/reports/")

#: Marker that allows one line (say why next to it).
ALLOW_MARKER = "allow-absolute-path"

#: An absolute path into a machine-local place: not preceded by a path or word character (so
#: ``../tmp/x`` and ``foo/tmp/x`` are fine), followed by ``/`` or the end of the literal.
LOCAL_PATH = re.compile(
    r"""(?<![\w.~$/-])/(?:tmp|var/tmp|home|root|Users|work|mnt|srv|scratch|data)(?=[/"'`\s)]|$)"""
)


class Finding(NamedTuple):
    """One offending line."""

    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text.strip()}"


def is_code_file(path: Path) -> bool:
    """True for files whose suffix is code, or executable scripts without one (``scripts/test``)."""
    if path.suffix in CODE_SUFFIXES:
        return True
    if path.suffix:
        return False
    try:
        with path.open("rb") as f:
            return f.read(2) == b"#!"
    except OSError:
        return False


def candidate_files(root: Path) -> Iterator[Path]:
    """The code files under the checked folders: the ones git knows (tracked and new, ignored
    ones left out) when ``root`` is a git work tree, else every file on disk."""
    listed: list[str] | None = None
    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *CHECKED_DIRS],
            cwd=root, capture_output=True, text=True, check=True,
        )
        listed = out.stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        listed = None
    if listed is None:
        listed = []
        for top in CHECKED_DIRS:
            for dirpath, dirnames, filenames in os.walk(root / top):
                dirnames[:] = [d for d in dirnames if d not in SKIPPED_PARTS]
                rel = Path(dirpath).relative_to(root)
                listed.extend(str(rel / name) for name in filenames)
    for rel in sorted(set(listed)):
        path = root / rel
        if SKIPPED_PARTS.intersection(Path(rel).parts) or rel.startswith(SKIPPED_PREFIXES):
            continue
        if not path.is_file():
            continue
        if is_code_file(path) or (path.suffix == ".md" and rel.startswith(REPORT_DIRS)):
            yield path


def scan_text(text: str, name: str) -> Iterator[Finding]:
    """The lines of ``text`` that name a machine-local absolute path without the marker."""
    for number, line in enumerate(text.splitlines(), start=1):
        if ALLOW_MARKER in line:
            continue
        if LOCAL_PATH.search(line):
            yield Finding(name, number, line)


def scan(root: Path, files: Iterable[Path] | None = None) -> list[Finding]:
    """Every finding under ``root`` (or in ``files``), in path order."""
    findings: list[Finding] = []
    for path in files if files is not None else candidate_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        findings.extend(scan_text(text, str(path.relative_to(root))))
    return findings


def main(argv: list[str]) -> int:
    root = Path(argv[1]).resolve() if len(argv) > 1 else Path(__file__).resolve().parents[1]
    findings = scan(root)
    if findings:
        print("fixed absolute paths outside the repository (use a temporary directory the test "
              "creates, repository data, or a path argument; see scripts/check_paths.py):",
              file=sys.stderr)
        for finding in findings:
            print(f"  {finding}", file=sys.stderr)
        return 1
    print(f"no fixed absolute paths outside the repository in {', '.join(CHECKED_DIRS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Builds a release executable of the workspace with cargo and returns its path.

Shared by the evaluation drivers (`dates_eval.py`, `conll_eval.py`) so they all find the binary
the same way: from cargo's own JSON build messages, whatever CARGO_TARGET_DIR is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build_release(package: str, target: str, example: bool = False) -> Path:
    """Runs `cargo build --release -p PACKAGE [--example TARGET]` and returns the path of the
    executable named TARGET; exits with a message when the build fails or reports none."""
    cmd = ["cargo", "build", "--release", "-p", package]
    if example:
        cmd += ["--example", target]
    cmd.append("--message-format=json-render-diagnostics")
    proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"error: `{' '.join(cmd)}` failed (exit {proc.returncode})")
    for line in proc.stdout.splitlines():
        try:
            msg = json.loads(line)
        except json.JSONDecodeError:
            continue
        if msg.get("reason") == "compiler-artifact" and msg.get("executable") and \
                msg.get("target", {}).get("name") == target:
            return Path(msg["executable"])
    sys.exit(f"error: cargo did not report a `{target}` executable")


def shown_path(path: str | Path) -> str:
    """`path` as a report records it: relative to the repository when inside it, under
    `$CARGO_TARGET_DIR` when inside that, else its file name alone, so that no report names a
    directory of the machine it was made on."""
    p = Path(path).resolve()
    try:
        return str(p.relative_to(REPO))
    except ValueError:
        pass
    target = os.environ.get("CARGO_TARGET_DIR")
    if target:
        try:
            return str(Path("$CARGO_TARGET_DIR") / p.relative_to(Path(target).resolve()))
        except ValueError:
            pass
    return p.name


def shown_command(script: str, args: list[str]) -> str:
    """The command line a report records: `script` and `args`, with every absolute path among
    the arguments shown as no machine's directory: a folder beside the repository (the shared
    data) relative to it ("../shared/data"), anything else as `shown_path` shows it (a binary
    under `$CARGO_TARGET_DIR`, or its file name)."""
    shown = []
    for a in args:
        if a.startswith("/"):
            rel = os.path.relpath(a, REPO)
            parts = Path(rel).parts
            if parts.count("..") <= 1 and not rel.startswith("../../"):
                a = rel
            else:
                a = shown_path(a)
        shown.append(a)
    return " ".join([script, *shown])


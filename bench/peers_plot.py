#!/usr/bin/env python3
"""Plot of a `bench/peers.py` report: throughput (log scale) against F1, one panel per task.

Usage:
    python bench/peers_plot.py bench/reports/peers-YYYY-MM-DD.json [OUT.png]

Panels: temporal expressions (TBAQ value F1, relaxed F1 as a hollow marker on the same line),
named entities (CoNLL F1 on each corpus), and the whole pipeline (throughput only: it has no
single F1). Needs matplotlib (installed in the peers venv by ``scripts/bench-peers``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATES_F1_TOOL = {"dateline-dates-cli": "dateline", "dateline-dates-py": "dateline",
                 "dateparser-en": "dateparser", "datefinder": "datefinder"}
ENTITY_F1_TOOL = {"dateline-entities-py": "dateline", "spacy-ner": "spacy"}
CORPUS_MARKERS = {"conll-testa": "o", "gmb": "s", "crossner-politics": "^"}


OURS_COLORS = ["tab:blue", "navy"]  # CLI, Python
PEER_COLORS = ["tab:orange", "tab:red", "tab:green", "tab:brown", "tab:purple", "tab:olive"]


def colors(rows: list[dict]) -> dict[str, str]:
    """One colour per tool: blue for the dateline CLI, navy for its Python API, other hues for peers."""
    out: dict[str, str] = {}
    peers = iter(PEER_COLORS * 3)
    for r in rows:
        if r["tool"] not in out:
            out[r["tool"]] = (OURS_COLORS[0] if "(CLI)" in r["label"] else OURS_COLORS[1]) if r["ours"] \
                else next(peers)
    return out


def plot(report: dict, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = report["speed"]
    col = colors(rows)
    fig, axes = plt.subplots(1, 3, figsize=(17, 6), layout="constrained")
    ax = axes[0]
    timeml = report.get("timeml_tbaq", {})
    for r in [r for r in rows if r["task"] == "dates"]:
        tool = DATES_F1_TOOL.get(r["tool"])
        x = r["mb_per_cpu_s"]
        if tool not in timeml:
            ax.scatter([x], [1.5], marker="x", color=col[r["tool"]], s=60, zorder=3,
                       label=r["label"] + " (not scored)")
            continue
        m = timeml[tool]["metrics"]
        ax.plot([x, x], [m["value_f1"], m["relaxed_f1"]], color=col[r["tool"]], lw=1, alpha=0.6)
        ax.scatter([x], [m["value_f1"]], color=col[r["tool"]], s=60, zorder=3, label=r["label"])
        ax.scatter([x], [m["relaxed_f1"]], facecolors="none", edgecolors=col[r["tool"]], s=60, zorder=3)
    ax.set_title("Temporal expressions: TBAQ\nfilled = value F1, hollow = relaxed span F1", fontsize=10)
    ax.set_ylabel("F1 (%)")

    ax = axes[1]
    conll = report.get("conll", {})
    for r in [r for r in rows if r["task"] == "entities"]:
        tool = ENTITY_F1_TOOL.get(r["tool"])
        x = r["mb_per_cpu_s"]
        ys = []
        for corpus, marker in CORPUS_MARKERS.items():
            if tool in conll.get(corpus, {}):
                y = conll[corpus][tool]["ALL"]["f1"]
                ys.append(y)
                ax.scatter([x], [y], marker=marker, color=col[r["tool"]], s=60, zorder=3)
        if ys:
            ax.plot([x, x], [min(ys), max(ys)], color=col[r["tool"]], lw=1, alpha=0.6, label=r["label"])
    for corpus, marker in CORPUS_MARKERS.items():
        ax.scatter([], [], marker=marker, color="grey", label=corpus)
    ax.set_title("Named entities: CoNLL span + type F1\n(testa, GMB sample, CrossNER politics)", fontsize=10)

    ax = axes[2]
    pipe = [r for r in rows if r["task"] == "pipeline"]
    ax.barh(range(len(pipe)), [r["mb_per_cpu_s"] for r in pipe], color=[col[r["tool"]] for r in pipe])
    ax.set_yticks(range(len(pipe)), [r["label"].replace(" full pipeline", "\nfull pipeline") for r in pipe],
                  fontsize=8)
    ax.invert_yaxis()
    ax.set_title("Whole pipeline: throughput only\n(no single F1)", fontsize=10)

    for ax, task in zip(axes, ("dates", "entities", "pipeline")):
        xs = [r["mb_per_cpu_s"] for r in rows if r["task"] == task and r["mb_per_cpu_s"] > 0]
        if not xs:
            ax.text(0.5, 0.5, "not measured", ha="center", transform=ax.transAxes)
            continue
        ax.set_xscale("log")
        ax.set_xlim(min(xs) / 3, max(xs) * 3)
        ax.set_xlabel("MB of input per CPU second (log scale)")
        ax.grid(True, which="major", alpha=0.3)
    for ax in axes[:2]:
        ax.set_ylim(0, 100)
        ax.legend(fontsize=7.5, loc="lower right")
    fig.suptitle(f"dateline vs Python peers, {report['date'][:10]}: one core each, CPU time "
                 f"({report['machine']['cpu']}, {report['machine']['logical_cpus']} logical CPUs)", fontsize=11)
    fig.savefig(out, dpi=100)
    plt.close(fig)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    src = Path(argv[0])
    out = Path(argv[1]) if len(argv) > 1 else src.with_suffix(".png")
    plot(json.loads(src.read_text(encoding="utf-8")), out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

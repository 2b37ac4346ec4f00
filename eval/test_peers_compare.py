"""Unit tests of the peer comparison helpers (bench/peers.py, eval/peers_timeml.py, eval/peers_conll.py).

Standard library only, no corpora and no peers needed (the peers themselves run in
``scripts/bench-peers``). Run: python3 -m unittest discover -s eval -p 'test_*.py'
"""

import datetime as dt
import importlib.util
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import peers_conll  # noqa: E402
import peers_timeml  # noqa: E402
import timeml_score  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_peers", HERE.parent / "bench" / "peers.py")
assert _spec is not None and _spec.loader is not None
bench_peers = importlib.util.module_from_spec(_spec)
sys.modules["bench_peers"] = bench_peers  # dataclasses look the module up while the class is built
_spec.loader.exec_module(bench_peers)

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-08T10:30" functionInDocument="CREATION_TIME">1998-08-08</TIMEX3></DCT>
<TEXT>Talks ended <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3> &amp; more.</TEXT>
</TimeML>
"""


class TimexConversionTest(unittest.TestCase):
    def test_value_at_every_grain(self):
        d = dt.datetime(2004, 1, 1, 14, 5)
        self.assertEqual(peers_timeml.value_at(d, "year"), ("DATE", "2004"))
        self.assertEqual(peers_timeml.value_at(d, "month"), ("DATE", "2004-01"))
        self.assertEqual(peers_timeml.value_at(d, "week"), ("DATE", "2004-W01"))
        self.assertEqual(peers_timeml.value_at(d, "day"), ("DATE", "2004-01-01"))
        self.assertEqual(peers_timeml.value_at(d, "time"), ("TIME", "2004-01-01T14:05"))
        self.assertEqual(peers_timeml.value_at(d, "minute"), ("TIME", "2004-01-01T14:05"))
        # ISO week-numbering year differs from the calendar year at the turn of the year.
        self.assertEqual(peers_timeml.value_at(dt.datetime(2005, 1, 1), "week"), ("DATE", "2004-W53"))

    def test_duration_value(self):
        self.assertEqual(peers_timeml.duration_value({"weeks": 3}, 3 * 7 * 86400), "P3W")
        self.assertEqual(peers_timeml.duration_value({"year": 2, "months": 6}, 0), "P2Y6M")
        self.assertEqual(peers_timeml.duration_value({"hours": 72}, 72 * 3600), "PT72H")
        self.assertEqual(peers_timeml.duration_value({"days": 1, "hours": 2}, 93600), "P1DT2H")
        self.assertEqual(peers_timeml.duration_value({}, 2 * 86400), "P2D")
        self.assertEqual(peers_timeml.duration_value({}, 90), "PT90S")

    def test_load_reads_dct_and_scores_a_perfect_system(self):
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "a.tml").write_text(TML, encoding="utf-8")
            Path(tmp, "no-dct.tml").write_text(TML.replace("<DCT>", "<X>").replace("</DCT>", "</X>"),
                                               encoding="utf-8")
            items = peers_timeml.load(Path(tmp))
        self.assertEqual([i.rel for i in items], ["a.tml"])
        item = items[0]
        self.assertEqual(item.dct, dt.datetime(1998, 8, 8, 10, 30))
        self.assertTrue(item.dct_has_time)
        self.assertIn("three weeks & more", item.gold.text)

        def perfect(it):
            return [peers_timeml.timex(t.start, t.end, it.gold.text, t.type, t.value) for t in it.gold.timexes]

        m = peers_timeml.score_system(items, perfect).metrics()
        self.assertEqual((m["strict_f1"], m["value_f1"], m["type_f1"]), (100.0, 100.0, 100.0))

        def wrong_value(it):
            return [peers_timeml.timex(t.start, t.end, it.gold.text, t.type, "1999") for t in it.gold.timexes]

        c = peers_timeml.score_system(items, wrong_value)
        self.assertEqual((c.relaxed, c.value), (2, 0))

    def test_table_has_one_row_per_tool(self):
        c = timeml_score.Counts(gold=4, system=2, strict=1, relaxed=2, type=2, value=1, files=1)
        res = {"a": {"counts": c.__dict__, "metrics": c.metrics()}, "b": {"counts": c.__dict__, "metrics": c.metrics()}}
        lines = peers_timeml.table(res, {"a": "Tool A"}).splitlines()
        self.assertEqual(len(lines), 4)
        self.assertTrue(lines[2].startswith("| Tool A | 4 | 2 | 33.3 |"))


class ConllLayoutTest(unittest.TestCase):
    DOC = [[("Angela", "B-PER"), ("Merkel", "I-PER"), ("said", "O")], [("U.S.-led", "B-MISC"), ("talks", "O")]]

    def test_layout_is_the_cli_layout(self):
        text, spans = peers_conll.layout(self.DOC)
        self.assertEqual(text, "Angela Merkel said\nU.S.-led talks")
        self.assertEqual([text[s:e] for s, e in spans], ["Angela", "Merkel", "said", "U.S.-led", "talks"])

    def test_iob_for_spans_overlap_rule(self):
        text, spans = peers_conll.layout(self.DOC)
        # "Angela Merkel" exactly; "U.S." covers part of a token, which then takes the type.
        mentions = [(0, 13, "PER"), (text.index("U.S."), text.index("U.S.") + 4, "LOC")]
        self.assertEqual(peers_conll.iob_for_spans(spans, mentions), ["B-PER", "I-PER", "O", "B-LOC", "O"])
        # Overlapping mentions: a tagged token keeps its first tag.
        self.assertEqual(peers_conll.iob_for_spans(spans, [(0, 6, "PER"), (0, 13, "ORG")]),
                         ["B-PER", "I-ORG", "O", "O", "O"])
        self.assertEqual(peers_conll.iob_for_spans([], [(0, 3, "PER")]), [])

    def test_label_map_is_the_issue_mapping(self):
        m = peers_conll.ONTONOTES_TO_CONLL
        self.assertEqual({k for k, v in m.items() if v == "LOC"}, {"GPE", "LOC", "FAC"})
        self.assertEqual({k for k, v in m.items() if v == "MISC"}, {"NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
        for dropped in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "LANGUAGE"):
            self.assertNotIn(dropped, m)


class BenchPeersTest(unittest.TestCase):
    def test_corpus_is_deterministic_and_bounded(self):
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(20):
                sub = Path(tmp, f"t{i % 3}")
                sub.mkdir(exist_ok=True)
                Path(sub, f"{i:02}.txt").write_text(f"doc {i:02} " + "x" * 93, encoding="utf-8")
            a = bench_peers.corpus(Path(tmp), 500, seed=7)
            b = bench_peers.corpus(Path(tmp), 500, seed=7)
            c = bench_peers.corpus(Path(tmp), 500, seed=8)
        self.assertEqual(a, b)
        self.assertNotEqual(a, c)
        self.assertEqual(len(a), 5)  # whole documents (100 bytes each) until >= 500 bytes
        self.assertEqual(bench_peers.prefix(a, 150), a[:2])
        self.assertEqual(bench_peers.prefix(a, 1), a[:1])
        self.assertEqual(bench_peers.stats(["Hi, you.", "é"])["tokens"], 5)

    def test_sentences(self):
        text = 'He said so. "Then" it rained on Jan. 3.\nNew line here! 2004 was good? yes'
        self.assertEqual(bench_peers.sentences(text),
                         ["He said so.", '"Then" it rained on Jan.', "3.", "New line here!", "2004 was good? yes"])

    def test_summarize_ratios_and_targets(self):
        runs = {"dateline-dates-cli": [{"cpu": 1.0, "wall": 1, "found": 3, "peak_rss_mb": 10}] * 3,
                "dateparser": [{"cpu": c, "wall": 1, "found": 3, "peak_rss_mb": 50} for c in (1.0, 2.0, 9.0)]}
        stats = {"full": {"docs": 10, "bytes": 2_000_000, "tokens": 400_000},
                 "slow": {"docs": 1, "bytes": 1_000, "tokens": 200}}
        rows = bench_peers.summarize(runs, stats)
        by = {r["tool"]: r for r in rows}
        self.assertAlmostEqual(by["dateline-dates-cli"]["mb_per_cpu_s"], 2.0)
        self.assertAlmostEqual(by["dateparser"]["mb_per_cpu_s"], 0.0005)  # median CPU 2 s
        self.assertAlmostEqual(by["dateparser"]["dateline_x"]["dateline-dates-cli"], 4000)
        timeml = {t: {"metrics": {"value_f1": v}} for t, v in (("dateline", 80.0), ("dateparser", 30.0))}
        lines = bench_peers.targets(rows, timeml, {})
        self.assertEqual(len(lines), 1)
        self.assertIn("4,000x", lines[0])
        self.assertIn("-> met", lines[0])
        self.assertIn("(higher)", lines[0])

    def test_reports_render(self):
        runs = {"dateline-dates-cli": [{"cpu": 1.0, "wall": 1, "found": 3, "peak_rss_mb": 10}],
                "dateparser-en": [{"cpu": 1.0, "wall": 1, "found": 3, "peak_rss_mb": 50}],
                "dateparser": [{"cpu": 30.0, "wall": 1, "found": 3, "peak_rss_mb": 50}]}
        stats = {k: {"docs": 10, "bytes": 1_000_000, "tokens": 200_000} for k in ("full", "mid", "slow")}
        counts = timeml_score.Counts(gold=4, system=4, strict=3, relaxed=4, type=4, value=3, files=1)
        conll = {"gmb": {"dateline": {"ALL": {"gold": 9, "predicted": 9, "correct": 8, "p": 88.9, "r": 88.9,
                                              "f1": 88.9}}}}
        report = {
            "date": "2026-11-22T19:00:00+00:00", "finished": "2026-11-22T19:10:00+00:00",
            "command": "scripts/bench-peers corpus", "commit": "abc1234 x (+ uncommitted changes)",
            "machine": {"os": "Linux 6", "cpu": "CPU", "logical_cpus": "2", "python": "3.11"},
            "versions": {"dateline": "0.1.0"}, "load_average": {"start": "1 1 1", "after_speed": "1 1 1", "end": "2 2 2"},
            "corpus": "corpus", "seed": 1, "anchor": "2005-01-01", "rounds": 1, "slices": stats,
            "speed": bench_peers.summarize(runs, stats),
            "timeml_tbaq": {"dateline": {"counts": counts.__dict__, "metrics": counts.metrics()}},
            "conll": conll, "notes": [],
        }
        report["targets"] = bench_peers.targets(report["speed"], report["timeml_tbaq"], conll)
        md = bench_peers.render_markdown(report)
        self.assertIn("## Speed", md)
        self.assertIn("## Targets (issue 7)", md)
        readme = bench_peers.render_readme(report, Path("/nowhere/peers-2026-11-22.json"))
        self.assertTrue(readme.startswith("## How it compares"))
        self.assertIn("30x faster here", readme)
        self.assertIn("| GMB sample | 9 | 88.9 / 88.9 / **88.9** | - |", readme)
        self.assertIn("uncommitted work", readme)


if __name__ == "__main__":
    unittest.main()

"""Unit tests of the TempEval-3 style scorer and the MEANTIME converter (fast, no corpora).

Run: python3 -m unittest discover -s eval -p 'test_*.py'
"""

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import meantime_to_timeml  # noqa: E402
import timeml_score  # noqa: E402

DATA = HERE / "testdata"


class ScoreTest(unittest.TestCase):
    def test_parse_unescapes_and_skips_other_tags(self):
        doc = timeml_score.parse_timeml((DATA / "gold" / "doc1.tml").read_text())
        self.assertIn("AT&T said on Sunday", doc.text)
        self.assertEqual([t.text for t in doc.timexes],
                         ["January 6, 2020", "Sunday", "the past two years", "March", "5 p.m."])
        self.assertTrue(doc.timexes[0].creation_time)

    def test_doc1_counts(self):
        gold = timeml_score.parse_timeml((DATA / "gold" / "doc1.tml").read_text())
        system = timeml_score.parse_timeml((DATA / "system" / "doc1.tml").read_text())
        r = timeml_score.score_docs(gold, system, "doc1")
        c = r.counts
        # The in-text CREATION_TIME and the system tag over it are both left out.
        self.assertEqual((c.gold, c.system, c.relaxed, c.strict, c.value, c.type), (4, 4, 3, 2, 2, 3))
        m = c.metrics()
        self.assertAlmostEqual(m["relaxed_f1"], 75.0)
        self.assertAlmostEqual(m["strict_f1"], 50.0)
        self.assertAlmostEqual(m["value_f1"], 2 / 3 * 75.0)
        self.assertAlmostEqual(m["type_f1"], 75.0)
        kinds = sorted(p.kind for p in r.problems)
        self.assertEqual(kinds, ["extent", "missed", "spurious", "value"])

    def test_text_difference_is_reported_and_counts_as_misses(self):
        total, results = timeml_score.score_dirs(DATA / "gold", DATA / "system")
        self.assertIsNone(results["doc1.tml"].error)
        self.assertIn("differ", results["doc2.tml"].error)
        self.assertEqual(total.gold, 5)
        self.assertEqual(total.failed_files, 1)

    def test_gold_against_itself_is_perfect(self):
        total, _ = timeml_score.score_dirs(DATA / "gold", DATA / "gold")
        self.assertEqual(total.metrics()["value_f1"], 100.0)
        self.assertEqual(total.metrics()["strict_f1"], 100.0)

    def test_one_system_expression_matches_one_gold(self):
        gold = timeml_score.Doc("from May to June", [
            timeml_score.Timex(5, 8, "May", "DATE", "XXXX-05"),
            timeml_score.Timex(12, 16, "June", "DATE", "XXXX-06")])
        system = timeml_score.Doc("from May to June", [timeml_score.Timex(5, 16, "May to June", "DATE", "XXXX-05")])
        c = timeml_score.score_docs(gold, system).counts
        self.assertEqual((c.relaxed, c.strict, c.value), (1, 0, 1))

    def test_week_numbers_compare_zero_padded(self):
        self.assertTrue(timeml_score.same_value("2000-W7", "2000-W07"))
        self.assertTrue(timeml_score.same_value("2000-W07-WE", "2000-W7-WE"))
        self.assertTrue(timeml_score.same_value("1998-W12", "1998-W12"))
        self.assertFalse(timeml_score.same_value("2000-W7", "2000-W17"))
        self.assertFalse(timeml_score.same_value("2000-W17", "2000-W07"))
        self.assertFalse(timeml_score.same_value("2000-07", "2000-007"))
        self.assertFalse(timeml_score.same_value("P7W", "P07W"))

    def test_cli_exit_code(self):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            self.assertEqual(timeml_score.main([str(DATA / "gold"), str(DATA / "gold")]), 0)
            self.assertEqual(timeml_score.main([str(DATA / "gold"), str(DATA / "system"), "--errors", "9"]), 1)
        self.assertIn("| all | 2 | 5 | 4 |", out.getvalue())
        self.assertIn("missed", out.getvalue())
        self.assertIn("doc2.tml", err.getvalue())


class MeantimeTest(unittest.TestCase):
    def test_rebuild_spacing(self):
        toks = [("1", "Boeing", 0), ("2", "'s", 0), ("3", "(", 0), ("4", "US$", 0), ("5", "40", 0),
                ("6", ")", 0), ("7", ",", 0), ("8", "March", 1), ("9", "1", 1)]
        text, spans = meantime_to_timeml.rebuild(toks)
        self.assertEqual(text, "Boeing's (US$40),\nMarch 1")
        s, e = spans["8"]
        self.assertEqual(text[s:e], "March")

    def test_convert_tiny_cat_document(self):
        cat = """<?xml version="1.0" ?><Document doc_name="tiny">
<token t_id="1" sentence="0">Tiny</token><token t_id="2" sentence="1">May</token>
<token t_id="3" sentence="1">2</token><token t_id="4" sentence="2">It</token>
<token t_id="5" sentence="2">rained</token><token t_id="6" sentence="2">yesterday</token>
<token t_id="7" sentence="2">&amp;</token><token t_id="8" sentence="2">.</token>
<Markables>
<TIMEX3 m_id="9" type="DATE" value="2010-05-02" functionInDocument="CREATION_TIME"><token_anchor t_id="2"/><token_anchor t_id="3"/></TIMEX3>
<TIMEX3 m_id="10" type="DATE" value="2010-05-01" functionInDocument="NONE"><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 m_id="11" type="DATE" value="2010" functionInDocument="NONE"/>
</Markables></Document>"""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "tiny.xml"
            path.write_text(cat)
            gold, plain = meantime_to_timeml.convert(path)
        self.assertIn('<DCT><TIMEX3 tid="t0" type="DATE" value="2010-05-02"', gold)
        doc = timeml_score.parse_timeml(gold)
        self.assertEqual(doc.text, "\nTiny\nMay 2\nIt rained yesterday &.\n")
        self.assertEqual([(t.text, t.value, t.creation_time) for t in doc.timexes],
                         [("May 2", "2010-05-02", True), ("yesterday", "2010-05-01", False)])
        self.assertEqual(timeml_score.parse_timeml(plain).text, doc.text)
        self.assertEqual(timeml_score.parse_timeml(plain).timexes, [])

    def test_day_first_creation_time_becomes_iso(self):
        self.assertEqual(meantime_to_timeml.iso_dct("03-02-2009"), "2009-02-03")
        self.assertEqual(meantime_to_timeml.iso_dct("2009-02-03"), "2009-02-03")
        self.assertEqual(meantime_to_timeml.iso_dct("2009"), "2009")


@unittest.skipUnless(os.environ.get("DATELINE_BIN"), "set DATELINE_BIN to a dateline binary (scripts/test does)")
class EndToEndTest(unittest.TestCase):
    """`dateline timeml` output passes the scorer's identical-text check."""

    def test_timeml_output_scores(self):
        with tempfile.TemporaryDirectory() as tmp:
            proc = subprocess.run([os.environ["DATELINE_BIN"], "timeml", str(DATA / "gold"), tmp],
                                  capture_output=True, text=True, check=False)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            total, results = timeml_score.score_dirs(DATA / "gold", Path(tmp))
        self.assertEqual([r.error for r in results.values()], [None, None])
        self.assertEqual(total.gold, 5)
        self.assertGreater(total.relaxed, 0)

    def test_dates_eval_runs_on_a_tiny_corpus(self):
        import shutil

        import dates_eval

        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(DATA / "gold", Path(tmp) / "timeml" / "tbaq" / "TimeBank")
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                code = dates_eval.main([tmp, "--bin", os.environ["DATELINE_BIN"], "--corpus", "tbaq",
                                        "--no-report", "--errors", "3"])
        self.assertEqual(code, 0, out.getvalue())
        self.assertIn("| tbaq | 2 | 5 |", out.getvalue())
        self.assertIn("| tbaq/TimeBank | 2 | 5 |", out.getvalue())


if __name__ == "__main__":
    unittest.main()

"""Unit tests of the event scorer (eval/events_eval.py): name folding, matching, figures."""

import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_eval import Tally, match_page, norm, score_page  # noqa: E402

TEXT = "Xi met Yoon in Bali on Tuesday. Later, Biden called Lula."
ENTS = [
    {"id": "x", "name": "Xi Jinping", "aliases": ["Xi"], "mentions": [{"text": "Xi"}]},
    {"id": "y", "name": "Yoon Suk-yeol", "aliases": [], "mentions": [{"text": "Yoon"}]},
    {"id": "b", "name": "Bali", "aliases": [], "mentions": [{"text": "Bali"}]},
    {"id": "j", "name": "Joe Biden", "aliases": [], "mentions": [{"text": "Biden"}]},
    {"id": "l", "name": "Lula", "aliases": [], "mentions": [{"text": "Lula"}]},
]
GOLD = {
    "id": "t01",
    "key_people": [{"name": "Yoon Suk Yeol", "mentions": ["Yoon"]}],
    "events": [
        {"kind": "meet", "participants": ["Xi Jinping", "Yoon Suk Yeol"], "place": "Bali",
         "date": "2022-11-15", "status": "happened", "evidence": "Xi met Yoon in Bali on Tuesday."},
        {"kind": "call", "participants": ["Joe Biden", "Lula"], "place": None, "date": None,
         "status": "happened", "evidence": "Biden called Lula."},
    ],
}


def event(kind, parts, place=None, date=None, status="happened", start=0, end=31):
    return {"kind": kind, "participants": parts, "place": place,
            "date": {"value": date} if date else None, "status": status,
            "trigger": {"text": "met", "start": 3, "end": 6}, "evidence": [{"start": start, "end": end}]}


class EventsEvalTest(unittest.TestCase):
    def test_norm_folds_accents_case_punctuation_and_initials(self):
        self.assertEqual(norm("Zéphirin Diabré"), "zephirin diabre")
        self.assertEqual(norm("James N. Mattis"), "james mattis")
        self.assertEqual(norm("Yoon Suk-yeol"), norm("Yoon Suk Yeol"))
        self.assertEqual(norm("the UK"), "uk")

    def test_two_participants_match_and_figures(self):
        doc = {"entities": ENTS, "events": [
            event("meet", ["x", "y"], place="b", date="2022-11-15"),
            event("meet", ["x", "b"]),  # only one gold participant: no match
        ]}
        t = score_page(GOLD, doc, TEXT, show=False)
        self.assertEqual((t.gold, t.pred, t.matched), (2, 2, 1))
        self.assertEqual((t.kind, t.date, t.place, t.status), (1, 1, 1, 1))
        self.assertEqual(t.reachable, 2)
        total = Tally()
        total.add(t)
        f = total.figures()
        self.assertAlmostEqual(f["precision"], 0.5)
        self.assertAlmostEqual(f["recall"], 0.5)

    def test_matching_is_one_to_one_and_prefers_overlapping_evidence(self):
        ents = {e["id"]: e for e in ENTS}
        pred = [event("meet", ["x", "y"], start=40, end=50), event("meet", ["x", "y"], start=0, end=31)]
        pairs = match_page(GOLD["events"], pred, {}, ents, TEXT)
        self.assertEqual(pairs, [(0, 1)])

    def test_pages_without_gold_count_their_predictions(self):
        doc = {"entities": ENTS, "events": [event("call", ["j", "l"])]}
        t = score_page({"id": "t02", "events": []}, doc, TEXT, show=False)
        self.assertEqual((t.empty_pages, t.pred_on_empty, t.matched), (1, 1, 0))


if __name__ == "__main__":
    unittest.main()

"""Unit tests of eval/pages_eval.py's value matching (no binary, no data needed)."""

import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages_eval  # noqa: E402


class ValueMatches(unittest.TestCase):
    def test_equal_values(self):
        self.assertTrue(pages_eval.value_matches({"value": "2021-03-03"}, "2021-03-03"))
        self.assertFalse(pages_eval.value_matches({"value": "2021-03-04"}, "2021-03-03"))

    def test_clock_with_offset_matches_clock_without(self):
        pred = {"value": "2003-04-09T18:52-05:00"}
        self.assertTrue(pages_eval.value_matches(pred, "2003-04-09T18:52"))
        self.assertTrue(pages_eval.value_matches({"value": "2021-03-03T10:42Z"}, "2021-03-03T10:42"))
        self.assertFalse(pages_eval.value_matches(pred, "2003-04-10T18:52"))
        # The offset is not dropped to match a day.
        self.assertFalse(pages_eval.value_matches(pred, "2003-04-09"))

    def test_interval_by_range(self):
        pred = {"value": "2017", "range": ["2017-01-01", "2017-06-30"]}
        self.assertFalse(pages_eval.value_matches(pred, "2017-H1"))
        pred = {"value": "2017-01", "range": ["2017-01-01", "2017-01-31"]}
        self.assertTrue(pages_eval.value_matches(pred, "2017-01"))


if __name__ == "__main__":
    unittest.main()


class ShownPath(unittest.TestCase):
    """Reports name binaries without the directories of the machine they were made on."""

    def test_paths_inside_the_repository_are_relative(self) -> None:
        from cargo_build import REPO, shown_path

        self.assertEqual(shown_path(REPO / "seeds"), "seeds")

    def test_paths_elsewhere_keep_only_their_name_or_the_target_variable(self) -> None:
        import os
        import tempfile

        from cargo_build import shown_path

        with tempfile.TemporaryDirectory() as d:
            binary = Path(d, "release", "dateline")
            old = os.environ.get("CARGO_TARGET_DIR")
            try:
                os.environ["CARGO_TARGET_DIR"] = d
                self.assertEqual(shown_path(binary), "$CARGO_TARGET_DIR/release/dateline")
                os.environ.pop("CARGO_TARGET_DIR")
                self.assertEqual(shown_path(binary), "dateline")
            finally:
                if old is not None:
                    os.environ["CARGO_TARGET_DIR"] = old


class ShownCommand(unittest.TestCase):
    """A report's command line names no directory of the machine it was made on."""

    def test_data_beside_the_repository_is_relative_and_binaries_lose_their_folders(self) -> None:
        import os
        import tempfile

        from cargo_build import REPO, shown_command

        data = str(REPO.parent / "shared" / "data")
        with tempfile.TemporaryDirectory() as d:
            binary = str(Path(d, "dateline"))
            old = os.environ.pop("CARGO_TARGET_DIR", None)
            try:
                line = shown_command("python3 eval/pages_eval.py", [data, "--bin", binary, "--cv", "5"])
            finally:
                if old is not None:
                    os.environ["CARGO_TARGET_DIR"] = old
        self.assertEqual(line, "python3 eval/pages_eval.py ../shared/data --bin dateline --cv 5")

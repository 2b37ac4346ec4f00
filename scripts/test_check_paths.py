"""Tests of scripts/check_paths.py (run by scripts/test: python3 -m unittest discover -s scripts)."""
from __future__ import annotations

import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_paths  # noqa: E402

# The offending strings are assembled at run time so that this file itself stays clean.
TMP = "/" + "tmp"
HOME = "/" + "home"


class ScanText(unittest.TestCase):
    def flagged(self, text: str) -> list[int]:
        return [f.line for f in check_paths.scan_text(text, "x.rs")]

    def test_the_issue_15_line_is_flagged(self) -> None:
        line = f'let text = std::fs::read_to_string("{TMP}/ent/leeds.txt").unwrap();'
        self.assertEqual(self.flagged(line), [1])

    def test_every_local_root_is_flagged(self) -> None:
        for root in ("tmp", "var/tmp", "home", "root", "Users", "work", "mnt", "srv", "scratch", "data"):
            with self.subTest(root=root):
                self.assertEqual(self.flagged(f"open('/{root}/x')"), [1])
                self.assertEqual(self.flagged(f'p = "/{root}"'), [1])

    def test_shell_words_and_comments_are_flagged(self) -> None:
        self.assertEqual(self.flagged(f"dateline analyze seeds/ > {TMP}/o.jsonl"), [1])
        self.assertEqual(self.flagged(f"# python3 x.py {HOME}/me/data"), [1])

    def test_relative_and_unrelated_paths_pass(self) -> None:
        for line in (
            "let p = dir.join(\"tmp/x\");",
            "data = Path('../shared/data/news')",
            "x = 'crates/dateline/tmp'",
            "subprocess.run(['cat', '/dev/null'])",
            "std::fs::read('/proc/self/status')",
            "url = 'https://example.org/home/page'",
            "let r = a/tmp;",
            "p = '~/tmp/x'",
            "let home_dir = \"$HOME/tmp\";",
        ):
            with self.subTest(line=line):
                self.assertEqual(self.flagged(line), [])

    def test_marker_allows_a_line(self) -> None:
        self.assertEqual(self.flagged(f'"{TMP}/x" // allow-absolute-path: documented example'), [])

    def test_line_numbers(self) -> None:
        self.assertEqual(self.flagged(f"ok\nok\nopen('{HOME}/a')\n"), [3])


class ScanTree(unittest.TestCase):
    def test_tree_scan_finds_code_and_reports_and_skips_prose_and_build_output(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            (root / "crates/x/src").mkdir(parents=True)
            (root / "crates/x/src/lib.rs").write_text(f'const P: &str = "{TMP}/x";\n')
            (root / "crates/x/README.md").write_text(f"Run it on {TMP}/x\n")
            (root / "crates/x/target").mkdir()
            (root / "crates/x/target/gen.rs").write_text(f'"{TMP}/x"\n')
            (root / "scripts").mkdir()
            (root / "scripts/run").write_text(f"#!/bin/sh\ncat {HOME}/me/x\n")
            (root / "docs").mkdir()
            (root / "docs/x.py").write_text(f"open('{TMP}/x')\n")
            (root / "eval/reports").mkdir(parents=True)
            (root / "eval/reports/r.json").write_text(f'{{"bin": "{HOME}/t/dateline"}}\n')
            (root / "eval/reports/r.md").write_text(f"binary `{HOME}/t/dateline`\n")
            found = sorted((f.path, f.line) for f in check_paths.scan(root))
            self.assertEqual(
                found,
                [
                    ("crates/x/src/lib.rs", 1),
                    ("eval/reports/r.json", 1),
                    ("eval/reports/r.md", 1),
                    ("scripts/run", 2),
                ],
            )

    def test_command_exit_status(self) -> None:
        script = Path(check_paths.__file__)
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            (root / "tests").mkdir()
            (root / "tests/ok.py").write_text("print('fine')\n")
            ok = subprocess.run([sys.executable, str(script), str(root)], capture_output=True, text=True)
            self.assertEqual(ok.returncode, 0, ok.stderr)
            (root / "tests/bad.py").write_text(f"open('{TMP}/ent/leeds.txt')\n")
            bad = subprocess.run([sys.executable, str(script), str(root)], capture_output=True, text=True)
            self.assertEqual(bad.returncode, 1)
            self.assertIn("tests/bad.py:1", bad.stderr)

    def test_this_repository_is_clean(self) -> None:
        findings = check_paths.scan(Path(check_paths.__file__).resolve().parents[1])
        self.assertEqual([str(f) for f in findings], [])


if __name__ == "__main__":
    unittest.main()

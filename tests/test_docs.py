"""Documentation that runs: the package docstring's examples and the README's Python section."""

from __future__ import annotations

import doctest
import pathlib
import re

import dateline
import dateline._corpus
import dateline._native


def test_package_docstrings() -> None:
    for module in (dateline, dateline._corpus):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0


def test_readme_python_examples(root: pathlib.Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)
    assert len(section) == 2, "README.md lost its Python section"
    blocks = re.findall(r"```python\n(.*?)```", section[1].split("\n## ", 1)[0], flags=re.S)
    assert blocks, "the README's Python section has no python example"
    monkeypatch.chdir(root)
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], "README.md", "exec"), namespace)  # noqa: S102 - our own docs

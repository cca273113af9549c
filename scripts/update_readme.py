#!/usr/bin/env python3
"""Regenerate the rule table in README.md from the registry (tests/test_readme.py checks it)."""

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleantext_zh.report import rules_markdown  # noqa: E402

START, END = "<!-- rules:start -->\n", "<!-- rules:end -->"


def render(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + START + rules_markdown() + END + tail


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(render(path.read_text(encoding="utf-8")), encoding="utf-8")

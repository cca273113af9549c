"""Golden cases: tests/cases/<CODE>_<n>.txt, one artifact each (black's test data format).

A case file may start with option lines ``%% select=SP001`` / ``%% apply_review=true``, then
the input, then a line ``=== output ===`` and the expected text.  No output line means the
input must come out unchanged, so a negative costs one file.  An optional
``<name>.edits.json`` beside it pins the findings: [[start, end, rule, after, applied], ...].
"""

import json
import pathlib

import pytest

from cleantext_zh import explain

CASES = sorted((pathlib.Path(__file__).parent / "cases").glob("*.txt"))
SEPARATOR = "=== output ===\n"


def _parse(path: pathlib.Path):
    text = path.read_text(encoding="utf-8")
    options = {}
    while text.startswith("%% "):
        line, text = text.split("\n", 1)
        key, value = line[3:].split("=", 1)
        value = value.strip()
        options[key.strip()] = {"true": True, "false": False}.get(value, value)
    if SEPARATOR in text:
        source, expected = text.split(SEPARATOR, 1)
    else:
        source = expected = text
    return options, source, expected


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path):
    options, source, expected = _parse(path)
    out, edits = explain(source, **options)
    assert out == expected
    pinned = path.with_suffix(".edits.json")
    if pinned.exists():
        assert [[e.start, e.end, e.rule, e.after, e.applied] for e in edits] == json.loads(pinned.read_text())


def test_there_are_cases():
    assert len(CASES) >= 4

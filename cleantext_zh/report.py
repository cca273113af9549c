"""Renderers for findings: ``--check`` lines, JSON lines, unified diffs; and line/column maps."""

from __future__ import annotations

import bisect
import difflib
import json
from typing import Iterable, Iterator

from .edits import Edit
from .rules import RULES


class LineIndex:
    """Code-point offset -> 1-based (line, column) in one text."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        i = text.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def _show(s: str, limit: int = 40) -> str:
    """A short, visible rendering of a before/after string (newlines and spaces made visible)."""
    shown = s if len(s) <= limit else s[: limit // 2] + "…" + s[-limit // 2:]
    return repr(shown)


def check_lines(path: str, text: str, edits: Iterable[Edit], line0: int = 0) -> Iterator[str]:
    """``path:line:col: CODE reason (before -> after)``, with [review]/[report] for unapplied ones.

    ``text`` may be one block of a file that has ``line0`` lines before it (blocks start at a
    line start, so columns need no correction)."""
    index = LineIndex(text)
    for e in edits:
        line, col = index.position(e.start)
        line += line0
        tag = "" if e.applied else f" [{e.safety.value}]"
        yield f"{path}:{line}:{col}: {e.rule}{tag} {e.reason} ({_show(e.before)} -> {_show(e.after)})"


def json_records(path: str, text: str, edits: Iterable[Edit], line0: int = 0, offset: int = 0) -> Iterator[dict]:
    index = LineIndex(text)
    for e in edits:
        line, col = index.position(e.start)
        first = e.rule.split("+")[0]
        yield {
            "path": path, "line": line + line0, "col": col, "start": e.start + offset, "end": e.end + offset,
            "rule": e.rule, "name": RULES[first].name if first in RULES else None,
            "reason": e.reason, "before": e.before, "after": e.after,
            "safety": e.safety.value, "confidence": round(e.confidence, 4), "applied": e.applied,
        }


def json_lines(path: str, text: str, edits: Iterable[Edit], line0: int = 0, offset: int = 0) -> Iterator[str]:
    for rec in json_records(path, text, edits, line0, offset):
        yield json.dumps(rec, ensure_ascii=False)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"{path} (original)", tofile=f"{path} (cleaned)",
    ))


def rules_markdown() -> str:
    """The README's rule table, generated from the registry so it cannot go stale."""
    rows = ["| code | name | default | what it finds | example |", "| --- | --- | --- | --- | --- |"]
    for r in RULES.values():
        default = "preview" if r.preview else ("on" if r.default else "opt-in")
        ex = f"`{r.example[0]!r}` → `{r.example[1]!r}`".replace("|", "\\|")
        rows.append(f"| {r.code} | {r.name} | {default} | {r.summary} | {ex} |")
    return "\n".join(rows) + "\n"

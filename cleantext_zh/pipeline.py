"""The pipeline: run the selected normalizers in registry order and explain in original terms.

Each stage sees the previous stage's output.  Applied edits are folded into an
:class:`~cleantext_zh.edits.OffsetMap`, so every edit, applied or only reported, is given in
coordinates of the ORIGINAL input.  The whole sequence runs again until nothing changes
(``MAX_PASSES``), as ftfy and ruff do; needing more passes than that is a bug we report.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from operator import attrgetter
from typing import Iterable, Sequence

from .config import Config, resolve_selection
from .edits import Edit, OffsetMap, Safety, apply_edits, select_disjoint
from .rule import Context, Normalizer

# Two passes settle every case we know (a join that brings two Han characters together can
# expose a doubled character or a space to a later stage); the cap only guards against bugs.
MAX_PASSES = 4


class ConvergenceWarning(RuntimeWarning):
    """The pipeline still changed the text after MAX_PASSES passes (a bug: please report)."""


@dataclass(frozen=True)
class Result:
    """The cleaned text and every finding, in original coordinates, sorted by position."""

    text: str
    edits: tuple[Edit, ...]

    @property
    def applied(self) -> list[Edit]:
        return [e for e in self.edits if e.applied]

    @property
    def reported(self) -> list[Edit]:
        return [e for e in self.edits if not e.applied]


class Pipeline:
    """Selected normalizers in a fixed order.  Build once, reuse for many texts."""

    def __init__(self, config: Config | None = None, normalizers: Sequence[Normalizer] | None = None) -> None:
        from .rules import NORMALIZERS, RULES

        self.config = config or Config()
        all_normalizers = tuple(normalizers) if normalizers is not None else NORMALIZERS
        rules = [r for n in all_normalizers for r in n.rules] if normalizers is not None else RULES.values()
        self.selected = resolve_selection(self.config, rules)
        self.context = Context(self.config, self.selected)
        # REF rules need a reference text; without one the stage can find nothing.
        self.stages = tuple(n for n in all_normalizers if n.codes & self.selected
                            and not (n.name == "reference" and self.config.reference is None))
        # Stages whose every rule is selected need no per-edit filtering (the common case).
        self._filtered = tuple(not n.codes <= self.selected for n in self.stages)
        # An edit is applied when it is SAFE or this safety (two identity tests per edit in run).
        self._review = Safety.REVIEW if self.config.apply_review else Safety.SAFE

    def run(self, text: str) -> Result:
        """The cleaned text and every finding, in original coordinates."""
        return self._run(text, True)

    def clean(self, text: str) -> str:
        """Only the cleaned text: the same text as ``run(text).text``, without building the
        explanation (no edit is re-based onto the original, nothing reported is mapped).
        With ``keep`` phrases the edits' original positions are needed, so it runs in full."""
        if self.config.keep:
            return self._run(text, True).text
        return self._run(text, False).text

    def _run(self, text: str, record: bool) -> Result:
        if not isinstance(text, str):
            raise TypeError(
                f"cleantext_zh works on str, not {type(text).__name__}; decode bytes first, "
                "e.g. data.decode('utf-8'), or use cleantext_zh.files.read_text(path) to detect the encoding"
            )
        omap = OffsetMap(text) if record else _TextOnly(text)
        reported: dict[tuple, Edit] = {}
        protected = _protected_spans(text, self.config.keep)
        settled_after = len(self.stages)  # stages past this index saw the current text and applied nothing
        context, selected, filtered = self.context, self.selected, self._filtered
        safe, review = _SAFE, self._review
        for _ in range(MAX_PASSES):
            changed = False
            last_change = -1
            for index, stage in enumerate(self.stages):
                if not changed and index > settled_after:
                    # Finders are pure functions of (text, context): this stage saw exactly this
                    # text at the end of the previous pass and changed nothing, so it would again.
                    break
                if filtered[index]:
                    found = [e for e in stage.finder(omap.current, context) if e.rule in selected]
                else:
                    found = list(stage.finder(omap.current, context))
                if not found:
                    continue
                to_apply = [e for e in found if (e.safety is safe or e.safety is review) and e.before != e.after]
                kept, skipped = select_disjoint(to_apply)
                if protected:
                    blocked = [e for e in kept if _touches(omap.to_original(e), protected)]
                    kept = [e for e in kept if e not in blocked]
                if not record:
                    pass  # nothing is reported
                elif len(to_apply) < len(found):  # (else every edit found is applicable)
                    skipped = [e for e in found if not (e.safety is safe or e.safety is review)] + skipped
                for e in skipped if record else ():
                    r = omap.to_original(e)
                    if protected and _touches(r, protected):
                        continue
                    reported.setdefault((r.start, r.end, r.rule, r.after), r)
                if kept:
                    omap.apply(kept)
                    changed = True
                    last_change = index
            if not changed:
                break
            settled_after = last_change
        else:
            warnings.warn(f"text still changing after {MAX_PASSES} passes", ConvergenceWarning, stacklevel=2)
        if not record:
            return Result(omap.current, ())
        if not omap.edits and not reported:
            return Result(text, ())
        applied = [e if e.applied else e.as_applied() for e in omap.edits]  # OffsetMap builds them applied
        if not reported:
            # All applied: the key below reduces to (start, end, rule), and the map's edits are
            # disjoint, in order: when each starts past the previous one, they are sorted
            # (~2 us on seed 000's 169 edits, where the sort took ~9).
            last_start = -1
            for e in applied:
                if e.start <= last_start:
                    return Result(omap.current, tuple(sorted(applied, key=_START_END_RULE)))
                last_start = e.start
            return Result(omap.current, tuple(applied))
        applied_keys = {(e.start, e.end, e.after) for e in applied}
        rest = [e for e in reported.values() if (e.start, e.end, e.after) not in applied_keys]
        edits = sorted(applied + rest, key=lambda e: (e.start, e.end, not e.applied, e.rule))
        return Result(omap.current, tuple(edits))


class _TextOnly:
    """OffsetMap's ``current`` and ``apply`` alone, for :meth:`Pipeline.clean`."""

    __slots__ = ("current",)

    def __init__(self, text: str) -> None:
        self.current = text

    def apply(self, new_edits: Sequence[Edit]) -> None:
        self.current = apply_edits(self.current, new_edits)


_START_END_RULE = attrgetter("start", "end", "rule")
_SAFE = Safety.SAFE


def _protected_spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for p in phrases:
        if not p:
            continue
        i = text.find(p)
        while i != -1:
            spans.append((i, i + len(p)))
            i = text.find(p, i + 1)
    return spans


def _touches(e: Edit, spans: list[tuple[int, int]]) -> bool:
    return any(e.start < b and a < e.end or (e.start == e.end and a < e.start < b) for a, b in spans)

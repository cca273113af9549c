"""Edit records and the machinery that applies them and maps them back to the input.

Every normalizer reports what it would change as :class:`Edit` records; nothing else in the
package rewrites text.  The cleaned text is always ``apply_edits(original, applied_edits)``,
so cleaning, linting (``--check``), diffing and the JSON report share one code path.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, replace
from typing import Iterable, Sequence


class Safety(str, enum.Enum):
    """How sure a rule is, and so whether its edit is applied (after ruff's fix applicability)."""

    SAFE = "safe"  # applied by default
    REVIEW = "review"  # reported; applied only with apply_review=True / --apply-review
    REPORT = "report"  # reported, never applied (e.g. a hole we can mark but not fill)

    def __str__(self) -> str:  # pragma: no cover - cosmetic
        return self.value


@dataclass(frozen=True, slots=True)
class Edit:
    """One change: replace ``text[start:end]`` (which equals ``before``) by ``after``.

    Spans are half-open, in code points.  A finder returns spans relative to the text it was
    given; the pipeline re-bases them onto the ORIGINAL input before anyone sees them.
    """

    start: int
    end: int
    before: str
    after: str
    rule: str
    reason: str
    safety: Safety = Safety.SAFE
    confidence: float = 1.0
    applied: bool = False  # set by the pipeline on the edits it applied

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end} for {self.rule}")
        if self.end - self.start != len(self.before):
            raise ValueError(f"{self.rule}: before={self.before!r} does not fit span {self.start}:{self.end}")

    @property
    def applicable(self) -> bool:
        return self.safety is not Safety.REPORT

    def shifted(self, offset: int) -> "Edit":
        # Positional construction: dataclasses.replace() was the pipeline's top cost on noisy text.
        return Edit(self.start + offset, self.end + offset, self.before, self.after, self.rule, self.reason,
                    self.safety, self.confidence, self.applied)

    def as_applied(self) -> "Edit":
        return Edit(self.start, self.end, self.before, self.after, self.rule, self.reason,
                    self.safety, self.confidence, True)


def make_edit(text: str, start: int, end: int, after: str, rule: str, reason: str,
              safety: Safety = Safety.SAFE, confidence: float = 1.0) -> Edit:
    """Build an edit over ``text[start:end]``; the usual way finders create edits."""
    return Edit(start, end, text[start:end], after, rule, reason, safety, confidence)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Spans conflict when they share a character, or an insertion sits strictly inside the other."""
    if a_start == a_end and b_start == b_end:
        return a_start == b_start
    if a_start == a_end:
        return b_start < a_start < b_end
    if b_start == b_end:
        return a_start < b_start < a_end
    return a_start < b_end and b_start < a_end


def select_disjoint(edits: Iterable[Edit]) -> tuple[list[Edit], list[Edit]]:
    """Sort edits and keep a non-overlapping subset; first come (by start, then order) wins.

    Returns ``(kept, skipped)``.  Like ruff's ``apply_fixes``, an overlapping later edit is not
    merged by guesswork: it is skipped and the pipeline re-runs to pick it up if still valid.
    """
    kept: list[Edit] = []
    skipped: list[Edit] = []
    indexed = sorted(enumerate(edits), key=lambda ie: (ie[1].start, ie[1].end, ie[0]))
    last_end = -1
    last: Edit | None = None
    for _, e in indexed:
        if last is not None and (e.start < last_end or _overlaps(last.start, last.end, e.start, e.end)):
            skipped.append(e)
            continue
        kept.append(e)
        last, last_end = e, e.end
    return kept, skipped


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, disjoint edits to ``text``; checks that every ``before`` matches."""
    out: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start} ({e.rule})")
        if text[e.start:e.end] != e.before:
            raise ValueError(f"{e.rule}: before={e.before!r} != text[{e.start}:{e.end}]={text[e.start:e.end]!r}")
        out.append(text[pos:e.start])
        out.append(e.after)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


class OffsetMap:
    """The applied edits so far, in ORIGINAL coordinates, and the text they produce.

    ``current`` is always ``apply_edits(original, self.edits)``.  Adding a stage's edits (spans
    in ``current``) re-bases them onto the original; where a new edit touches text an earlier
    edit produced, the two become one edit that names both rules, so no report ever shows a
    span that did not exist in the input.  Only edit boundaries are stored (ruff's SourceMap).
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.current = original
        self.edits: list[Edit] = []  # sorted, disjoint, original coordinates
        self._index: tuple[list[int], list[int]] | None = None  # for to_original
        self._delta0 = 0  # current-minus-original offset before self.edits[0] (sub-maps only)

    def _rebase(self, new: Sequence[Edit]) -> list[Edit]:
        """Old edits plus ``new`` (sorted, disjoint, on ``current``), all on ``original``."""
        # Current-coordinate spans of the old edits.
        items: list[tuple[int, int, int, Edit]] = []  # (cur_start, cur_end, kind 0=old 1=new, edit)
        delta = self._delta0
        for o in self.edits:
            cs = o.start + delta
            items.append((cs, cs + len(o.after), 0, o))
            delta += len(o.after) - len(o.before)
        items.extend((e.start, e.end, 1, e) for e in new)
        items.sort(key=lambda t: (t[0], t[1], t[2]))

        clusters: list[list[tuple[int, int, int, Edit]]] = []
        for it in items:
            if clusters and _joins(clusters[-1], it):
                clusters[-1].append(it)
            else:
                clusters.append([it])

        out: list[Edit] = []
        delta = self._delta0  # current minus original, for text before the cluster
        cur = self.current
        for cl in clusters:
            olds = [t[3] for t in cl if t[2] == 0]
            news = [t[3] for t in cl if t[2] == 1]
            d_after = delta + sum(len(o.after) - len(o.before) for o in olds)
            if not news:
                out.extend(olds)
            else:
                lo = min(t[0] for t in cl)
                hi = max(t[1] for t in cl)
                orig_lo = lo - delta
                orig_hi = hi - d_after
                after = apply_edits(cur[lo:hi], [e.shifted(-lo) for e in news])
                if not olds:
                    e = news[0]
                    out.append(Edit(orig_lo, orig_hi, self.original[orig_lo:orig_hi], e.after, e.rule, e.reason,
                                    e.safety, e.confidence, e.applied))
                else:
                    group = olds + news
                    out.append(Edit(orig_lo, orig_hi, self.original[orig_lo:orig_hi], after,
                                    _join_unique([g.rule for g in group]),
                                    _join_unique([g.reason for g in group], sep="; "),
                                    max((g.safety for g in group), key=_SAFETY_ORDER.index),
                                    min(g.confidence for g in group)))
            delta = d_after
        return out

    def apply(self, new_edits: Sequence[Edit]) -> None:
        """Apply sorted, disjoint edits on ``current`` and fold them into the map."""
        if not new_edits:
            return
        edits = [e for e in self._rebase(new_edits) if e.before != e.after]
        self.current = apply_edits(self.current, new_edits)
        self.edits = edits
        self._index = None

    def to_original(self, edit: Edit) -> Edit:
        """Re-base one edit that is NOT applied (a reported one) onto the original text.

        Only the old edits next to it take part, found by bisection, so reporting many
        findings on a heavily edited text stays cheap.
        """
        if self._index is None:
            starts, deltas, delta = [], [], 0
            for o in self.edits:
                starts.append(o.start + delta)
                deltas.append(delta)
                delta += len(o.after) - len(o.before)
            self._index = (starts, deltas)
        starts, deltas = self._index
        # Old edits that can touch the new one start at most at edit.end (current coordinates);
        # one more to the left may reach into it.
        hi = bisect.bisect_right(starts, edit.end)
        lo = max(0, bisect.bisect_left(starts, edit.start) - 1)
        near = self.edits[lo:hi]
        delta0 = deltas[lo] if lo < len(deltas) else (deltas[-1] + len(self.edits[-1].after) - len(self.edits[-1].before) if self.edits else 0)
        sub = OffsetMap.__new__(OffsetMap)
        sub.original = self.original
        sub.current = self.current
        sub.edits = near
        sub._index = None
        sub._delta0 = delta0
        old = {id(o) for o in near}
        for m in sub._rebase([edit]):
            if id(m) not in old:
                return replace(m, rule=edit.rule, reason=edit.reason, safety=edit.safety,
                               confidence=edit.confidence)
        raise AssertionError("unreachable: rebased edit not found")  # pragma: no cover


_SAFETY_ORDER = [Safety.SAFE, Safety.REVIEW, Safety.REPORT]


def _joins(cluster: list[tuple[int, int, int, "Edit"]], item: tuple[int, int, int, "Edit"]) -> bool:
    """Does ``item`` (sorted after the cluster's members) overlap any member in current text?

    Old edits never overlap each other, nor new ones each other, so only old/new pairs matter.
    Touching spans stay separate, except an insertion at the very place of a deletion (or
    inside a replacement), which has no original position of its own.
    """
    s, e, kind, _ = item
    for cs, ce, k, _m in cluster:
        if k == kind:
            continue
        if s < ce and cs < e:  # share a character
            return True
        if s == e and (cs < s < ce or (cs == ce == s)):
            return True
        if cs == ce and s < cs < e:
            return True
    return False


def _join_unique(items: Iterable[str], sep: str = "+") -> str:
    seen: list[str] = []
    for it in items:
        for part in it.split(sep):
            if part not in seen:
                seen.append(part)
    return sep.join(seen)

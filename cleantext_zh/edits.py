"""Edit records and the machinery that applies them and maps them back to the input.

Every normalizer reports what it would change as :class:`Edit` records; nothing else in the
package rewrites text.  The cleaned text is always ``apply_edits(original, applied_edits)``,
so cleaning, linting (``--check``), diffing and the JSON report share one code path.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, fields
from operator import attrgetter
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
        if self.start + offset < 0:  # only the start can turn invalid; let __post_init__ say so
            return Edit(self.start + offset, self.end + offset, self.before, self.after, self.rule, self.reason,
                        self.safety, self.confidence, self.applied)
        return _copy(self.start + offset, self.end + offset, self.before, self.after, self.rule, self.reason,
                     self.safety, self.confidence, self.applied)

    def as_applied(self) -> "Edit":
        return _copy(self.start, self.end, self.before, self.after, self.rule, self.reason,
                     self.safety, self.confidence, True)


# Internal copies of edits that are valid by construction skip the frozen __setattr__ and the
# re-validation.  They are built as a mutable twin of Edit with the same slots (plain slot
# stores, which the interpreter specializes) and then given Edit as their class: ~240 ns an
# edit, where calling the nine slot descriptors' __set__ took ~440 and Edit(...) ~830.
class _Unfrozen:
    __slots__ = Edit.__slots__


assert _Unfrozen.__slots__ == tuple(f.name for f in fields(Edit))  # __class__ assignment needs one layout
_new_object = object.__new__


def _copy(start: int, end: int, before: str, after: str, rule: str, reason: str, safety: Safety,
          confidence: float, applied: bool) -> Edit:
    e = _new_object(_Unfrozen)
    e.start = start
    e.end = end
    e.before = before
    e.after = after
    e.rule = rule
    e.reason = reason
    e.safety = safety
    e.confidence = confidence
    e.applied = applied
    e.__class__ = Edit
    return e


def make_edit(text: str, start: int, end: int, after: str, rule: str, reason: str,
              safety: Safety = Safety.SAFE, confidence: float = 1.0) -> Edit:
    """Build an edit over ``text[start:end]``; the usual way finders create edits."""
    before = text[start:end]
    if 0 <= start <= end and end - start == len(before):  # Edit.__post_init__'s checks, inline
        return _copy(start, end, before, after, rule, reason, safety, confidence, False)
    return Edit(start, end, before, after, rule, reason, safety, confidence)  # raises the usual message


def make_edits(text: str, spans: Iterable[tuple[int, int]], after: str, rule: str, reason: str,
               safety: Safety = Safety.SAFE, confidence: float = 1.0) -> list[Edit]:
    """``make_edit`` for many spans of one kind of change, for spans valid by construction
    (``0 <= start <= end <= len(text)``, which the caller guarantees): no call of make_edit
    and no check an edit (100 edits ~26 -> ~19 µs)."""
    return [_copy(start, end, text[start:end], after, rule, reason, safety, confidence, False)
            for start, end in spans]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Spans conflict when they share a character, or an insertion sits strictly inside the other."""
    if a_start == a_end and b_start == b_end:
        return a_start == b_start
    if a_start == a_end:
        return b_start < a_start < b_end
    if b_start == b_end:
        return a_start < b_start < a_end
    return a_start < b_end and b_start < a_end


_START_END = attrgetter("start", "end")
_START = attrgetter("start")


def select_disjoint(edits: Iterable[Edit]) -> tuple[list[Edit], list[Edit]]:
    """Sort edits and keep a non-overlapping subset; first come (by start, then order) wins.

    Returns ``(kept, skipped)``.  Like ruff's ``apply_fixes``, an overlapping later edit is not
    merged by guesswork: it is skipped and the pipeline re-runs to pick it up if still valid.
    """
    edits = list(edits)
    # Finders yield in order: when each edit starts past the previous one's end, the sort
    # below keeps the order and nothing is skipped.  Checking that is ~2 us for seed 000's
    # 162 commas, where the sort and the loop took ~12.
    last_end = -1
    for e in edits:
        if e.start <= last_end:
            break
        last_end = e.end
    else:
        return edits, []
    kept: list[Edit] = []
    skipped: list[Edit] = []
    # A stable sort on (start, end) keeps input order on ties, as (start, end, index) would;
    # finders yield in order, so this is one C-level pass.
    last_end = -1
    last: Edit | None = None
    for e in sorted(edits, key=_START_END):
        # Sorted by start, an edit starting past last_end can only conflict when both are
        # insertions at one place.
        if last is not None and (e.start < last_end
                                 or (e.start == last_end and _overlaps(last.start, last.end, e.start, e.end))):
            skipped.append(e)
            continue
        kept.append(e)
        last, last_end = e, e.end
    return kept, skipped


def apply_edits(text: str, edits: Sequence[Edit], check: bool = True) -> str:
    """Apply sorted, disjoint edits to ``text``; checks that every ``before`` matches (unless
    ``check`` is False: for edits already checked against ``text``)."""
    out: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start} ({e.rule})")
        if check and text[e.start:e.end] != e.before:
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
        self.edits: list[Edit] = []  # sorted, disjoint, original coordinates, applied=True
        self._index: tuple[list[int], list[int]] | None = None  # current starts and ends of self.edits
        self._delta0 = 0  # current-minus-original offset before self.edits[0] (sub-maps only)

    def _spans(self) -> tuple[list[int], list[int]]:
        """Where each old edit's ``after`` sits in ``current``: (starts, ends), both nondecreasing."""
        if self._index is None:
            starts: list[int] = []
            ends: list[int] = []
            delta = self._delta0
            for o in self.edits:
                starts.append(o.start + delta)
                delta += len(o.after) - len(o.before)
                ends.append(o.end + delta)
            self._index = (starts, ends)
        return self._index

    def _rebase(self, new: Sequence[Edit], applying: bool = False) -> tuple[list[Edit], list[Edit]]:
        """Old edits plus ``new`` (sorted, disjoint, on ``current``), all on ``original``.

        Returns (all edits, the ones built from clusters holding a new edit).  When
        ``applying``, edits that change nothing are dropped and the rest are built with
        ``applied=True`` (so the pipeline need not copy them again).  Old and new
        edits are merged in (current start, current end, old first) order and a cluster grows
        while the next item overlaps a member of the other kind (:func:`_joins`).  Runs of old
        edits that lie strictly between two new ones can touch nothing: they are copied as
        slices, so a stage costs per new edit, not per edit so far.
        """
        olds = self.edits
        starts, ends = self._spans()
        n_old = len(olds)
        original, cur = self.original, self.current
        out: list[Edit] = []
        made: list[Edit] = []
        cluster: list[tuple[int, int, int, Edit]] = []
        delta = self._delta0  # current minus original, for text before the open cluster

        def flush() -> None:
            nonlocal delta
            if len(cluster) == 1:
                lo, hi, kind, x = cluster[0]
                if kind == 0:
                    out.append(x)
                    delta = hi - x.end
                    return
                if cur[lo:hi] != x.before:
                    apply_edits(cur[lo:hi], [x.shifted(-lo)])  # raises the usual message
                before = original[lo - delta:hi - delta]
                if applying:
                    if before == x.after:
                        return
                    m = _copy(lo - delta, hi - delta, before, x.after, x.rule, x.reason,
                              x.safety, x.confidence, True)
                elif delta == 0 and before == x.before:
                    m = x  # same span, same text: the rebased edit equals this one
                else:
                    m = _copy(lo - delta, hi - delta, before, x.after, x.rule, x.reason,
                              x.safety, x.confidence, x.applied)
                out.append(m)
                made.append(m)
                return
            olds_ = [t[3] for t in cluster if t[2] == 0]
            news = [t[3] for t in cluster if t[2] == 1]
            d_after = delta + sum(len(o.after) - len(o.before) for o in olds_)
            if not news:
                out.extend(olds_)
            else:
                lo = min(t[0] for t in cluster)
                hi = max(t[1] for t in cluster)
                orig_lo = lo - delta
                orig_hi = hi - d_after
                after = apply_edits(cur[lo:hi], [e.shifted(-lo) for e in news])
                if not olds_:
                    e = news[0]
                    m = Edit(orig_lo, orig_hi, original[orig_lo:orig_hi], e.after, e.rule, e.reason,
                             e.safety, e.confidence, e.applied or applying)
                else:
                    group = olds_ + news
                    m = Edit(orig_lo, orig_hi, original[orig_lo:orig_hi], after,
                             _join_unique([g.rule for g in group]),
                             _join_unique([g.reason for g in group], sep="; "),
                             max((g.safety for g in group), key=_SAFETY_ORDER.index),
                             min(g.confidence for g in group), applying)
                if not (applying and m.before == m.after):
                    out.append(m)
                made.append(m)
            delta = d_after

        def alone(e: Edit, delta: int) -> None:
            """The common case: ``e`` touches no old edit, so it is its own cluster.  Its span
            holds original text shifted by ``delta``, so ``before`` is also the original's."""
            s, t, before = e.start, e.end, e.before
            if cur[s:t] != before:
                apply_edits(cur[s:t], [e.shifted(-s)])  # raises the usual message
            if applying:
                if before != e.after:
                    out.append(_copy(s - delta, t - delta, before, e.after, e.rule, e.reason, e.safety,
                                     e.confidence, True))
                return
            m = e if delta == 0 else _copy(s - delta, t - delta, before, e.after, e.rule, e.reason, e.safety,
                                           e.confidence, e.applied)  # delta 0: the rebased edit is e
            out.append(m)
            made.append(m)

        def feed(item: tuple[int, int, int, Edit]) -> None:
            nonlocal cluster
            if cluster and _joins(cluster, item):
                cluster.append(item)
            else:
                if cluster:
                    flush()
                cluster = [item]

        # The tail: new edits starting past every old edit touch none, and there the current
        # text is the original shifted by a constant, so their ``before`` is the original's.
        # They take a short loop of their own (seed 000's 162 commas: ~80 -> ~45 us).
        if n_old:
            split = bisect.bisect_right(new, ends[-1], key=_START) if new[-1].start > ends[-1] else len(new)
            tail_delta = ends[-1] - olds[-1].end
        else:
            split, tail_delta = 0, delta
        p = 0
        prev_end = -1  # current end of the previous new edit
        for e in (new[:split] if split else ()):
            s, t = e.start, e.end
            if cluster or p == n_old or t >= starts[p] or (p and ends[p - 1] >= s):
                # Old edits sorted before e that may still touch the previous new edit.
                while p < n_old and starts[p] <= prev_end and (starts[p], ends[p]) <= (s, t):
                    feed((starts[p], ends[p], 0, olds[p]))
                    p += 1
                # Old edits after the previous new edit and ending before e touch no new edit.
                k = bisect.bisect_left(ends, s, p) if p < n_old and ends[p] < s else p
                if k > p:
                    if cluster:
                        flush()
                        cluster = []
                    out.extend(olds[p:k])
                    delta = ends[k - 1] - olds[k - 1].end
                    p = k
                while p < n_old and (starts[p], ends[p]) <= (s, t):
                    feed((starts[p], ends[p], 0, olds[p]))
                    p += 1
                prev_end = t
                item = (s, t, 1, e)
                if cluster:
                    if _joins(cluster, item):
                        cluster.append(item)
                        continue
                    flush()
                    cluster = []
                if p < n_old and starts[p] <= t:
                    cluster = [item]  # the next old edit may join it
                    continue
            else:
                # e lies strictly between the old edits p - 1 and p, with no cluster open: the
                # checks above would all fail (seed 000: 150 of 162 commas).
                prev_end = t
            alone(e, delta)
        while p < n_old and starts[p] <= prev_end:
            feed((starts[p], ends[p], 0, olds[p]))
            p += 1
        if cluster:
            flush()
        out.extend(olds[p:])
        delta = tail_delta
        for k in range(split, len(new)):
            alone(new[k], delta)
        return out, made

    def apply(self, new_edits: Sequence[Edit]) -> None:
        """Apply sorted, disjoint edits on ``current`` and fold them into the map."""
        if not new_edits:
            return
        edits, _ = self._rebase(new_edits, applying=True)
        self.current = apply_edits(self.current, new_edits, check=False)  # _rebase checked every ``before``
        self.edits = edits
        self._index = None

    def to_original(self, edit: Edit) -> Edit:
        """Re-base one edit that is NOT applied (a reported one) onto the original text.

        Only the old edits next to it take part, found by bisection, so reporting many
        findings on a heavily edited text stays cheap.
        """
        starts, ends = self._spans()
        # Old edits that can touch the new one start at most at edit.end (current coordinates);
        # one more to the left may reach into it.
        hi = bisect.bisect_right(starts, edit.end)
        lo = max(0, bisect.bisect_left(starts, edit.start) - 1)
        if lo < len(starts):
            delta0 = starts[lo] - self.edits[lo].start
        elif self.edits:
            delta0 = ends[-1] - self.edits[-1].end
        else:
            delta0 = self._delta0
        sub = OffsetMap.__new__(OffsetMap)
        sub.original = self.original
        sub.current = self.current
        sub.edits = self.edits[lo:hi]
        sub._index = (starts[lo:hi], ends[lo:hi])
        sub._delta0 = delta0
        _, made = sub._rebase([edit])
        m = made[0]
        return _copy(m.start, m.end, m.before, m.after, edit.rule, edit.reason, edit.safety, edit.confidence,
                     m.applied)


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

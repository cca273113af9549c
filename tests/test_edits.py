"""The edit machinery: applying, selecting disjoint edits, and mapping back to the original."""

import pytest
from hypothesis import given, settings, strategies as st

from cleantext_zh.edits import Edit, OffsetMap, Safety, apply_edits, make_edit, select_disjoint


def test_apply_edits_replays_and_checks_before():
    text = "区委委书记"
    e = make_edit(text, 2, 3, "", "DUP001", "doubled")
    assert apply_edits(text, [e]) == "区委书记"
    with pytest.raises(ValueError):
        apply_edits("区委书记", [e])


def test_edit_rejects_span_that_does_not_fit_before():
    with pytest.raises(ValueError):
        Edit(0, 2, "a", "", "X001", "r")


def test_select_disjoint_skips_overlaps():
    text = "abcdef"
    a = make_edit(text, 0, 3, "", "A", "r")
    b = make_edit(text, 2, 4, "", "B", "r")
    c = make_edit(text, 4, 4, "X", "C", "r")
    kept, skipped = select_disjoint([b, c, a])
    assert kept == [a, c] and skipped == [b]


def test_offset_map_merges_edit_on_produced_text():
    m = OffsetMap("ab cd")
    m.apply([make_edit("ab cd", 2, 3, "", "SP001", "space")])
    assert m.current == "abcd"
    m.apply([make_edit("abcd", 1, 3, "X", "PW001", "merge")])
    assert m.current == "aXd"
    assert len(m.edits) == 1
    e = m.edits[0]
    assert (e.start, e.end, e.before, e.after, e.rule) == (1, 4, "b c", "X", "SP001+PW001")


@st.composite
def edit_stages(draw):
    original = draw(st.text(alphabet="abc你好 \n", max_size=20))
    stages = draw(st.lists(st.lists(st.tuples(st.integers(0, 25), st.integers(0, 3),
                                              st.sampled_from(["", "X", "YZ", "\n"])), max_size=4),
                           max_size=4))
    return original, stages


def _stage_edits(cur, stage, numbered):
    """One drawn stage's edits on ``cur`` (rule T, or T0, T1, ... to tell them apart)."""
    raw = []
    for start, length, after in stage:
        start = min(start, len(cur))
        end = min(len(cur), start + length)
        if cur[start:end] != after:
            raw.append(make_edit(cur, start, end, after, "T%d" % len(raw) if numbered else "T", "test"))
    return raw


@given(edit_stages())
def test_offset_map_invariant(case):
    """After any sequence of stages, replaying the mapped edits on the original gives the text."""
    original, stages = case
    m = OffsetMap(original)
    for stage in stages:
        cur = m.current
        raw = _stage_edits(cur, stage, numbered=False)
        kept, _ = select_disjoint(raw)
        for e in raw:  # any edit, applied or not, maps to a valid span of the original
            r = m.to_original(e)
            assert original[r.start:r.end] == r.before
        m.apply(kept)
        assert apply_edits(original, m.edits) == m.current
        assert all(a.end <= b.start for a, b in zip(m.edits, m.edits[1:]))


def test_safety_values_are_stable():
    assert [s.value for s in Safety] == ["safe", "review", "report"]


def _reference_rebase(original, current, olds, new):
    """The plain definition OffsetMap's merge walk must match: sort old and new spans by
    (current start, current end, old first), grow a cluster while the next span overlaps a
    member of the other kind, and build one edit per cluster holding a new edit."""
    from cleantext_zh.edits import _SAFETY_ORDER, _join_unique, _joins

    items, delta = [], 0
    for o in olds:
        items.append((o.start + delta, o.start + delta + len(o.after), 0, o))
        delta += len(o.after) - len(o.before)
    items.extend((e.start, e.end, 1, e) for e in new)
    items.sort(key=lambda t: (t[0], t[1], t[2]))
    clusters = []
    for it in items:
        if clusters and _joins(clusters[-1], it):
            clusters[-1].append(it)
        else:
            clusters.append([it])
    out, delta = [], 0
    for cl in clusters:
        o_ = [t[3] for t in cl if t[2] == 0]
        n_ = [t[3] for t in cl if t[2] == 1]
        d_after = delta + sum(len(o.after) - len(o.before) for o in o_)
        if not n_:
            out.extend(o_)
        else:
            lo, hi = min(t[0] for t in cl), max(t[1] for t in cl)
            after = apply_edits(current[lo:hi], [e.shifted(-lo) for e in n_])
            group = o_ + n_
            e = n_[0]
            out.append(Edit(lo - delta, hi - d_after, original[lo - delta:hi - d_after], after,
                            _join_unique([g.rule for g in group]) if o_ else e.rule,
                            _join_unique([g.reason for g in group], sep="; ") if o_ else e.reason,
                            max((g.safety for g in group), key=_SAFETY_ORDER.index) if o_ else e.safety,
                            min(g.confidence for g in group) if o_ else e.confidence, True))
        delta = d_after
    return [e for e in out if e.before != e.after]


@settings(max_examples=500)
@given(edit_stages())
def test_offset_map_matches_reference_merge(case):
    """The merge walk (slices for untouched runs, inline singletons) equals the plain definition."""
    original, stages = case
    m = OffsetMap(original)
    for stage in stages:
        cur = m.current
        raw = _stage_edits(cur, stage, numbered=True)
        kept, _ = select_disjoint(raw)
        expected = _reference_rebase(original, cur, m.edits, kept) if kept else m.edits
        m.apply(kept)
        assert m.edits == expected


def test_internally_built_edits_behave_as_constructed_ones():
    """make_edit and the OffsetMap build edits without Edit.__init__; they must not differ."""
    import dataclasses
    import pickle

    e = make_edit("他强调,深入", 3, 4, "，", "PW001", "r")
    ref = Edit(3, 4, ",", "，", "PW001", "r")
    assert type(e) is Edit and e == ref and hash(e) == hash(ref) and repr(e) == repr(ref)
    assert pickle.loads(pickle.dumps(e)) == ref
    assert dataclasses.replace(e, applied=True) == Edit(3, 4, ",", "，", "PW001", "r", applied=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.start = 0
    m = OffsetMap("他强调,深入")
    m.apply([e])
    a = m.edits[0]
    assert type(a) is Edit and a == dataclasses.replace(ref, applied=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.applied = False


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 2)), max_size=8))
def test_select_disjoint_in_order_shortcut_matches_sorting(spans):
    """Edits that come sorted and apart take the shortcut; it must agree with the full walk."""
    text = "abcdefghijklmnop"
    edits = [make_edit(text, s, s + n, "X", "T%d" % k, "r") for k, (s, n) in enumerate(spans)]
    kept, skipped = select_disjoint(edits)
    ref_kept, ref_skipped, last = [], [], None
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if last is not None and (e.start < last.end or (e.start == last.end and e.start == e.end
                                                        and last.start == last.end)):
            ref_skipped.append(e)
            continue
        ref_kept.append(e)
        last = e
    assert (kept, skipped) == (ref_kept, ref_skipped)

"""Properties of the whole default pipeline (the backbone of the suite)."""

from hypothesis import given, strategies as st

from cleantext_zh import Cleaner, apply_edits
from tests.strategies import any_text, clean_document, clean_paragraph, damaged_document, trigger_text

CLEANER = Cleaner()
REVIEW = Cleaner(apply_review=True)


@given(clean_document())
def test_clean_text_is_unchanged(doc):
    r = CLEANER.run(doc)
    assert r.text == doc
    assert not r.applied


@given(st.one_of(any_text, clean_document(), damaged_document(),
                 st.lists(clean_paragraph(), max_size=4).map(" \n".join)))
def test_idempotent_and_replayable(text):
    for cleaner in (CLEANER, REVIEW):
        r = cleaner.run(text)
        assert cleaner.clean(text) == r.text  # the text-only path gives the same text
        assert apply_edits(text, r.applied) == r.text
        for e in r.edits:
            assert 0 <= e.start <= e.end <= len(text)
            assert text[e.start:e.end] == e.before
        again = cleaner.run(r.text)
        assert again.text == r.text
        assert not again.applied


@given(clean_paragraph(), st.data())
def test_injected_han_digit_space_is_removed_exactly(para, data):
    import regex
    spots = [m.start() + 1 for m in regex.finditer(r"\p{Han}(?=[0-9])|[0-9](?=\p{Han})", para)]
    if not spots:
        return
    i = data.draw(st.sampled_from(spots))
    damaged = para[:i] + " " + para[i:]
    r = CLEANER.run(damaged)
    # A slice of a clean paragraph may end oddly (…为5.), so compare with cleaning the slice.
    base = CLEANER.run(para)
    assert r.text == base.text
    assert [(e.start, e.rule) for e in r.applied if e.rule == "SP001"] == [(i, "SP001")]
    assert len(r.applied) == len(base.applied) + 1


@given(trigger_text)
def test_trigger_soup_never_crashes_and_replays(text):
    # Random strings of every family's trigger characters reach corner cases that arbitrary
    # Unicode almost never does (a straight quote closing a curly one crashed PW004).  Such
    # soup can need more than MAX_PASSES passes (one rule's repair exposing the next), so this
    # property is about crashes and replayable edits, not the fixed point.
    import warnings
    from cleantext_zh.pipeline import ConvergenceWarning
    for cleaner in (CLEANER, REVIEW):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            r = cleaner.run(text)
        assert apply_edits(text, r.applied) == r.text
        assert all(text[e.start:e.end] == e.before for e in r.edits)

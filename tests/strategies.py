"""Hypothesis strategies shared by the test suite: clean Chinese text and injected artifacts."""

from __future__ import annotations

import pathlib

from hypothesis import strategies as st

DATA = pathlib.Path(__file__).parent / "data"

_CLEAN = (DATA / "clean_sample.txt").read_text(encoding="utf-8")
CLEAN_PARAGRAPHS = [p for p in _CLEAN.split("\n") if p.strip()]


@st.composite
def clean_paragraph(draw) -> str:
    """A contiguous slice of a clean, edited paragraph (starts and ends on whole characters)."""
    p = draw(st.sampled_from(CLEAN_PARAGRAPHS))
    i = draw(st.integers(0, max(0, len(p) - 1)))
    j = draw(st.integers(i + 1, len(p)))
    return p[i:j]


@st.composite
def clean_document(draw, min_paragraphs: int = 1, max_paragraphs: int = 6) -> str:
    """Whole clean paragraphs joined the way news_clean joins them (one per line)."""
    paras = draw(st.lists(st.sampled_from(CLEAN_PARAGRAPHS), min_size=min_paragraphs, max_size=max_paragraphs))
    sep = draw(st.sampled_from(["\n", "\n\n"]))
    return sep.join(paras) + draw(st.sampled_from(["", "\n"]))


# Arbitrary Unicode including controls, surrogates excluded (str cannot round-trip them to UTF-8
# anyway, but the library must still not crash on them: see test_properties).
any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=300)

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


_ASCII_FOR = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!"}


@st.composite
def damaged_document(draw) -> str:
    """A clean document with several kinds of extraction damage at once, as OCR'd PDFs have:
    per-character spaces, doubled characters, ASCII punctuation, dropped digits, then a hard
    wrap at a fixed width with page numbers, form feeds and stray spaces between pages."""
    text = draw(clean_document(max_paragraphs=3))
    rnd = draw(st.randoms(use_true_random=False))
    # Most documents have no OCR spaces; some have them between most characters.
    space_rate = rnd.choice([0.0, 0.0, 0.1, 0.6])
    chars = []
    for ch in text:
        if ch.isdigit() and rnd.random() < 0.3:
            continue
        ch = _ASCII_FOR.get(ch, ch) if rnd.random() < 0.5 else ch
        chars.append(ch * 2 if "\u4e00" <= ch <= "\u9fff" and rnd.random() < 0.05 else ch)
        if ch != "\n" and rnd.random() < space_rate:
            chars.append(" ")
    width = draw(st.integers(12, 40))
    out = []
    for para in "".join(chars).split("\n"):
        lines = [para[i:i + width] for i in range(0, len(para), width)] or [""]
        for k, line in enumerate(lines):
            out.append(line)
            if k % 20 == 19:
                out.append(rnd.choice(["\n— %d —\n" % k, "\f", "\n%d\n" % k, ""]) + rnd.choice(["", " ", "  "]))
    return "\n".join(out)



# Every rule family's trigger characters in a small alphabet, so random strings hit the rules'
# corner cases (quotes paired across kinds, radicals next to joins, holes next to page numbers)
# far more often than arbitrary Unicode does.
TRIGGERS = ("中国发展书记纷月日电年第届一二〇" "，。、；：？！“”‘’（）《》…—" ",.;:?!\"'()-%"
            "0123456789" "abcOolI" "　 \n\n\n\f" "\u2f47\u2ed3\uff2f\uff11\u200b\ufeff")
trigger_text = st.text(alphabet=st.sampled_from(TRIGGERS), max_size=200)

"""REF: a second version of the document, aligned, fills holes and confirms repairs."""

from __future__ import annotations

import pathlib
import random
import time

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext_zh import clean, explain
from cleantext_zh.edits import apply_edits
from cleantext_zh.reference import align, reference_edits

DATA = pathlib.Path(__file__).resolve().parent / "data"
M = "\N{WHITE SQUARE}"


def seed(prefix: str) -> str:
    return next(DATA.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def sample() -> str:
    return (DATA / "news_clean_sample.txt").read_text(encoding="utf-8")


def test_nothing_without_a_reference():
    assert explain("浙江省委书书记", select="REF")[1] == []


def test_seed_000_confirmed_by_002():
    text, ref = seed("000"), seed("002")
    out, edits = explain(text, reference=ref, select="REF")
    got = [(e.rule, e.before, e.after, text[e.start - 5:e.end + 3]) for e in edits]
    assert got == [
        ("REF002", "书", "", "浙江省委书书记易炼"),
        ("REF002", "书", "", "、安徽省委书书记韩"),
        ("REF003", "\n\n", "", "跃的增长极\n\n功能不"),
        ("REF003", "\n\n", "", "体制机制创\n\n新力度"),
    ]
    assert all(e.applied and "reference" in e.reason for e in edits)
    assert "浙江省委书记易炼红、安徽省委书记韩俊" in out and "增长极功能" in out


def test_digit_stripped_copy_filled_from_its_twin():
    twin = sample()
    stripped = regex.sub(r"[0-9]+", "", twin)
    assert clean(stripped, reference=twin, select="REF") == twin
    # marked holes too, and with the whole default pipeline (NUM runs after REF)
    marked = clean(stripped, select="NUM")
    assert M in marked
    assert clean(marked, reference=twin, select="REF") == twin
    assert clean(stripped, reference=twin) == twin


def test_seed_001_dateline_filled_from_a_reference():
    text = "新华社合肥月日电中共中央总书记习近平日在合肥主持召开扎实推进长三角一体化发展座谈会"
    ref = "新华社合肥8月22日电 中共中央总书记、习近平20日在合肥主持召开扎实推进长三角一体化发展座谈会"
    assert clean(text, reference=ref, select="REF") == \
        "新华社合肥8月22日电中共中央总书记习近平20日在合肥主持召开扎实推进长三角一体化发展座谈会"


def test_other_differences_left_alone():
    text = "他强调，要加快发展。我们要努力。"
    ref = "他指出，要加快发展步伐。我们必须努力。"
    assert reference_edits(text, ref) == []


def test_paragraph_break_restored_only_from_a_trustworthy_reference():
    text = "第一句话说完了。第二句话也说完了。"
    good = "第一句话说完了。\n第二句话也说完了。"
    assert clean(text, reference=good, select="REF") == "第一句话说完了。\n第二句话也说完了。"
    wrapped = "第一句话说\n完了。\n第二句\n话也说完了。"  # hard-wrapped: its breaks mean nothing
    assert clean(text, reference=wrapped, select="REF") == text


def _perturb(text: str, rng: random.Random) -> str:
    out = []
    for ch in text:
        if ch.isascii() and ch.isdigit():
            continue
        out.append(ch)
        if "\u4e00" <= ch <= "\u9fff":
            r = rng.random()
            if r < 1 / 500:
                out.append(ch)
            elif r < 1 / 500 + 1 / 800:
                out.append("\n\n")
    return "".join(out)


def test_perturbed_copy_restored_and_fast():
    twin = sample() * 10  # ~200k characters, repeated: anchors must cope with repeats
    text = _perturb(twin, random.Random(7))
    t0 = time.perf_counter()
    edits = reference_edits(text, twin)
    elapsed = time.perf_counter() - t0
    fixed = apply_edits(text, edits)
    blocks = align(fixed, twin)
    stretches = sum(1 for x, y in zip(blocks, blocks[1:]) if (x[0] + x[2], x[1] + x[2]) != (y[0], y[1]))
    assert sum(n for _, _, n in blocks) >= len(twin) - 10
    assert stretches <= 5  # a doubled char right next to a hole stays (see reference.py)
    assert elapsed < 20, elapsed  # ~1 s on a laptop; generous for slow CI


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="书记省委一二三四，。ab", max_size=40), st.text(alphabet="书记省委一二三四，。ab", max_size=40))
def test_align_blocks_are_exact_and_monotone(a, b):
    blocks = align(a, b)
    ai = bj = 0
    for i, j, n in blocks:
        assert n > 0 and i >= ai and j >= bj
        assert a[i:i + n] == b[j:j + n]
        ai, bj = i + n, j + n


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_arbitrary_pairs_give_valid_edits(text, ref):
    edits = reference_edits(text, ref)
    apply_edits(text, edits)  # sorted, disjoint, ``before`` matches
    assert clean(text, reference=text, select="REF") == text  # a text agrees with itself

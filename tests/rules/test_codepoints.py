"""CP101/CP102 radicals and compatibility ideographs, CP201/CP202 look-alikes, CP301 width (issue 4)."""

from __future__ import annotations

import os
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext_zh import clean, explain
from cleantext_zh.edits import Safety
from cleantext_zh.rules import RULES
from cleantext_zh.pipeline import Pipeline
from cleantext_zh.rules.codepoints import find_codepoint_artifacts, radicals

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")

CASES = [
    ("\N{CJK RADICAL C-SIMPLIFIED LONG}三角", "长三角"),
    ("人\u2ea0", "人民"),
    ("\N{KANGXI RADICAL ONE}个", "一个"),
    ("\uf9d1号", "六号"),
    ("\ufa0e", "\ufa0e"),  # a unified ideograph in the compatibility block: left alone
    ("二O二三年", "二〇二三年"),
    ("二o二三年", "二〇二三年"),
    ("二@二三年", "二〇二三年"),
    ("二0二三年", "二〇二三年"),
    ("一九五\N{WHITE CIRCLE}年", "一九五〇年"),
    ("比二000年翻两番", "比二〇〇〇年翻两番"),
    ("2O23年", "2023年"),
    ("l0月", "10月"),
    ("1O0万元", "100万元"),
    ("\uff12\uff10\uff12\uff13年\uff27\uff24\uff30增长\uff15\uff05", "2023年GDP增长5\uff05"),
    ("二\N{FULLWIDTH LATIN CAPITAL LETTER O}二三年", "二〇二三年"),
    # left alone
    ("O2O模式", "O2O模式"),
    ("G60科创走廊", "G60科创走廊"),
    ("5G网络", "5G网络"),
    ("COVID-19疫情", "COVID-19疫情"),
    ("Python3", "Python3"),
    ("l3月", "l3月"),  # 13 is no month
    ("第一O型", "第一O型"),
    ("二零二三年", "二零二三年"),
    ("\N{CJK STROKE T}", "\N{CJK STROKE T}"),
    ("，。（）：；", "，。（）：；"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_table(text: str, expected: str) -> None:
    assert clean(text, select="CP") == expected


def test_radical_alone_is_review() -> None:
    _, edits = explain("\N{CJK RADICAL C-SIMPLIFIED LONG}", select="CP101")
    assert [(e.after, e.safety) for e in edits] == [("长", Safety.REVIEW)]


def test_radical_run_is_judged_as_one() -> None:
    # A run of radicals next to Han is repaired whole.  Judged one by one, a line join that put
    # ``⽇⽇`` next to 第 repaired one radical per pass and the pipeline never settled (found by
    # the identical-output fuzz corpus).
    found = list(find_codepoint_artifacts("第\u2f47\u2f47“", Pipeline().context))
    assert [(e.after, e.safety) for e in found] == [("日", Safety.SAFE), ("日", Safety.SAFE)]
    _, edits = explain("“\u2f47\u2f47“", select="CP101")
    assert [e.safety for e in edits] == [Safety.REVIEW, Safety.REVIEW]
    text = "书习第ＯA第\n\u2f47\u2f47“ .:海纷月"
    assert clean(clean(text)) == clean(text)


def test_radical_table_from_unicode_data() -> None:
    table = radicals()
    assert len(table) > 300
    assert table["\u2ed3"] == "长" and table["\u2ea0"] == "民"
    # every Kangxi radical that NFKC maps agrees with Unicode's equivalence table
    for ch, uni in table.items():
        if 0x2F00 <= ord(ch) <= 0x2FDF:
            assert unicodedata.normalize("NFKC", ch) == uni
    with open(os.path.join(os.path.dirname(radicals.__code__.co_filename), "..", "data", "radicals.txt"),
              encoding="utf-8") as fh:
        assert "© 2021 Unicode®, Inc." in fh.read(2000)


@pytest.mark.parametrize("code", ["CP101", "CP102", "CP201", "CP202", "CP301"])
def test_rule_example(code: str) -> None:
    src, expected = RULES[code].example
    assert clean(src, select=[code]) == expected


def test_heldout_sample_unchanged() -> None:
    with open(os.path.join(DATA, "news_heldout_sample.txt"), encoding="utf-8") as fh:
        text = fh.read()
    assert clean(text, select="CP") == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_idempotent(text: str) -> None:
    once = clean(text, select="CP")
    assert clean(once, select="CP") == once


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(radicals().items())), st.text(alphabet="长三角一体化", min_size=1, max_size=6))
def test_injected_radical_restored(pair: tuple[str, str], context: str) -> None:
    radical, ideograph = pair
    assert clean(context + radical + context, select="CP") == context + ideograph + context


_TRICKY = "〇一二九0129０Ｏｏ○◯＠Ａ\u200b\u200d\x00\x0b\x0c\x85\u2ed3\u2f00\uf900\U0002f800堃é·\ufffd a\n"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.text(alphabet=_TRICKY, min_size=1, max_size=3)), max_size=6),
       st.sampled_from(["", "O", "o", "l", "I", "@"]))
def test_gate_agrees_with_the_trigger_scan(pieces: list[tuple[int, str]], latin: str) -> None:
    """The gate, from encoding's offsets and literal searches, says what _ANY_TRIGGER says."""
    from cleantext_zh.rules import codepoints, encoding

    text = "".join("的是在了和中国人" * k + bit.replace("a", latin) for k, bit in pieces)
    encoding._scan_rare(text)  # the offsets encoding leaves for the same text object
    assert codepoints._any_trigger(text) == (codepoints._ANY_TRIGGER.search(text) is not None)
    other = text + " "  # another object: the gate scans
    assert codepoints._any_trigger(other) == (codepoints._ANY_TRIGGER.search(other) is not None)


@pytest.mark.parametrize("bit", ["二0二三", "二 0", "0", "2O", "O2", "2 O", "l0", "I9", "o", "二o", "二O", "二@", "@",
                                 "九○", "○", "九◯", "九＠", "＠", "二０", "Ａ", "\u200b", "\x00", "\x0c", "\x85", "\u2ed3",
                                 "\uf900", "\U0002f800", "堃", "·", "\ufffd"])
def test_gate_agrees_with_the_trigger_scan_amid_clean_text(bit: str) -> None:
    from cleantext_zh.rules import codepoints, encoding

    text = "的是在了和中国人" * 10 + bit + "的是在了和中国人" * 10
    encoding._scan_rare(text)
    assert codepoints._any_trigger(text) == (codepoints._ANY_TRIGGER.search(text) is not None)

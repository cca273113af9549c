"""EN001 english-conjunction-between-han, EN002 english-word-between-han (issue 4)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext_zh import clean, explain
from cleantext_zh.edits import Safety

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")

CASES = [
    ("创新基层党建工作思路 and 模式，完善", "创新基层党建工作思路和模式，完善"),
    ("思路and模式", "思路和模式"),
    ("线上 or 线下", "线上或线下"),
    # left alone
    ("G60科创走廊", "G60科创走廊"),
    ("5G和AI应用", "5G和AI应用"),
    ("用iPhone拍摄", "用iPhone拍摄"),
    ("学习Python编程", "学习Python编程"),
    ("全长12 km的隧道", "全长12 km的隧道"),
    ("网址 https://example.com/and/or 可查", "网址 https://example.com/and/or 可查"),
    ("邮箱 and@example.com 联系", "邮箱 and@example.com 联系"),
    ("《Pride and Prejudice》中译本", "《Pride and Prejudice》中译本"),
    ("研发R and D投入", "研发R and D投入"),
    ("标题 AND 模式", "标题 AND 模式"),
    ("思路 with 模式", "思路 with 模式"),  # EN002 reports only
]


@pytest.mark.parametrize("text, expected", CASES)
def test_table(text: str, expected: str) -> None:
    assert clean(text, select="EN") == expected


def test_seed_002() -> None:
    with open(os.path.join(DATA, "002_5a66c32adb6bf9cf.txt"), encoding="utf-8") as fh:
        text = fh.read()
    out, edits = explain(text, select="EN")
    assert [(e.before, e.after, e.applied) for e in edits] == [(" and ", "和", True)]
    assert "工作思路和模式" in out


def test_other_function_word_is_reported() -> None:
    _, edits = explain("思路 of 模式", select="EN")
    assert [(e.rule, e.before, e.safety, e.applied) for e in edits] == [("EN002", "of", Safety.REPORT, False)]


def test_heldout_sample_unchanged() -> None:
    with open(os.path.join(DATA, "news_heldout_sample.txt"), encoding="utf-8") as fh:
        text = fh.read()
    assert explain(text, select="EN")[1] == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(alphabet="中文思路模式", min_size=1, max_size=5),
       st.text(alphabet="中文思路模式", min_size=1, max_size=5))
def test_injected_and_restored(noise: str, left: str, right: str) -> None:
    text = left + " and " + right
    assert clean(text, select="EN") == left + "和" + right
    once = clean(noise, select="EN")
    assert clean(once, select="EN") == once


@pytest.mark.parametrize("code", ["EN001", "EN002"])
def test_rule_example(code: str) -> None:
    from cleantext_zh.rules import RULES

    src, expected = RULES[code].example
    assert clean(src, select=[code]) == expected

"""PG rules: page-number lines, running headers and footers, form feeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext_zh
from cleantext_zh.rules import pagination

BODY = "过去一年，我国发展历程很不平凡。党的二十届三中全会胜利召开，对进一步全面深化改革作出部署。"


@pytest.mark.parametrize("number", ["— 3 —", "- 3 -", "－3－", "第3页", "第 3 页 共 12 页", "Page 3", "— 12 —"])
def test_page_number_lines_removed(number):
    text = f"{BODY}\n{number}\n{BODY}\n"
    assert cleantext_zh.clean(text, select=["PG"]) == f"{BODY}\n{BODY}\n"


@pytest.mark.parametrize("text", [
    f"{BODY}\n3\n{BODY}\n",  # a bare number without a form feed or a rising series: maybe a list
    f"{BODY}\n3/12\n{BODY}\n",
    f"一、总则\n{BODY}\n一、总则\n{BODY}\n一、总则\n{BODY}\n",  # recurring headings are not furniture
    f"各位代表：\n{BODY}\n{BODY}\n{BODY}\n{BODY}\n各位代表：\n{BODY}\n{BODY}\n{BODY}\n{BODY}\n各位代表：\n{BODY}\n",
    f"{BODY}\n第3页的内容很重要，请仔细阅读。\n",
])
def test_not_furniture(text):
    _, edits = cleantext_zh.explain(text, select=["PG"])
    assert [e for e in edits if e.applied] == []


def test_running_header_with_form_feeds_and_page_numbers():
    pages = [f"{BODY}\n{BODY}\n{BODY}\n\n— {n} —\n" for n in range(1, 5)]
    text = "2023年政府工作报告\n\n" + "\f2023年政府工作报告\n\n".join(pages)
    out = cleantext_zh.clean(text, select=["PG", "LB"])
    assert "政府工作报告" not in out and "—" not in out and "\f" not in out
    assert out.count(BODY) == 12


def test_pymupdf_header_with_glued_page_number():
    """PyMuPDF puts the page number right after the header and no page separator."""
    pages = [f"2023年政府工作报告 {n}\n{BODY}\n{BODY}\n{BODY}\n{BODY}\n" for n in range(1, 5)]
    out = cleantext_zh.clean("".join(pages), select=["PG"])
    assert "政府工作报告" not in out and out.count(BODY) == 16


def test_form_feed_between_paragraphs_becomes_the_separator():
    text = f"{BODY}\n\n{BODY}\n\f{BODY}\n\n{BODY}\n"
    assert cleantext_zh.clean(text, select=["PG", "LB"]) == f"{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n"


def test_rule_examples_hold():
    for rule in pagination.RULES:
        src, expected = rule.example
        assert cleantext_zh.clean(src, select=[rule.code]) == expected, rule.code


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("甲乙，。\n\f —-3第页Page 1/")), max_size=120))
def test_arbitrary_text_does_not_crash(text):
    out, edits = cleantext_zh.explain(text, select=["PG"])
    assert cleantext_zh.apply_edits(text, [e for e in edits if e.applied]) == out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([BODY, "一、总则", "第一章 总则", "各位代表：", "3", "结束语"]), max_size=20))
def test_clean_documents_without_pages_unchanged(lines):
    text = "\n".join(lines) + "\n"
    _, edits = cleantext_zh.explain(text, select=["PG"])
    assert [e for e in edits if e.applied and e.rule == "PG002"] == []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["", "甲乙", "甲乙 3", "3 甲乙", "— 3 —", "第2页", "１２", "7", " 甲 4 ", "甲乙丙丁戊" * 9 + "5",
                                 "  " + "甲" * 39 + "8", "甲乙，丙丁。12"]), max_size=30))
def test_no_furniture_is_exact(lines):
    """The fast exit never says "no furniture" when there is some (its two line scans alike)."""
    text = "\n".join(lines)
    if pagination._no_furniture(text):
        assert not pagination._furniture_lines(text)

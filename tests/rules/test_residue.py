"""WEB: page residue at the head and tail of a document is removed (opt-in), nothing else."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext_zh import clean, explain, list_rules

DATA = pathlib.Path(__file__).resolve().parent.parent / "data"
BODY = "习近平主持召开座谈会并发表重要讲话。\n他强调，要紧扣一体化和高质量两个关键词。\n"


def seed(prefix: str) -> str:
    return next(DATA.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_family_is_opt_in():
    assert all(not r.default for r in list_rules() if r.code.startswith("WEB"))
    text = BODY + "责任编辑：冯明\n"
    assert clean(text) == text


@pytest.mark.parametrize(("text", "expected", "rules"), [
    (BODY + "责任编辑：冯明\n", BODY, ["WEB001"]),
    (BODY + "（责任编辑：冯明）", BODY, ["WEB001"]),
    (BODY + "关键词：长三角 一体化\n", BODY, ["WEB002"]),
    ("来源：新华网\n" + BODY, BODY, ["WEB003"]),
    ("发布时间：2020-08-23 来源：新华网\n" + BODY, BODY, ["WEB003"]),
    (BODY + "【字体：大 中 小】 打印本页 关闭窗口\n", BODY, ["WEB004"]),
    ("扫一扫在手机打开当前页\n" + BODY, BODY, ["WEB004"]),
    (BODY + "分享到：微信 微博\n", BODY, ["WEB004"]),
    (BODY + "上一篇：长三角一体化发展\n下一篇：浦东开发开放\n", BODY, ["WEB005", "WEB005"]),
    ("参加座谈会。责任编辑冯明关键词", "参加座谈会。", ["WEB001"]),
    ("参加座谈会。关键词：长三角", "参加座谈会。", ["WEB002"]),
    # left alone: the same words inside the article, credits, prose lines
    ("要紧扣一体化和高质量两个关键词。\n收入来源：工资\n", "要紧扣一体化和高质量两个关键词。\n收入来源：工资\n", []),
    ("上一篇文章我们说过。\n" + BODY, "上一篇文章我们说过。\n" + BODY, []),
    ("本报记者 叶辰亮摄\n" + BODY, "本报记者 叶辰亮摄\n" + BODY, []),
    (BODY + "责任编辑：冯明\n" + BODY, BODY + "责任编辑：冯明\n" + BODY, []),  # not at head or tail
])
def test_residue_table(text, expected, rules):
    out, edits = explain(text, select="WEB")
    assert out == expected
    assert [e.rule for e in edits if e.applied] == rules


def test_seed_001_tail_and_glued_source():
    text = seed("001")
    out, edits = explain(text, select="WEB")
    assert out.endswith("参加座谈会。")
    applied = [(e.rule, e.before) for e in edits if e.applied]
    assert applied == [("WEB001", "责任编辑冯明关键词")]
    review = [(e.rule, e.before) for e in edits if not e.applied]
    assert review == [("WEB003", "来源新华每日电讯版月日")]


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_other_seeds_untouched(prefix):
    assert explain(seed(prefix), select="WEB")[1] == []


def test_clean_corpus_sample_untouched():
    text = (DATA / "news_clean_sample.txt").read_text(encoding="utf-8")
    assert explain(text, select="WEB")[1] == []


RESIDUE = st.sampled_from(["责任编辑：冯明", "关键词：长三角", "【字体：大 中 小】", "打印本页 关闭窗口",
                           "上一篇：某某", "下一篇：某某某", "扫一扫", "分享到：", "来源：新华网"])
SENTENCE = st.sampled_from(["习近平发表重要讲话。", "他强调，要加快发展。", "三省一市要集合科技力量。"])


@settings(max_examples=100, deadline=None)
@given(st.lists(RESIDUE, max_size=3), st.lists(SENTENCE, min_size=1, max_size=4), st.lists(RESIDUE, max_size=3))
def test_injected_residue_removed_exactly(head, body, tail):
    clean_text = "\n".join(body) + "\n"
    text = "".join(h + "\n" for h in head) + clean_text + "".join(t + "\n" for t in tail)
    assert clean(clean_text, select="WEB") == clean_text
    out = clean(text, select="WEB")
    assert out == clean_text
    assert clean(out, select="WEB") == out


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_unicode_never_raises(text):
    out, _ = explain(text, select="WEB")
    assert len(out) <= len(text)

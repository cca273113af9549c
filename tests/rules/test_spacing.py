"""SP rules: stray spaces (SP001–SP003 from the core) and SP004–SP007."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings, strategies as st

from cleantext_zh import clean, explain

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"
SP = {"select": "SP"}
IDSP = "\N{IDEOGRAPHIC SPACE}"

CASES = [
    ("习近平总书记 30 日上午", "习近平总书记30日上午"),
    ("11 月 30 日", "11月30日"),
    ("新华社上海11月30日电 中共中央总书记", "新华社上海11月30日电 中共中央总书记"),
    ("本报记者 叶辰亮摄", "本报记者 叶辰亮摄"),
    ("第三条 国有企业应当遵守本办法。", "第三条 国有企业应当遵守本办法。"),
    ("第十三届全国人民代表大会常务委员会第二十二次会议通过 2019年9月27日", "第十三届全国人民代表大会常务委员会第二十二次会议通过 2019年9月27日"),
    # SP004: per-glyph spacing
    ("习 近 平 主 持 召 开 座 谈 会", "习近平主持召开座谈会"),
    ("他 强 调 ， 深 入 推 进 G 6 0 科 创 走 廊 2 0 2 3 年", "他强调，深入推进G60科创走廊2023年"),
    ("在 上 海  主 持 Python 会 议", "在上海主持 Python 会议"),
    ("北京 上海 广州", "北京 上海 广州"),  # words, not single glyphs
    # SP005: ideographic space inside a line
    (f"深入推进{IDSP}长三角一体化发展。", "深入推进长三角一体化发展。"),
    (f"李强{IDSP}赵乐际{IDSP}王沪宁", f"李强{IDSP}赵乐际{IDSP}王沪宁"),
    (f"新华社北京11月30日电{IDSP}中共中央。", f"新华社北京11月30日电{IDSP}中共中央。"),
    (f"{IDSP}{IDSP}段首缩进，保留。", f"{IDSP}{IDSP}段首缩进，保留。"),
    (f"第一章{IDSP}总则", f"第一章{IDSP}总则"),
    (f"第一条{IDSP}为了规范管理，制定本条例。", f"第一条{IDSP}为了规范管理，制定本条例。"),
    # SP006 in keep mode: only runs collapse
    ("使用 Python 编程", "使用 Python 编程"),
    ("使用   Python   编程", "使用 Python 编程"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_examples(text, expected):
    assert clean(text, **SP) == expected


@pytest.mark.parametrize("mode,text,expected", [
    ("keep", "使用 Python 编程，实施 5 年来", "使用 Python 编程，实施5年来"),
    ("remove", "使用 Python 编程，实施 5 年来", "使用Python编程，实施5年来"),
    ("add", "使用Python编程，实施5年来，G60科创走廊", "使用 Python 编程，实施 5 年来，G60 科创走廊"),
    ("add", "使用 Python 编程", "使用 Python 编程"),
    ("add", "见https://www.gov.cn/x，邮件a@b.cn", "见 https://www.gov.cn/x，邮件 a@b.cn"),
    ("keep", "实施5年来", "实施5年来"),
    ("remove", "实施5年来", "实施5年来"),
])
def test_spacing_modes(mode, text, expected):
    assert clean(text, select="SP", spacing=mode) == expected


def test_keep_mode_can_keep_digit_spaces_too():
    assert clean("实施 5 年来", select="SP", ignore=["SP001"]) == "实施 5 年来"


def test_per_glyph_line_from_seed_restored():
    # Built from seed 000's first paragraph set the way per-glyph text layers emit it.
    seed = (DATA / "000_74308f5cb6fef615.txt").read_text(encoding="utf-8")
    line = next(l for l in seed.splitlines() if l.startswith("习近平主持召开"))
    spaced = " ".join(line)
    assert clean(spaced, **SP) == line
    _, edits = explain(spaced, **SP)
    assert {e.rule for e in edits} == {"SP004"}


# --- properties ----------------------------------------------------------------------

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PUNCT = st.sampled_from(list("，。、；：？！"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(HAN, PUNCT), min_size=6, max_size=40).filter(lambda cs: sum(c >= "\u4e00" for c in cs) >= 4))
def test_per_glyph_spacing_removed_exactly(chars):
    text = "".join(chars)
    assert clean(" ".join(chars), **SP) == clean(text, **SP)


clean_prose = st.lists(st.text(HAN, min_size=1, max_size=8), min_size=1, max_size=6).map(lambda ws: "，".join(ws) + "。")


@settings(max_examples=150, deadline=None)
@given(clean_prose, st.sampled_from(["keep", "remove", "add"]))
def test_clean_prose_unchanged_in_every_mode(text, mode):
    assert clean(text, select="SP", spacing=mode) == text


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("中国发展一二，。 \u3000\tab12")), max_size=40), st.sampled_from(["keep", "remove", "add"]))
def test_idempotent_and_replayable(text, mode):
    from cleantext_zh import apply_edits
    out, edits = explain(text, select="SP", spacing=mode)
    assert clean(out, select="SP", spacing=mode) == out
    assert apply_edits(text, [e for e in edits if e.applied]) == out


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_no_crash(text):
    clean(text, **SP)


def test_add_mode_and_per_glyph_rule_do_not_undo_each_other():
    """Regression: SP004 deleted the Han-digit spaces SP007 inserts, so the pipeline never settled."""
    from cleantext_zh import clean
    assert clean("一1一1一1一", spacing="add") == "一 1 一 1 一 1 一"
    assert clean("一 1 一 1 一 1 一", spacing="add") == "一 1 一 1 一 1 一"


@pytest.mark.parametrize("text", [
    "发证矿种目录\n2 石油\n3 油页岩",  # numbered list items
    "（2022年2月25日 中共中央、国务院印发）",  # a full date before the issuing body
])
def test_conventional_spaces_in_laws_and_lists_stay(text):
    from cleantext_zh import clean
    assert clean(text) == text


def test_date_and_quantity_spaces_still_go():
    from cleantext_zh import clean
    assert clean("11 月 30 日") == "11月30日"
    assert clean("自2022年5月 1日起施行。") == "自2022年5月1日起施行。"

"""NUM: holes where digits vanished are marked (or filled from a date), never invented."""

from __future__ import annotations

import pathlib

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext_zh import Config, ConfigError, clean, explain

DATA = pathlib.Path(__file__).resolve().parent.parent / "data"
M = "\N{WHITE SQUARE}"


def seed(prefix: str) -> str:
    return next(DATA.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "expected"), [
    # positives
    ("新华社合肥月日电", f"新华社合肥{M}月{M}日电"),
    ("新华社合肥月日电中共中央总书记习近平日在合肥主持", f"新华社合肥{M}月{M}日电中共中央总书记习近平{M}日在合肥主持"),
    ("新华社北京日电 （记者", f"新华社北京{M}日电 （记者"),
    ("2020年月日电", f"2020年{M}月{M}日电"),
    ("十月日电", f"十月{M}日电"),
    ("于年月日召开", f"于{M}年{M}月{M}日召开"),
    ("来源新华每日电讯版月日，", f"来源新华每日电讯版{M}月{M}日，"),
    ("今年是上海浦东开发开放周年，", f"今年是上海浦东开发开放{M}周年，"),
    ("第届中国国际进口博览会", f"第{M}届中国国际进口博览会"),
    ("第次全国代表大会", f"第{M}次全国代表大会"),
    ("同比增长%，", f"同比增长{M}%，"),
    ("比重提高个百分点。", f"比重提高{M}个百分点。"),
    # negatives: correct Chinese that has the units bare
    ("新华社合肥8月20日电", "新华社合肥8月20日电"),
    ("日日夜夜", "日日夜夜"),
    ("每日", "每日"),
    ("今日在北京", "今日在北京"),
    ("新华每日电讯", "新华每日电讯"),
    ("本报讯中日电影节开幕", "本报讯中日电影节开幕"),
    ("每月日均销量", "每月日均销量"),
    ("出生年月日，", "出生年月日，"),
    ("在那个年月", "在那个年月"),
    ("今年5月12日，", "今年5月12日，"),
    ("十周年庆", "十周年庆"),
    ("周年庆活动", "周年庆活动"),
    ("工作年限按周年计算", "工作年限按周年计算"),
    ("第一", "第一"),
    ("一周年", "一周年"),
    ("次第开放", "次第开放"),
    ("每个百分点", "每个百分点"),
    ("成倍增长", "成倍增长"),
    ("亿元户", "亿元户"),
    ("万元国内生产总值能耗", "万元国内生产总值能耗"),
    ("自发布之日起施行", "自发布之日起施行"),
    ("新华社北京8月20日电 习近平日前在北京", "新华社北京8月20日电 习近平日前在北京"),
])
def test_marks_holes_and_leaves_correct_text(text, expected):
    assert clean(text, select="NUM") == expected


@pytest.mark.parametrize(("text", "rule"), [
    ("出生于年月，", "NUM001"),  # 年月 after a preposition: maybe a hole, maybe not
    ("上周年会上", "NUM003"),  # 上周 + 年会, or a lost number
    ("投资亿元", "NUM005"),
    ("增长倍", "NUM005"),
])
def test_uncertain_holes_are_reported_not_applied(text, rule):
    out, edits = explain(text, select="NUM")
    assert out == text
    assert edits and all(e.rule == rule and e.safety.value == "review" and not e.applied for e in edits)


def test_seed_001_holes():
    text = seed("001")
    out, edits = explain(text, select="NUM")
    found = [(e.rule, text[e.start - 4:e.start] + "|" + text[e.start:e.start + 3]) for e in edits]
    assert found == [
        ("NUM001", "日电讯版|月日，"),
        ("NUM001", "电讯版月|日，中"),
        ("NUM001", "华社合肥|月日电"),
        ("NUM001", "社合肥月|日电中"),
        ("NUM002", "席习近平|日在合"),
        ("NUM003", "开发开放|周年，"),
    ]
    assert all(e.applied and e.after == M for e in edits)
    assert f"新华社合肥{M}月{M}日电" in out and f"习近平{M}日在合肥" in out and f"开发开放{M}周年" in out
    # idempotence: a marked hole is never marked again
    assert explain(out, select="NUM")[1] == []


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_no_marker_in_other_seeds(prefix):
    assert explain(seed(prefix), select="NUM")[1] == []


def test_clean_corpus_sample_unchanged_and_stripped_copy_has_no_false_hole():
    text = (DATA / "news_clean_sample.txt").read_text(encoding="utf-8")
    assert explain(text, select="NUM")[1] == []
    # strip every digit run: every marker must sit exactly where a run was
    holes, out, pos = set(), [], 0
    for m in regex.finditer(r"[0-9]+(?:\.[0-9]+)?", text):
        out.append(text[pos:m.start()])
        holes.add(sum(map(len, out)))
        pos = m.end()
    out.append(text[pos:])
    _, edits = explain("".join(out), select="NUM")
    assert edits, "the stripped sample has % and 第届 holes"
    assert all(e.start in holes for e in edits)


def test_date_option_fills_dateline_holes_marked_or_not():
    assert clean("新华社合肥月日电 习近平日在合肥", select="NUM", date="2020-08-20") == \
        "新华社合肥8月20日电 习近平20日在合肥"
    assert clean(f"新华社合肥{M}月{M}日电 习近平{M}日在合肥", select="NUM", date="2020-08-20") == \
        "新华社合肥8月20日电 习近平20日在合肥"
    # holes outside the dateline keep their marker: their date is not the dateline's
    assert clean("来源版月日，开发开放周年", select="NUM", date="2020-08-20") == f"来源版{M}月{M}日，开发开放{M}周年"
    with pytest.raises(ConfigError):
        Config(date="August 20")


def test_custom_marker():
    assert clean("新华社合肥月日电", select="NUM", marker="〓") == "新华社合肥〓月〓日电"
    with pytest.raises(ConfigError):
        Config(marker="")


# ---------------------------------------------------------------- properties

NUMBER = st.integers(min_value=1, max_value=2999).map(str)
PLACE = st.sampled_from(["北京", "上海", "合肥", "乌鲁木齐", "南京", "香港"])
NAME = st.sampled_from(["习近平", "李强", "韩正", "王毅"])
ACTION = st.sampled_from(["在合肥主持召开座谈会", "上午会见来访的外宾", "出席开幕式"])
EVENT = st.sampled_from(["开发开放", "成立", "建党", "改革开放"])
COUNTER = st.sampled_from(["届", "次", "期", "条"])


@st.composite
def dated_sentences(draw) -> str:
    """Clean dated text, one of the supported patterns per sentence."""
    parts = []
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    parts.append(f"新华社{draw(PLACE)}{month}月{day}日电 {draw(NAME)}{day}日{draw(ACTION)}。")
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["anniv", "ordinal", "percent", "points"]))
        n = draw(NUMBER)
        parts.append({
            "anniv": f"今年是{draw(EVENT)}{n}周年。",
            "ordinal": f"第{n}{draw(COUNTER)}会议召开。",
            "percent": f"同比增长{n}%，",
            "points": f"比重提高{n}个百分点。",
        }[kind])
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(dated_sentences())
def test_stripping_digits_marks_exactly_the_holes(text):
    assert clean(text, select="NUM") == text  # clean text gets no marker
    stripped = regex.sub(r"[0-9]+", "", text)
    expected = regex.sub(r"[0-9]+", M, text)
    out = clean(stripped, select="NUM")
    assert out == expected
    assert clean(out, select="NUM") == out  # idempotence


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("年月日电周第届次%倍亿元每今新华社合肥平在上午个百分点 ，。\n0123" + M)),
               max_size=40))
def test_idempotent_on_unit_soup(text):
    once = clean(text, select="NUM")
    assert clean(once, select="NUM") == once


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode_never_raises(text):
    out, edits = explain(text, select="NUM")
    assert len(out) >= len(text)
    assert all(e.after and not e.before for e in edits if e.applied)  # only insertions of the marker

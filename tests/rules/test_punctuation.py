"""PW rules: punctuation flattened to ASCII or mangled in Chinese text."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings, strategies as st

from cleantext_zh import clean, explain

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"
PW = {"select": "PW"}

# Clean GB/T-style sentences (from news_clean.txt-like prose) used as hosts for injected damage.
CLEAN = [
    "他强调，深入推进长三角一体化发展，意义重大。",
    "宝塔消防救援站（简称“宝塔消防救援站”）先进事迹。",
    "要坚持稳中求进；一任接着一任干！这是为什么？",
    "注意：增长了3.5%，达到1,000亿元，时间为08:52。",
    "——经济总量稳步提升，问题应当一一对应……",
    "中国—东盟自贸区、中国-中亚峰会于2020/08/23召开，G60科创走廊《规划》发布。",
    "他说：“‘一带一路’是好的。”",
]

CASES = [
    # (input, expected) — negatives sit next to positives
    ("他强调,深入推进", "他强调，深入推进"),
    ("他强调, 深入推进 。", "他强调，深入推进。"),
    ("要完整;准确:全面?好!", "要完整；准确：全面？好！"),
    ("G60,长三角", "G60，长三角"),
    ("1,000元和3.5%以及08:52", "1,000元和3.5%以及08:52"),
    ("Hello, world! 中文", "Hello, world! 中文"),
    ("包括A,B,C等", "包括A,B,C等"),
    ("讲话.他强调", "讲话。他强调"),
    ("增长30%.", "增长30%。"),
    ("1.将引言修改", "1.将引言修改"),
    ("版本v1.2发布", "版本v1.2发布"),
    ("e.g. 例如", "e.g. 例如"),
    ("救援站(简称“宝塔”)先进", "救援站（简称“宝塔”）先进"),
    ("国内生产总值(GDP)增长", "国内生产总值（GDP）增长"),
    ("(一)未按照规定", "（一）未按照规定"),
    ("函数f(x)的值", "函数f(x)的值"),
    ("j)一侧眼睑", "j)一侧眼睑"),
    ("授予\"时代楷模\"称号", "授予“时代楷模”称号"),
    ("他说'好'。", "他说‘好’。"),
    ("他说“中国\"很好", "他说“中国”很好"),  # a straight quote closing a curly one
    ("“中\"", "“中”"),
    ("、::?!", "、：？！"),  # a run of marks after Chinese: took a pass per mark once
    ("o!?;:中", "o！？；：中"),  # ... and a run before Chinese, right to left  # ... at the end of a line: raised ValueError (bad span -1:0) once
    ("{\"名称\": \"张三\"}", "{\"名称\": \"张三\"}"),
    ("it's 张三", "it's 张三"),
    ("深入推进，，长三角。。", "深入推进，长三角。"),
    ("事业单位、、等", "事业单位、等"),
    ("好！！", "好！！"),
    ("等等...", "等等……"),
    ("等等。。。", "等等……"),
    ("等等…", "等等……"),
    ("等等……", "等等……"),
    ("省略…………", "省略…………"),
    ("wait...", "wait..."),
    ("目标--建设", "目标——建设"),
    ("目标－－建设", "目标——建设"),
    ("目标――建设", "目标——建设"),
    ("中国-东盟", "中国-东盟"),
    ("北京—上海", "北京—上海"),  # a connector is possible: review only
    ("----------", "----------"),
    ("一一对应", "一一对应"),
    ("发展 ，推进（ 简称 ）", "发展，推进（简称）"),
    ("访问https://www.gov.cn/a?b=1,c为准", "访问https://www.gov.cn/a?b=1,c为准"),
    ("见`a,b`说明", "见`a,b`说明"),
    ("邮件a.b@c.cn,谢谢", "邮件a.b@c.cn，谢谢"),
    ("[法律](法律法规模版.md)文件", "[法律](法律法规模版.md)文件"),
    # Lines with one kind of mark, which a shortcut converts when every one follows CJK
    # (and which the general loop takes when one does not, or when a character before a
    # mark is new to the is_cjk memo: 龘).
    ("他强调,深入推进,", "他强调，深入推进，"),
    (",他强调,深入", ",他强调，深入"),
    ("a,他强调,深入", "a，他强调，深入"),
    ("他强调,,深入", "他强调，深入"),
    ("他强调, 深入,推进", "他强调，深入，推进"),
    ("推进,G60,长三角", "推进，G60，长三角"),
    ("他强调,深入\n,推进,发展", "他强调，深入\n,推进，发展"),
    ("龘,龘,龘", "龘，龘，龘"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_examples(text, expected):
    assert clean(text, **PW) == expected


@pytest.mark.parametrize("text,code,safety", [
    ("北京—上海", "PW007", "review"),
    ("一一经济总量稳步提升", "PW008", "review"),
    ("“好”一一对吗", "PW008", "review"),
    ("等等………", "PW006", "review"),
    ("做强“G60”联盟+平台”跨区域", "PW010", "report"),
    ("他说“好", "PW010", "report"),
])
def test_uncertain_findings_are_reported_not_applied(text, code, safety):
    out, edits = explain(text, **PW)
    assert out == text
    assert [(e.rule, e.safety.value, e.applied) for e in edits] == [(code, safety, False)]


def test_review_applies_on_request():
    assert clean("一一经济总量", select="PW", apply_review=True) == "——经济总量"
    assert clean("问题应当一一对应", select="PW", apply_review=True) == "问题应当一一对应"


def test_quote_running_into_next_paragraph_is_not_unbalanced():
    text = "他说：“第一段。\n“第二段。”"
    assert explain(text, **PW)[1] == []


def test_bracket_split_by_line_wrap_is_not_reported():
    assert explain("《浙江\n省测绘管理条例》同时废止。", **PW)[1] == []


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_unchanged(text):
    out, edits = explain(text)
    assert out == text
    assert [e for e in edits if e.applied] == []


def test_seed_000_fullwidth_and_numbers_intact():
    seed = (DATA / "000_74308f5cb6fef615.txt").read_text(encoding="utf-8")
    out = clean(seed)
    import regex
    assert not regex.search(r"(?<=\p{Han})[,;:?!()]|[,;:?!()](?=\p{Han})", out)
    for token in ("11月30日", "5年", "1973年", "50年", "2次"):
        assert seed.count(token) == out.count(token), token
    assert "（简称“宝塔消防救援站”）" in out


def test_seed_001_numbers_untouched():
    seed = (DATA / "001_819680a8a7497b63.txt").read_text(encoding="utf-8")
    out = clean(seed, select="PW")
    assert "2020/08/23 08:52" in out


def test_seed_004_unbalanced_quote_reported():
    seed = (DATA / "004_628a9ab5b27ceb38.txt").read_text(encoding="utf-8")
    out, edits = explain(seed, select="PW")
    assert out == seed
    pw10 = [e for e in edits if e.rule == "PW010"]
    assert len(pw10) == 1 and seed[pw10[0].start - 2:pw10[0].start] == "平台"


# --- properties ----------------------------------------------------------------------

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
han_words = st.text(HAN, min_size=1, max_size=6)
ASCII_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


@settings(max_examples=150, deadline=None)
@given(st.lists(han_words, min_size=2, max_size=6), st.lists(st.sampled_from(list(ASCII_TO_FULL)), min_size=5, max_size=5))
def test_injected_ascii_marks_restored(words, marks):
    clean_text = "".join(w + ASCII_TO_FULL[m] for w, m in zip(words, marks)) + words[-1] + "。"
    damaged = "".join(w + m for w, m in zip(words, marks)) + words[-1] + "。"
    assert clean(damaged, **PW) == clean_text
    assert clean(clean_text, **PW) == clean_text


@settings(max_examples=100, deadline=None)
@given(han_words, han_words, han_words)
def test_injected_parens_and_quotes_restored(a, b, c):
    good = f"{a}（{b}）{c}“{a}”{b}。"
    assert clean(f"{a}({b}){c}\"{a}\"{b}.", **PW) == good
    assert clean(good, **PW) == good


ALNUM = st.sampled_from(list("abcXYZ0123456789"))
latin_numeric = st.builds(lambda a, mid, b: a + mid + b, ALNUM,
                          st.text(st.sampled_from(list("abcXYZ0123456789 ,.;:?!()-/%'\"")), max_size=30), ALNUM)


@settings(max_examples=200, deadline=None)
@given(han_words, latin_numeric, han_words)
def test_latin_and_numeric_spans_between_spaces_never_change(a, span, b):
    core = span
    text = f"{a}。 {span} {b}"
    out = clean(text, **PW)
    assert core in out


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_idempotent_and_no_crash(text):
    once = clean(text, **PW)
    assert clean(once, **PW) == once


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from(list("中国发展一二，。、；：？！“”‘’（）《》……——0123456789%.abc \"'")), max_size=40))
def test_replay_invariant(text):
    from cleantext_zh import apply_edits
    out, edits = explain(text, **PW)
    applied = [e for e in edits if e.applied]
    assert apply_edits(text, applied) == out
    for e in edits:
        assert text[e.start:e.end] == e.before


# Lines of pieces that end in a mark: mostly Chinese then one kind of mark (the shortcut's
# case), with Latin, digits, spaces and other marks mixed in so it must also decline.
_PIECE = st.tuples(st.text(alphabet="中文国龘a0 ", min_size=0, max_size=3),
                   st.sampled_from([",", ",", ",", ";", ":", ".", "，"]),
                   st.sampled_from(["", "", "", " ", "\t", "\N{NO-BREAK SPACE}"])).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECE, max_size=8).map("".join))
def test_one_kind_mark_shortcut_agrees_with_the_general_walk(line):
    # The shortcut (_common_marks) answers for the whole line or not at all; when it answers,
    # the mark-by-mark walk it stands in for must give the same fixes.
    from cleantext_zh.rules import punctuation as pw

    toks = "".join(pw._TOKENS.findall(line))
    quick = pw._common_marks(line, toks)
    if quick is None:
        return
    saved = pw._common_marks
    pw._common_marks = lambda line, toks: None
    try:
        walked = pw._halfwidth_marks(line, toks, True, True)
    finally:
        pw._common_marks = saved
    assert (quick, True) == walked

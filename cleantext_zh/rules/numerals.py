"""NUM — holes where digits vanished: mark them with ``□``, never invent a number.

What it finds
    The units a date, an anniversary, an ordinal or a quantity leaves behind when its Arabic
    digits are lost in conversion: ``新华社合肥月日电`` (a dateline without month and day),
    ``习近平日在合肥主持`` (the day of the dateline sentence), ``开发开放周年``, ``第届``,
    ``增长%``, ``提高个百分点``, ``投资亿元``.
Where it comes from
    Web scrapers and PDF text layers that drop runs of ASCII digits (a font or an ``<span>``
    holding the numbers is lost), as in seed 001.
Example
    ``新华社合肥月日电`` -> ``新华社合肥□月□日电``; ``今年是上海浦东开发开放周年`` ->
    ``今年是上海浦东开发开放□周年``.
Safety
    The digits cannot be recovered from the text, so the repair inserts the marker
    (``Config.marker``, default ``□`` U+25A1, the editor's mark for a missing character) so the
    hole is visible and machine-findable.  A hole is ``safe`` only where correct Chinese never
    has the unit bare: a dateline ``…月日电``, the ``日`` before an action in a dateline
    sentence, ``…月日`` at a clause end, ``第届``, ``周年`` after an event word, ``%`` after Han.
    Where correct text can have the unit bare (``出生年月日``, ``那个年月``, ``亿元户``,
    ``成倍``) the hole is only reported (``review``).  With ``date="2020-08-22"`` the holes of
    the dateline are filled with that date instead of marked; other holes stay marked.  A hole
    that already holds the marker (or a digit) is never marked again.
Left alone
    Units after any numeral (``8月22日``, ``十周年``, ``第一``, ``两倍``, ``数亿元``), day words
    (``每日``, ``今日``, ``节日``, ``日日夜夜``, ``新华每日电讯``), ``月日`` inside a word
    (``每月日均``), ``周年庆`` without a number (a shop's anniversary sale), ``上周年会``
    (last week's annual meeting), ``次第``/``府第``/``门第`` before a counter, ``之日起``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

import regex

from ..charclass import is_han
from ..config import ConfigError
from ..edits import Edit, Safety, make_edit
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("NUM001", "date-missing-digits",
         "A date whose digits vanished: 月日, 年月日, 年月 with no number before a unit (datelines: 合肥月日电).",
         ("新华社合肥月日电", "新华社合肥\N{WHITE SQUARE}月\N{WHITE SQUARE}日电")),
    Rule("NUM002", "dateline-day-missing-digits",
         "The day of a dateline sentence whose digits vanished: 习近平日在合肥主持.",
         ("新华社合肥8月20日电 习近平日在合肥主持召开座谈会。",
          "新华社合肥8月20日电 习近平\N{WHITE SQUARE}日在合肥主持召开座谈会。")),
    Rule("NUM003", "anniversary-missing-digits", "周年 with no number before it: 开发开放周年.",
         ("今年是上海浦东开发开放周年，", "今年是上海浦东开发开放\N{WHITE SQUARE}周年，")),
    Rule("NUM004", "ordinal-missing-digits", "第 followed directly by a counter: 第届, 第次, 第期.",
         ("第届中国国际进口博览会", "第\N{WHITE SQUARE}届中国国际进口博览会")),
    Rule("NUM005", "quantity-missing-digits",
         "%, 个百分点, 倍 or 亿元 with no number before it: 增长%，提高个百分点.",
         ("同比增长%，", "同比增长\N{WHITE SQUARE}%，")),
)

# Characters that can precede a unit in correct text: Arabic and full-width digits, Chinese
# numerals (small, financial) and the approximate-number words that stand for a number.
NUMERAL_CHARS = (
    "0123456789"
    "\N{FULLWIDTH DIGIT ZERO}\N{FULLWIDTH DIGIT ONE}\N{FULLWIDTH DIGIT TWO}\N{FULLWIDTH DIGIT THREE}"
    "\N{FULLWIDTH DIGIT FOUR}\N{FULLWIDTH DIGIT FIVE}\N{FULLWIDTH DIGIT SIX}\N{FULLWIDTH DIGIT SEVEN}"
    "\N{FULLWIDTH DIGIT EIGHT}\N{FULLWIDTH DIGIT NINE}"
    "\N{IDEOGRAPHIC NUMBER ZERO}零一二三四五六七八九十百千万亿两廿卅"
    "壹贰叁肆伍陆柒捌玖拾佰仟"
    "几多余数半"
)
# Words ending in 日 that are not a day number: 每日, 今日, 节日 ...  A hole is never marked
# after them (the list also keeps 新华每日电讯 and 之日起 out of the dateline rules).
DAY_WORD_PREFIXES = "每今昨明前后次当近翌某节平终整逐连白生末假忌吉往旧落红早抗对向夏冬春秋朝隔同累元之即本该一"
# In the sentence after a dateline only words naming the day itself compete with a lost
# number (今日在, 近日在, 同日在); 平 is not among them: 习近平日在 is the common case.
DATELINE_DAY_WORD_PREFIXES = "每今昨明前次当近翌某同即本该节生假"
# Words ending in 年: 今年, 去年, 每年 ... (their 年 is not a year number's).
YEAR_WORD_PREFIXES = "今去明前后每当次上本该同翌近往历多少青成老童晚早新全"  # (+ 出生年月日 below)
# Month words: 本月日均, 当月日均, 上月日 ... are ``月日`` of a word, never report as SAFE.
MONTH_WORD_PREFIXES = "每本当上下同次该这前后岁日逐按个"
# What follows a date at the end of a date phrase (a clause boundary or a time of day).
DATE_FOLLOWERS = r"(?:\P{Han}|\Z|上午|下午|中午|晚上|晚间|晚|凌晨|早上|早晨|电(?!讯)|至|起|前|以来|在|出版)"
# What follows the day of a dateline sentence: a time of day or the action.
DATELINE_ACTIONS = (
    r"(?:上午|下午|中午|晚上|晚间|晚|凌晨|早上|早晨|在|于|赴|到|抵达|出席|会见|会晤|主持|同|与|向|致电|致信"
    r"|签署|就|乘|离开|结束|举行|发表|视察|考察|回信|通电话)"
)
# Prepositions before a date: ``于年月日`` is never correct, ``出生年月日`` is.
DATE_PREPOSITIONS = r"(?:于|在|自|从|至|到|截至|截止|是|为|定于|日期)"
# News agencies and papers whose datelines end in 日电: 新华社北京日电, 本报上海日电.
AGENCY = r"(?:新华社|中新社|本报|\p{Han}{1,6}(?:社|报|网|台))"
# 电 words after 日: 新华每日电讯, 中日电影 are not datelines.
NOT_DATELINE_AFTER = "[讯影视器脑话池子力网]"
# 每个百分点, 这个百分点: a determiner, not a lost number.
PERCENT_WORD_PREFIXES = "每这那各该"
# Counters after 第 (ordinals): 第届, 第次, 第期, 第条 ...
ORDINAL_COUNTERS = "届次期章条款项个批号季页版卷册集轮名位节篇部天周"
# Words that end in 第 and so may stand before a counter without a number: 次第, 府第, 门第.
ORDINAL_WORD_PREFIXES = "次等宅府门及落科甲"
# Event words before 周年 that make a bare 周年 certainly a hole (成立周年, 开发开放周年).
ANNIVERSARY_WEEK_PREFIXES = "上本下这每该前"  # 上周年会: last week's annual meeting
# 周年 meaning "full years": 按周年计算, 满周年, 逢周年 (two such lines in laws.txt).
ANNIVERSARY_WORD_PREFIXES = "按满整逢"
# How far after a dateline the first sentence may run (chars); the longest dateline sentence
# head in seeds 000/001 (a chain of titles before the name) is 40 chars.
DATELINE_SENTENCE_MAX_CHARS = 120

_UNIT_KIND = {"年": "year", "月": "month", "日": "day"}


@functools.lru_cache(maxsize=8)
def _patterns(marker: str) -> "_Patterns":
    m = regex.escape(marker)
    num = "[" + regex.escape(NUMERAL_CHARS) + m + "]"
    not_num_han = r"[\p{Han}--[" + regex.escape(NUMERAL_CHARS) + "]]"
    # Where a hole that yields an edit can be: a unit right after something that is not a
    # numeral (or a marker).  Read off the patterns and _unit_holes below: a marker is only
    # inserted at a unit whose previous character is no numeral (年 only with a 月 hole
    # right after it; 月 after 本/上/每... never), and a fill needs 日电.  Every alternative
    # starts with a literal, so stdlib ``re`` skips on a first-character set, and the
    # numerals of clean text (8月20日, 70周年, 第一, 5%, 3倍, 10亿元) fail at once; ~1 GB/s
    # on news_clean.txt, where the nine patterns below cost ~40 ms.  Keep in step with them.
    n = "[" + re.escape(NUMERAL_CHARS + marker) + "]"
    mk = re.escape(marker)
    units = ["%", "\N{FULLWIDTH PERCENT SIGN}", "个百分点", "倍", "周年"] + [
        big + usd + "元" for big in ("万亿", "亿", "万") for usd in ("", "美")]
    holes = re.compile("|".join(
        ["日电", f"月{mk}*日", f"年{mk}*月", f"第[{ORDINAL_COUNTERS}]",
         f"月(?<![{re.escape(NUMERAL_CHARS + marker + MONTH_WORD_PREFIXES)}]月)(?={n}*日)"]
        + [f"{re.escape(u)}(?<!{n}{re.escape(u)})" for u in units]))
    return _Patterns(
        holes=holes,
        prefilter=regex.compile(r"月日|年月|日电|周年|第[" + ORDINAL_COUNTERS + r"]|[%％]|个百分点|倍|[亿万]元"),
        # A date whose day ends the dateline: (年)?月日电 with digits/markers optional per unit.
        dateline=regex.compile(
            rf"(?:(?:{num}*年)?{num}*月)?{num}*日电(?!{NOT_DATELINE_AFTER})", regex.V1),
        date=regex.compile(rf"(?:{num}*年)?{num}*月{num}*日(?={DATE_FOLLOWERS})", regex.V1),
        prep_date=regex.compile(rf"(?<={DATE_PREPOSITIONS}){num}*年{num}*月{num}*日", regex.V1),
        year_month=regex.compile(rf"(?<={DATE_PREPOSITIONS}){num}*年{num}*月(?!日|{num}*日)", regex.V1),
        # 日电 alone (no 月) ends a dateline only after an agency and a place, before a space
        # or punctuation: 新华社北京日电 （记者…; 本报讯中日电影 is a film.
        agency_day=regex.compile(rf"{AGENCY}\p{{Han}}{{1,8}}?{num}*日电(?=\P{{Han}}|\Z)", regex.V1),
        dateline_day=regex.compile(rf"(?<={not_num_han}){num}*日(?={DATELINE_ACTIONS})", regex.V1),
        anniversary=regex.compile(rf"(?<={not_num_han}){m}?周年(?!庆)", regex.V1),
        ordinal=regex.compile(rf"(?<=第){m}?(?=[{ORDINAL_COUNTERS}])", regex.V1),
        percent=regex.compile(rf"(?<={not_num_han})(?<![{PERCENT_WORD_PREFIXES}]){m}?(?=[%％]|个百分点)", regex.V1),
        times=regex.compile(
            rf"(?<=(?:增长|提高|增加|扩大|相当于|达到|超过|是|为)了?){m}?(?=倍(?![数增感加受率]))", regex.V1),
        money=regex.compile(rf"(?<=[\p{{Han}}--[{regex.escape(NUMERAL_CHARS)}近超逾过上数]]){m}?(?=(?:万亿|亿|万)(?:美)?元(?![户村级]|国内生产总值|GDP|产值|增加值))",
                            regex.V1),
        # Literal-first scans (stdlib ``re`` skips to the literal) that give a superset of the
        # positions where the patterns above can start a match; see _candidates.  The nine
        # patterns each test every position (~22 ms on the 80 seed documents, noisy text has
        # their units everywhere); these find the few places worth a match() (~1 ms).
        fast=marker not in _FAST_PATH_UNSAFE_MARKERS,
        run_num=frozenset(NUMERAL_CHARS + marker),
        run_num_year=frozenset(NUMERAL_CHARS + marker + "年"),
        run_num_year_month=frozenset(NUMERAL_CHARS + marker + "年月"),
        lit_date=re.compile(f"月{n}*日"),
        lit_year_month=re.compile(f"年{n}*月"),
        lit_ordinal=re.compile(f"第(?={mk}?[{ORDINAL_COUNTERS}])"),
    )


@dataclass(frozen=True)
class _Patterns:
    holes: "re.Pattern[str]"
    prefilter: regex.Pattern
    dateline: regex.Pattern
    date: regex.Pattern
    prep_date: regex.Pattern
    year_month: regex.Pattern
    agency_day: regex.Pattern
    dateline_day: regex.Pattern
    anniversary: regex.Pattern
    ordinal: regex.Pattern
    percent: regex.Pattern
    times: regex.Pattern
    money: regex.Pattern
    fast: bool
    run_num: frozenset
    run_num_year: frozenset
    run_num_year_month: frozenset
    lit_date: "re.Pattern[str]"
    lit_year_month: "re.Pattern[str]"
    lit_ordinal: "re.Pattern[str]"


# The fast path's candidate scans assume the marker is none of the characters they look for
# or walk over; any other marker (``config.marker`` is any one visible character) takes the
# plain finditer path.
_FAST_PATH_UNSAFE_MARKERS = frozenset(
    "年月日电第%\N{FULLWIDTH PERCENT SIGN}个百分点倍亿万美元于在自从至到止是为期" + ORDINAL_COUNTERS)


def _run_start(text: str, i: int, chars: frozenset) -> int:
    """The start of the run of ``chars`` that ends right before ``text[i]``."""
    j = i
    while j > 0 and text[j - 1] in chars:
        j -= 1
    return j


def _candidates(name: str, text: str, p: "_Patterns") -> Iterator[int]:
    """Increasing positions (repeats allowed) that include every start of a match of pattern ``name``.

    Why each is a superset: ``dateline`` ends in 日电 and everything before its 日 is a numeral,
    marker, 年 or 月, so it starts in the run of those before a 日电; ``date`` holds 月 N*日 with
    numerals/markers/年 before the 月; ``prep_date``/``year_month`` hold 年 N*月 and start right
    after a preposition, which is no numeral, so exactly at the start of the numeral run before
    that 年; ``ordinal`` starts right after 第; the NUM005 patterns and ``anniversary`` match an
    optional marker right before their unit, so they start at the unit or one before it.  Scans of one literal
    cannot hide another occurrence (a match holds one 日/月/年/第).
    """
    # 日电 and 月 by str.find (a memchr where a ``re`` literal scan is not: ~0.3 vs ~1.5 µs a
    # seed), then match() at each 月: rare in any text.  (年 is common in news: a scan is cheaper.)
    if name == "dateline":
        for i in _find_all(text, "日电"):
            yield from range(_run_start(text, i, p.run_num_year_month), i + 1)
    elif name == "date":
        match = p.lit_date.match
        for i in _find_all(text, "月"):
            if match(text, i):  # no overlaps to skip: no 月 inside a numeral run
                yield from range(_run_start(text, i, p.run_num_year), i + 1)
    elif name == "prep_year":
        for m in p.lit_year_month.finditer(text):
            yield _run_start(text, m.start(), p.run_num)
    elif name == "ordinal":
        for m in p.lit_ordinal.finditer(text):
            yield m.end()
    else:
        # str.find, not a character-class regex: the class scans run ~1 ms per MB of Han.
        if name == "percent":
            units = sorted([*_find_all(text, "%"), *_find_all(text, "\N{FULLWIDTH PERCENT SIGN}"),
                            *_find_all(text, "个百分点")])
        elif name == "times":
            units = _find_all(text, "倍")
        elif name == "anniversary":
            units = _find_all(text, "周年")
        else:
            units = sorted(i for c in "亿万" for i in _find_all(text, c) if text.startswith(_MONEY_UNITS, i))
        for i in units:
            yield i - 1 if i else 0
            yield i


_MONEY_UNITS = tuple(big + usd + "元" for big in ("万亿", "亿", "万") for usd in ("", "美"))


def _find_all(text: str, literal: str) -> Iterator[int]:
    """Every position of ``literal``, overlaps too.

    Found by its first character, then checked: a one-character str.find is a memchr, a
    longer one tests every position (个百分点 in a seed: ~0.6 vs ~2 µs).
    """
    first = literal[0]
    i = text.find(first)
    while i >= 0:
        if text.startswith(literal, i):
            yield i
        i = text.find(first, i + 1)


def _finditer(pattern: regex.Pattern, text: str, name: str, p: "_Patterns",
              candidates: "list[int] | None" = None) -> Iterator:
    """``pattern.finditer(text)``, trying ``pattern.match`` only at the candidate positions.

    Same matches: finditer takes the leftmost match at or after the end of the last one, and
    every position where one can start is a candidate.  After an empty match at ``s`` the
    next starts later: these patterns' optional marker is greedy, so a match at ``s`` that
    could be non-empty is.  match() sees the text before ``s`` for lookbehinds, as search does.
    ``candidates``: ``list(_candidates(name, text, p))`` when the caller has it already.
    """
    if not p.fast:
        yield from pattern.finditer(text)
        return
    pos = 0
    for s in (_candidates(name, text, p) if candidates is None else candidates):
        if s < pos:
            continue
        m = pattern.match(text, s)
        if m is not None:
            yield m
            e = m.end()
            pos = e if e > s else s + 1


def parse_date(value: str | None) -> dict[str, str] | None:
    """``"2020-08-22"`` -> ``{"year": "2020", "month": "8", "day": "22"}`` (no zero padding).

    >>> parse_date("2020-08-22")
    {'year': '2020', 'month': '8', 'day': '22'}
    """
    if value is None:
        return None
    parts = regex.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*", value)
    if not parts:
        raise ConfigError(f"date must look like 2020-08-22, not {value!r}")
    year, month, day = parts.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        raise ConfigError(f"date {value!r} has no such month or day")
    return {"year": year, "month": str(int(month)), "day": str(int(day))}


def _unit_holes(text: str, start: int, end: int, p: _Patterns, marker: str) -> list[tuple[int, int, str]]:
    """Holes before each 年/月/日 in ``text[start:end]``: ``(pos, pos_end, unit)``.

    ``pos_end > pos`` when the hole already holds the marker (only a fill may touch it).
    """
    holes = []
    num = p.run_num  # the patterns' class ``num`` as a set: a match() call costs ~0.3 µs
    for i in range(start, end):
        ch = text[i]
        if ch not in _UNIT_KIND:
            continue
        j = i
        while j > start and text[j - 1] == marker:
            j -= 1
        if j == i and i > 0 and text[i - 1] in num:
            continue  # a digit or numeral: no hole
        if j < i and j > 0 and text[j - 1] in num and text[j - 1] != marker:
            continue  # 8□月: a digit is there, the marker is someone else's
        holes.append((j, i, ch))
    # 今年5月12日, 每年3月: 年 after a word is the word's; the year is missing only when the
    # month's digits went with it and no year word stands before it.
    # A unit right after a word's 年/月 belongs to the same word: 出生年月日, 每月日均.
    out = []
    dropped_at = -2
    for k, (pos, pos_end, unit) in enumerate(holes):
        if pos == pos_end and pos == dropped_at + 1:
            dropped_at = pos_end
            continue
        dropped_at_before = dropped_at
        dropped_at = pos_end  # provisionally: reset below when kept
        if unit == "年":
            month_hole = k + 1 < len(holes) and holes[k + 1][2] == "月" and holes[k + 1][0] == pos_end + 1
            if not month_hole or (pos > 0 and text[pos - 1] in YEAR_WORD_PREFIXES + "生"):
                continue
        if unit == "月" and pos == pos_end and pos > 0 and text[pos - 1] in MONTH_WORD_PREFIXES:
            continue  # 每月, 本月, 岁月: a word's 月
        dropped_at = dropped_at_before
        out.append((pos, pos_end, unit))
    return out


def _hole_edits(text: str, holes: list[tuple[int, int, str]], rule: str, what: str, safety: Safety,
                marker: str, fill: dict[str, str] | None) -> Iterator[Edit]:
    for pos, pos_end, unit in holes:
        if fill is not None:
            value = fill[_UNIT_KIND[unit]]
            yield make_edit(text, pos, pos_end, value, rule,
                            f"{what}: the {_UNIT_KIND[unit]} before {unit} is missing; filled from the date option",
                            safety)
        elif pos_end == pos:
            yield make_edit(text, pos, pos, marker, rule,
                            f"{what}: the {_UNIT_KIND[unit]} before {unit} is missing (digits lost)", safety)


def find_missing_digits(text: str, ctx: Context) -> Iterator[Edit]:
    """Find NUM001–NUM005 holes in ``text``.

    >>> from cleantext_zh import clean
    >>> clean("新华社合肥月日电 习近平日在合肥主持", select="NUM")
    '新华社合肥□月□日电 习近平□日在合肥主持'
    >>> clean("新华社合肥月日电 习近平日在合肥主持", select="NUM", date="2020-08-20")
    '新华社合肥8月20日电 习近平20日在合肥主持'
    """
    marker = ctx.config.marker
    p = _patterns(marker)
    if not p.holes.search(text) or not p.prefilter.search(text):
        return
    fill = parse_date(getattr(ctx.config, "date", None))
    seen: set[int] = set()  # hole positions already reported (a hole is marked once)

    def emit(edits: Iterator[Edit]) -> Iterator[Edit]:
        for e in edits:
            if e.start not in seen:
                seen.add(e.start)
                yield e

    if ctx.wants("NUM001") or ctx.wants("NUM002"):
        dateline_ends: list[int] = []
        for m in _finditer(p.dateline, text, "dateline", p):
            s, e = m.span()
            chunk = text[s:e]
            if "月" not in chunk:
                # 日电 alone is a dateline only after an agency and a place: 新华社北京日电.
                a = p.agency_day.search(text, max(0, s - 16), e)
                if not a or a.end() != e or (s > 0 and text[s - 1] in DAY_WORD_PREFIXES):
                    continue
            elif chunk[0] == "月" and s > 0 and text[s - 1] in MONTH_WORD_PREFIXES:
                continue
            holes = _unit_holes(text, s, e, p, marker)
            if not holes and not any(c.isdigit() or c == marker for c in chunk):
                continue
            dateline_ends.append(e)
            if ctx.wants("NUM001"):
                yield from emit(_hole_edits(text, holes, "NUM001", "dateline date without digits",
                                            Safety.SAFE, marker, fill))
        for m in _finditer(p.date, text, "date", p):
            s, e = m.span()
            if not ctx.wants("NUM001"):
                break
            chunk = text[s:e]
            holes = _unit_holes(text, s, e, p, marker)
            if not holes:
                continue
            before = text[max(0, s - 4):s]
            if chunk[0] not in _UNIT_KIND:
                safety = Safety.SAFE  # 2020年月日: the year's digits are there, the rest vanished
            elif s == 0 or not is_han(text[s - 1]):
                continue  # a heading or label: 月日 alone says nothing
            elif chunk.startswith("年"):
                # 出生年月日 is a form label; 于年月日 is not.
                safety = Safety.SAFE if _PREPOSITION_AT_END.search(before) else Safety.REVIEW
            elif chunk.startswith("月") and text[s - 1] in MONTH_WORD_PREFIXES + "年":
                safety = Safety.REVIEW
            else:
                safety = Safety.SAFE
            yield from emit(_hole_edits(text, holes, "NUM001", "date without digits", safety, marker, None))
        if ctx.wants("NUM001"):
            # prep_date and year_month start at the same candidates: one scan for both
            prep_year = list(_candidates("prep_year", text, p)) if p.fast else None
            for m in _finditer(p.prep_date, text, "prep_year", p, prep_year):
                holes = _unit_holes(text, m.start(), m.end(), p, marker)
                yield from emit(_hole_edits(text, holes, "NUM001", "date after a preposition without digits",
                                            Safety.SAFE, marker, None))
            for m in _finditer(p.year_month, text, "prep_year", p, prep_year):
                holes = _unit_holes(text, m.start(), m.end(), p, marker)
                yield from emit(_hole_edits(text, holes, "NUM001", "year and month without digits",
                                            Safety.REVIEW, marker, None))
        if ctx.wants("NUM002"):
            for d_end in dateline_ends:
                stop = _sentence_end(text, d_end)
                m = p.dateline_day.search(text, d_end, stop)
                if m is None:
                    continue
                if text[m.start() - 1] in DATELINE_DAY_WORD_PREFIXES:
                    continue
                holes = _unit_holes(text, m.start(), m.end(), p, marker)
                yield from emit(_hole_edits(text, holes, "NUM002", "dateline sentence day without digits",
                                            Safety.SAFE, marker, fill))

    if ctx.wants("NUM003"):
        for m in _finditer(p.anniversary, text, "anniversary", p):
            if m.group().startswith(marker):
                continue
            prev = text[m.start() - 1]
            if prev in ANNIVERSARY_WORD_PREFIXES:
                continue
            safety = Safety.REVIEW if prev in ANNIVERSARY_WEEK_PREFIXES else Safety.SAFE
            yield from emit(iter([make_edit(text, m.start(), m.start(), marker, "NUM003",
                                            "周年 without the number of years (digits lost)", safety)]))
    if ctx.wants("NUM004"):
        for m in _finditer(p.ordinal, text, "ordinal", p):
            if m.group() or (m.start() >= 2 and text[m.start() - 2] in ORDINAL_WORD_PREFIXES):
                continue
            yield from emit(iter([make_edit(text, m.start(), m.start(), marker, "NUM004",
                                            f"第 right before the counter {text[m.start()]} (digits lost)",
                                            Safety.SAFE)]))
    if ctx.wants("NUM005"):
        for pattern, name, what, safety in (
                (p.percent, "percent", "percentage without its number", Safety.SAFE),
                (p.times, "times", "multiple (倍) without its number", Safety.REVIEW),
                (p.money, "money", "amount without its number", Safety.REVIEW)):
            for m in _finditer(pattern, text, name, p):
                if m.group():
                    continue
                yield from emit(iter([make_edit(text, m.start(), m.start(), marker, "NUM005",
                                                f"{what} (digits lost)", safety)]))


# Compiled once: regex.search(pattern_string, ...) pays the module's cache lookup (~7 us).
_PREPOSITION_AT_END = regex.compile(DATE_PREPOSITIONS + r"$")
_SENTENCE_STOP = regex.compile(r"[。！？\n]")


def _sentence_end(text: str, start: int) -> int:
    m = _SENTENCE_STOP.search(text, start, start + DATELINE_SENTENCE_MAX_CHARS)
    return m.start() if m else min(len(text), start + DATELINE_SENTENCE_MAX_CHARS)


NORMALIZER = Normalizer("numerals", RULES, find_missing_digits, __doc__ or "")

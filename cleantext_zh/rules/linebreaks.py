"""LB — line breaks inside paragraphs: hard wraps, page breaks, stray leading spaces.

What it finds
    Line breaks that the author did not write: a PDF's forced break every ~28 characters (with
    or without a blank line after every line), a page boundary that cuts a paragraph with a
    blank line in the middle of a sentence or a word (``强劲活跃的增长极\\n\\n功能不断``,
    ``体制机制创\\n\\n新力度``, ``需求，\\n\\n确保``, ``。接\\n\\n下来``), the stray space a PDF
    extractor puts at the start of the first line of a page, and English words hyphenated
    across a break.
Where it comes from
    pdftotext (with and without ``-layout``), pdfminer.six, PyMuPDF and OCR engines emit one
    line per printed line and no paragraph marks; web copies of printed pages keep the page
    breaks as empty lines.
Example
    ``体制机制创\\n\\n新力度`` -> ``体制机制创新力度``
Safety
    Two kinds of evidence decide each break, the way an editor reads a page:

    * *wrapped text*: among the nearby lines (``WIDTH_WINDOW_LINES`` either side) most have the
      same display width (a CJK character is two columns).  A line that reaches that width
      and does not end a sentence is a wrap (``LB001``); one that ends a sentence is joined
      only when the next line also reaches the width (a new paragraph's first line is
      indented, or lost its indent and is shorter).  A line clearly shorter than the width
      ends its paragraph unless it stops mid-clause (below).
    * *one paragraph per line*: a break is a page break inside a sentence (``LB002``) only
      if the line before is running prose (it has sentence punctuation), does not end a
      sentence, and the break itself shows it: the line ends in ``，`` or ``、``, the next
      starts with one, the two characters either side form a bound pair that clean text
      never separates (``创|新``, ``干|部``), a character that (almost) never ends or starts
      a clause sits at the break (``极``, ``员``), the line ends in a function word (``更``),
      or a sentence has just begun (``。接``).  Breaks with none of these are reported
      (``REVIEW``), not joined.

    Joining Chinese to Chinese inserts nothing; Latin to Latin inserts one space.  Decisions
    use only nearby lines, so cleaning a long text in blocks cut at paragraph ends gives the
    same result as cleaning it whole.  The character tables come from clean corpora
    (``data/linebreak_edges.json``, built by ``scripts/build_linebreak_table.py``).
Left alone
    Headings and titles (short, no sentence punctuation), photo credits and bylines, list
    items (``一、`` ``（一）`` ``1.`` ``■`` ``●``), markdown headings, block quotes, tables and
    fenced code, a break right after a sentence end (a paragraph end as far as anyone can
    tell), and text without line breaks.
"""

from __future__ import annotations

import bisect
import collections
import fractions
import json
import math
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain, compress, repeat
from operator import add, and_, is_not, le, methodcaller, mul, sub
from typing import Iterator, NamedTuple, Sequence

import regex

from ..charclass import CLOSING_CHARS, SENTENCE_END_CHARS
from ..edits import Edit, Safety, make_edit, make_edits
from ..rule import Context, Normalizer, Rule
from .pagination import split_lines

RULES = (
    Rule("LB001", "wrap-inside-paragraph",
         "A line break at the page width inside a paragraph of hard-wrapped text (PDF, OCR).",
         ("深入推进长三角一体化发展，进一步提升创新能\n力、产业竞争力、发展能级，率先形成更高层次\n改革开放新格局，对于我国构建新发展格局、推\n"
          "动高质量发展，以中国式现代化全面推进强国建\n设、民族复兴伟业，意义重大。要完整、准确、\n全面贯彻新发展理念。\n",
          "深入推进长三角一体化发展，进一步提升创新能力、产业竞争力、发展能级，率先形成更高层次"
          "改革开放新格局，对于我国构建新发展格局、推动高质量发展，以中国式现代化全面推进强国建"
          "设、民族复兴伟业，意义重大。要完整、准确、全面贯彻新发展理念。\n")),
    Rule("LB002", "page-break-inside-sentence",
         "A blank line or page break in the middle of a sentence or word, in one-paragraph-per-line text.",
         ("习近平指出，长三角区域要加大制度和体制机制创\n\n新力度，在重点领域实现更大突破。",
          "习近平指出，长三角区域要加大制度和体制机制创新力度，在重点领域实现更大突破。")),
    Rule("LB003", "stray-space-after-page-break",
         "A stray space at the start of the first line of a page, where a paragraph begins.",
         ("第一段到此结束。\n 第二段从这里开始。", "第一段到此结束。\n第二段从这里开始。")),
    Rule("LB005", "layout-margin",
         "The left margin of spaces that pdftotext -layout puts before every line of wrapped text.",
         ("    甲乙丙丁，戊己庚辛壬癸子丑寅卯辰巳午未申\n    酉戌亥甲，乙丙丁戊己庚辛壬癸子丑寅卯辰\n"
          "    巳午未申，酉戌亥甲乙丙丁戊己庚辛壬癸丑\n    寅卯辰巳，午未申酉戌亥甲乙丙丁戊己庚辛\n"
          "    癸子丑寅，卯辰巳午未申酉戌亥甲乙丙丁戊\n    庚辛壬癸，子丑寅卯。\n",
          "甲乙丙丁，戊己庚辛壬癸子丑寅卯辰巳午未申\n酉戌亥甲，乙丙丁戊己庚辛壬癸子丑寅卯辰\n"
          "巳午未申，酉戌亥甲乙丙丁戊己庚辛壬癸丑\n寅卯辰巳，午未申酉戌亥甲乙丙丁戊己庚辛\n"
          "癸子丑寅，卯辰巳午未申酉戌亥甲乙丙丁戊\n庚辛壬癸，子丑寅卯。\n")),
    Rule("LB004", "hyphenated-word-across-break",
         "An English word hyphenated at a line end and continued on the next line of a wrap.",
         ("甲乙丙丁，戊己庚辛壬癸子丑寅卯辰巳午未申\n酉戌亥甲，乙丙丁戊己庚辛壬癸子丑寅卯辰\n"
          "巳午未申，酉戌亥甲乙丙丁戊己庚辛壬癸丑\n寅卯辰巳，午未申酉戌亥甲乙丙丁戊己庚辛\n"
          "癸子丑寅，卯辰巳午未申酉戌亥甲乙丙丁戊\n庚辛壬癸，子丑寅卯辰巳午未申 inter-\nnational 标准。\n",
          "甲乙丙丁，戊己庚辛壬癸子丑寅卯辰巳午未申\n酉戌亥甲，乙丙丁戊己庚辛壬癸子丑寅卯辰\n"
          "巳午未申，酉戌亥甲乙丙丁戊己庚辛壬癸丑\n寅卯辰巳，午未申酉戌亥甲乙丙丁戊己庚辛\n"
          "癸子丑寅，卯辰巳午未申酉戌亥甲乙丙丁戊\n庚辛壬癸，子丑寅卯辰巳午未申 international 标准。\n")),
)

# --- thresholds -------------------------------------------------------------------------
# Lines either side of a break whose widths decide whether the text is hard-wrapped.  Big
# enough to hold a few paragraphs of a page (003 has 5-25 lines a paragraph), small enough
# that a block cut for streaming sees the same lines.
WIDTH_WINDOW_LINES = 20
# At least this many lines in the window, and this share of them at the wrap width.
MIN_WRAP_LINES = 6
MIN_WRAP_SHARE = 0.5
# Narrower "wraps" are verse, lists or table cells (12 CJK characters = 24 columns).
MIN_WRAP_COLUMNS = 24
# A line this many columns short of the width still reached it: one lost indent of two CJK
# characters plus a Latin word or number that did not fit (a justified line holding half-width
# characters has fewer columns).  003's paragraph first lines are 52 columns against 56.
FULL_SLACK_COLUMNS = 6
# A line that ends a sentence counts as full (and so maybe wrapped) only this close to the
# width, unless it is a paragraph's first line that lost its indent: a paragraph's last line
# three characters short is a paragraph end (found by the typesetting property test; 003's
# full lines ending in 。 are exactly at the width).
END_FULL_SLACK_COLUMNS = 2
# A paragraph's first line is indented by two CJK characters; extraction drops the indent.
INDENT_COLUMNS = 4
# Hanging punctuation and half-width digits make some lines wider (003: 57-60 columns).
OVER_SLACK_COLUMNS = 6
# Share of lines in the window allowed to be wider than the wrap width (a heading set wide,
# a table row); more and the text is not wrapped at that width (found by the clean-text
# property: repeated 38-character lines next to a 400-character paragraph).
MAX_OVERWIDE_SHARE = 0.1
# Distinct full lines needed before a neighbourhood counts as hard-wrapped.
MIN_DISTINCT_FULL_LINES = 3
# Among full lines, real wraps mostly stop mid-word; verse and lists end every line with
# punctuation.  003: 85% of full lines end in a Han character.
MIN_MIDWORD_SHARE = 0.3
# Share of full lines that carry sentence punctuation (003: 98%; a column of titles: 0%).
MIN_PUNCT_SHARE = 0.5
# A line shorter than this is too short to call running prose in one-paragraph-per-line text
# (the subtitle 当好开路先锋，在中国式现代化中走在前列 in seed 004 has 19 characters).
MIN_PROSE_CHARS = 20
# Page-break period: at least three sure page breaks, pages of at least 200 characters, a
# candidate within 8% of a whole number of pages (seed 002: pages of 552-583 characters) from
# its sure neighbours, at most three pages away.
MIN_PERIOD_BREAKS = 3
MIN_PERIOD_CHARS = 200
PERIOD_TOLERANCE = 0.08
MAX_PERIODS = 3
# A sentence begun at the end of a line: at most this many characters after its full stop.
MAX_BEGUN_TAIL = 4
# The band of extents around a wrap width that _Layouts counts (a neighbourhood is wrapped only
# if at least MIN_WRAP_SHARE of its lines lie in one).
_BAND_COLUMNS = FULL_SLACK_COLUMNS + OVER_SLACK_COLUMNS
assert MIN_WRAP_SHARE >= 0.5  # _Layouts looks for the band around the middle extents only
assert 2 * WIDTH_WINDOW_LINES + 2 < 256  # _Layouts packs a window's tallies a byte each

_SENT_END = regex.compile(f"(?:[{SENTENCE_END_CHARS}!?]|(?<![0-9])\\.)[{CLOSING_CHARS}\"']*$")
_CLAUSE_END = regex.compile(f"[{SENTENCE_END_CHARS}!?：；:;][{CLOSING_CHARS}\"']*$")
_COMMA_END = regex.compile(r"[\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC COMMA},]$")
# The three above as string tests for one line (no newline in it): a search of an end-anchored
# pattern tries every position of the line (0.3 µs on a 28-character line, 1.6 µs on a
# paragraph), a strip and a lookup do not.  Closing marks and sentence ends are disjoint, so
# the character before the closing run is the only one that can match.
_SENT_TAIL = CLOSING_CHARS + "\"'"
_SENT_MARKS = SENTENCE_END_CHARS + "!?"
_CLAUSE_MARKS = SENTENCE_END_CHARS + "!?：；:;"
_COMMAS = "\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC COMMA},"


def _ends_sentence(line: str) -> bool:
    """``_SENT_END.search(line)`` for a line without a newline."""
    r = line.rstrip(_SENT_TAIL)
    if not r:
        return False
    c = r[-1]
    return c in _SENT_MARKS or (c == "." and (len(r) < 2 or r[-2] not in "0123456789"))


def _ends_clause(line: str) -> bool:
    """``_CLAUSE_END.search(line)`` for a line without a newline."""
    r = line.rstrip(_SENT_TAIL)
    return r != "" and r[-1] in _CLAUSE_MARKS


def _ends_comma(line: str) -> bool:
    """``_COMMA_END.search(line)`` for a line without a newline."""
    return line != "" and line[-1] in _COMMAS
_CONTINUATION_START = regex.compile(
    "^[\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC COMMA}\N{IDEOGRAPHIC FULL STOP}\N{FULLWIDTH SEMICOLON}"
    "\N{FULLWIDTH COLON}\N{FULLWIDTH QUESTION MARK}\N{FULLWIDTH EXCLAMATION MARK}"
    "\N{FULLWIDTH RIGHT PARENTHESIS}\N{RIGHT DOUBLE ANGLE BRACKET}\N{RIGHT ANGLE BRACKET}"
    "\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{RIGHT CORNER BRACKET}]")
_PROSE_PUNCT = regex.compile("[\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC COMMA}\N{IDEOGRAPHIC FULL STOP}"
                             "\N{FULLWIDTH SEMICOLON}\N{FULLWIDTH COLON}\N{FULLWIDTH QUESTION MARK}"
                             "\N{FULLWIDTH EXCLAMATION MARK},;]")
# Lines that start a block of their own: markdown, list items, bullets, tables, quotes.
_STRUCTURAL = regex.compile(
    r"^(?:#{1,6}(?:[ \t]|$)|>|\||```|~~~|[-*+][ \t]|[0-9]{1,3}[.)、．][ \t]?(?!\d)"
    r"|[（(][一二三四五六七八九十百0-9]{1,4}[)）]|[一二三四五六七八九十百]{1,3}[、．.]"
    r"|第[一二三四五六七八九十百0-9]{1,4}[章节条部分篇编款项][ \t\u3000]?"
    r"|[■●◆▲★※•·□◇○◎▶►▪▫\-]|[①-⑳⑴-⒇⒈-⒛])")
# The characters a _STRUCTURAL match can start with (a line starting otherwise is no list
# item, heading or block line: one set lookup instead of a regex match for most lines).
_STRUCTURAL_FIRST = frozenset("#>|`~-*+0123456789（(一二三四五六七八九十百第■●◆▲★※•·□◇○◎▶►▪▫"
                              + "".join(map(chr, range(0x2460, 0x249C))))  # ①-⑳ ⑴-⒇ ⒈-⒛
# _PROSE_PUNCT for one line at a time: a plain class, so stdlib re (faster a call) matches alike.
_PROSE_PUNCT_RE = re.compile(_PROSE_PUNCT.pattern)
_MD_BULLET = regex.compile(r"^[-*+][ \t]")
_BLOCK = regex.compile(r"^(?:#{1,6}(?:[ \t]|$)|>|\||```|~~~)")
_FENCE = regex.compile(r"^[ \t]*(?:```|~~~)")
_HAN = regex.compile(r"\p{Han}")
_LATIN_END = regex.compile(r"[A-Za-z0-9]$")
_LATIN_START = regex.compile(r"^[A-Za-z0-9]")
_HYPHEN_END = regex.compile(r"(?<=[a-z]{2})-$")
_LOWER_START = regex.compile(r"^[a-z]")
# Single-character function words that cannot end a clause: adverbs, prepositions, conjunctions.
_FUNCTION_END = set("更最很太把被将对向从与及并而或于让使据按就又也还再仅只")
# Two-character words that end in one of those and can end a clause.
_FUNCTION_END_WORDS = {"变更", "更更", "而且", "然而", "从而", "因而", "对于", "关于", "至于", "由于", "在于",
                       "等于", "属于", "位于", "用于", "而已", "也就", "不仅", "仍然", "还有",
                       "倾向", "方向", "意向", "导向", "动向", "走向", "趋向", "去向", "取向", "转向", "志向",
                       "偏向", "纵向", "横向", "双向", "相对", "绝对", "反对", "应对", "核对", "服从", "遵从",
                       "参与", "涉及", "普及", "危及", "波及", "顾及", "合并", "兼并", "转让", "出让", "退让",
                       "大使", "特使", "行使", "依据", "根据", "证据", "数据", "单据", "票据", "占据", "收据",
                       "成就", "造就", "归还", "偿还", "退还", "返还", "太太", "大将", "即将"}
# White space stripped from a line's ends (str.lstrip/rstrip: a regex search for the trailing
# run tries every position of the line, 15 ms over news_clean.txt).
_LEAD_WS = " \t\u3000\f"
_TRAIL_WS = " \t\u3000\f\r"


@lru_cache(maxsize=1)
def _edges() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The character tables, loaded once on first use."""
    raw = resources.files("cleantext_zh").joinpath("data/linebreak_edges.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return frozenset(data["rare_end"]), frozenset(data["rare_start"]), frozenset(data["bound"].split())


@lru_cache(maxsize=1)
def _wide_ranges() -> str:
    """A character class body of the BMP characters two columns wide, built once.

    East Asian width W, F or A from U+1100 on, taken from :mod:`unicodedata` itself so widths
    stay exactly what the per-character definition gives (15 ms on first use).
    """
    ranges, start = [], None
    for cp in range(0x1100, 0x10001):
        wide = cp < 0x10000 and unicodedata.east_asian_width(chr(cp)) in "WFA"
        if wide and start is None:
            start = cp
        elif not wide and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{cp - 1:04x}")
            start = None
    return "".join(ranges)


@lru_cache(maxsize=1)
def _narrow_or_special() -> "re.Pattern[str]":
    """Characters that are not two columns wide in the Basic Multilingual Plane.

    A narrow character matches with an empty group; a tab or a character beyond the BMP
    matches in group 1 and is measured one by one.  Stdlib ``re`` because it compiles this
    class to a BMP bitmap: one lookup a character (measured 5 ms over news_clean.txt, against
    73 ms for the per-character loop and 350 ms for ``regex``, which tests the 280 ranges one
    by one).
    """
    special = "\\t\\U00010000-\\U0010ffff"
    return re.compile(f"[^{_wide_ranges()}{special}]|([{special}])")


@lru_cache(maxsize=1)
def _plain() -> "re.Pattern[str]":
    """Plain text, matched whole (``fullmatch``): what the byte-count width measure of
    :func:`_settled_unwrapped` and :func:`_plain_width` handles.

    Plain text is printable ASCII (one column, one UTF-8 byte) and wide BMP characters (two
    columns, three bytes); everything else (tab, form feed, carriage return, other control
    characters, narrow non-ASCII such as ``·``, characters beyond the BMP) goes the full way.
    A full match of a one-class repeat runs sre's tight counting loop, twice as fast as a
    search for a character outside the class (news_clean 3.2 -> 1.5 ms).
    """
    return re.compile(f"[\\n\\x20-\\x7e{_wide_ranges()}]*")


@lru_cache(maxsize=1)
def _plain_unspaced() -> "re.Pattern[str]":
    """``_plain`` without the space and the ideographic space (U+3000): a text it matches whole
    is plain and has neither, which settles :func:`_settled_unwrapped`'s white-space scans in
    the same pass (clean Chinese text usually has no space; 1 ms over news_clean.txt)."""
    wide = re.sub(r"\\u([0-9a-f]{4})-\\u([0-9a-f]{4})", lambda m: (  # split the range around U+3000
        f"\\u{m[1]}-\\u2fff\\u3001-\\u{m[2]}" if m[1] <= "3000" <= m[2] else m[0]), _wide_ranges())
    return re.compile(f"[\\n\\x21-\\x7e{wide}]*")


@lru_cache(maxsize=1)
def _plain_edges() -> "re.Pattern[str]":
    """Plain text (``_plain``) none of whose lines starts with a space or ends in a space or
    U+3000, matched whole: :func:`_settled_unwrapped`'s white-space checks for a text with
    spaces inside its lines in one pass instead of a full match and three substring scans
    (seeds 002 and 004: ~22 -> ~10 µs)."""
    wide = _wide_ranges()
    unspaced = re.sub(r"\\u([0-9a-f]{4})-\\u([0-9a-f]{4})", lambda m: (  # split the range around U+3000
        f"\\u{m[1]}-\\u2fff\\u3001-\\u{m[2]}" if m[1] <= "3000" <= m[2] else m[0]), wide)
    end = f"[\\x21-\\x7e{unspaced}]"  # a line's last character
    line = f"(?:{end}|[\\x21-\\x7e{wide}][\\x20-\\x7e{wide}]*{end})?"
    return re.compile(f"{line}(?:\\n{line})*")


def display_width(s: str) -> int:
    """Columns a string takes on a page: East Asian wide, full-width and ambiguous count two."""
    odd = _narrow_or_special().findall(s)
    w = 2 * len(s) - len(odd)  # two columns a wide character, one a narrow one
    if len(odd) != odd.count(""):  # a tab or a character beyond the BMP
        for ch in odd:
            if ch == "\t":
                w += 3
            elif ch and unicodedata.east_asian_width(ch) in "WFA":
                w += 1
    return w


class _Content(NamedTuple):
    idx: int  # index into the line list
    text_start: int  # offset of the first non-space character
    text_end: int  # offset after the last non-space character
    text: str  # the stripped text
    indent: int  # columns of leading white space
    extent: int  # indent + width of the text


def _plain_width(s: str) -> int:
    """``display_width`` of a string that ``_plain`` matches whole: printable ASCII is one
    column, a wide BMP character two (the ASCII encoding with the rest dropped counts the
    ASCII characters, faster than a UTF-8 encoding)."""
    return 2 * len(s) - len(s.encode("ascii", "ignore"))


def _contents(text: str, lines=None, plain: bool = False) -> list[_Content]:
    """The content lines of ``text``; ``plain`` True says ``_plain`` is known to match it whole."""
    return list(map(_new, repeat(_Content), zip(*_columns(text, lines, plain))))


def _columns(text: str, lines=None, plain: bool = False) -> tuple[Sequence[int], Sequence[int], Sequence[int],
                                                                  Sequence[str], Sequence[int], Sequence[int]]:
    """``_contents`` as columns, one sequence a field (idx, text_start, text_end, text, indent,
    extent): the finder reads columns and makes a _Content for the few breaks it decides in
    full, not one a line (003: ~110 tuples built, then unzipped)."""
    # Plain text (the usual case) is measured by its UTF-8 length instead of a findall and a
    # Python call per piece: seed 003's 111 lines 0.25 -> 0.1 ms.
    if not (plain or _plain().fullmatch(text)):
        out = []
        lines = split_lines(text) if lines is None else lines
        for i, ln in enumerate(lines):
            lt = ln.text
            lead = len(lt) - len(lt.lstrip(_LEAD_WS))
            trail = len(lt.rstrip(_TRAIL_WS))
            if trail <= lead:
                continue
            s = lt[lead:trail]
            indent = display_width(lt[:lead].replace("\f", "")) if lead else 0
            out.append((i, ln.start + lead, ln.start + trail, s, indent, indent + display_width(s)))
        return tuple(zip(*out)) if out else ((),) * 6
    # Plain: the white space at a line's ends is the space and U+3000 only (no form feed), and
    # a line's width is 2 * its length less its ASCII characters.  Every line as if it had no
    # white space at its ends, at C level (no Line objects either: 003's 218 lines ~75 ->
    # ~35 µs with the split), then the few lines that have some are measured again.
    parts = text.split("\n")
    stripped = list(map(str.strip, parts, repeat(_TRAIL_WS)))
    idx = list(compress(range(len(parts)), stripped))  # the non-blank lines
    texts = list(filter(None, stripped))
    # A line starts after the lines before it and their newlines, one a line: idx of them.
    starts = list(map(add, compress(accumulate(map(len, parts), initial=0), stripped), idx))
    lens = list(map(len, texts))
    ends = list(map(add, starts, lens))
    # The ASCII characters of each line: one encoding of the text, split like it.
    n_ascii = map(len, compress(text.encode("ascii", "ignore").split(b"\n"), stripped))
    extents = list(map(sub, map(add, lens, lens), n_ascii))
    indents = [0] * len(texts)
    for k in compress(range(len(texts)), map(is_not, texts, compress(parts, stripped))):
        lt, s = parts[idx[k]], texts[k]
        lead = lt.index(s[0])
        indents[k] = indent = 2 * lead - len(lt[:lead].encode("ascii", "ignore"))
        starts[k] += lead
        ends[k] += lead
        extents[k] = indent + 2 * len(s) - len(s.encode("ascii", "ignore"))
    return idx, starts, ends, texts, indents, extents


class _Layout(NamedTuple):
    width: int  # the wrap width in columns, 0 if the neighbourhood is not hard-wrapped
    margin: int  # the common left indent (layout margin) of the neighbourhood


_NOT_WRAPPED = _Layout(0, 0)
_new = tuple.__new__  # a NamedTuple without its Python __new__: tuple.__new__(cls, values)


def _may_wrap(extents: Sequence[int], band: float = _BAND_COLUMNS) -> bool:
    """Could any neighbourhood of lines with these extents be hard-wrapped?

    ``_Layouts`` finds a width only when at least ``MIN_WRAP_SHARE`` of its window lies within
    ``band`` columns, and a window holds at least ``min(lines, WIDTH_WINDOW_LINES + 1)`` lines
    (``MIN_WRAP_LINES`` or more); so False when nowhere in the whole text do that many
    extents sit that close.  One sort and one C-level pass, where ``_Layouts`` costs ~12 µs a
    window.
    """
    n = len(extents)
    if n < MIN_WRAP_LINES:
        return False
    need = math.ceil(MIN_WRAP_SHARE * min(n, WIDTH_WINDOW_LINES + 1))
    ordered = sorted(extents)
    return min(map(sub, ordered[need - 1:], ordered)) <= band


def _unwrapped_layout(indents: Sequence[int], k: int) -> _Layout:
    """What ``_Layouts`` returns around line ``k`` when ``_may_wrap`` is False (``indents``:
    each content line's indent; a C-level min of a slice, not a generator over the lines)."""
    lo, hi = max(0, k - WIDTH_WINDOW_LINES), min(len(indents), k + WIDTH_WINDOW_LINES + 2)
    if hi - lo < MIN_WRAP_LINES:
        return _NOT_WRAPPED
    return _Layout(0, min(indents[lo:hi]))


def _decrement(counts: dict, key) -> None:
    """One fewer ``key`` in ``counts``, dropping keys that reach zero."""
    c = counts[key] - 1
    if c:
        counts[key] = c
    else:
        del counts[key]


class _Layouts:
    """``layout(k)``: the wrap width and margin around content line ``k`` of one text.

    The decision for a line reads the extents of the nearby lines only: the window
    content lines ``k - WIDTH_WINDOW_LINES`` to ``k + WIDTH_WINDOW_LINES + 1``.  At least ``MIN_WRAP_LINES``
    lines, and ``MIN_WRAP_SHARE`` of them within a band of ``FULL_SLACK_COLUMNS`` below and
    ``OVER_SLACK_COLUMNS`` above one extent (the width, at least ``MIN_WRAP_COLUMNS``); among
    the lines that reach the width, ``MIN_MIDWORD_SHARE`` stop mid-word, ``MIN_PUNCT_SHARE``
    carry sentence punctuation, at least ``MIN_DISTINCT_FULL_LINES`` differ and at most half
    are list items; at most ``MAX_OVERWIDE_SHARE`` of the window is wider than the band.

    Speed (a hard-wrapped text asks for every one of its lines): all windows are decided in
    one sweep on the first call, each from the one before by the line that left and the line
    that entered: the sorted extents, the count of each extent and the full lines' tallies
    (mid-word ends, punctuation, list items, distinct texts) are updated, not rebuilt; and a
    window whose extents and margin equal the previous window's keeps its width, so only the
    full lines' tallies are read again; and a window whose median extent holds a strict
    majority takes it as the width without scoring bands (all of 003's).  Before the sweep,
    the windows that have the wrap of the text's most common extent are found at C level
    (:func:`_wrapped_windows`, 003: all but three): the sweep slides only through the others.
    Seed 003 (111 lines): 1.1 -> ~0.08 ms for all its layouts (was ~12 µs a window recomputed
    from scratch).
    tests/rules/test_linebreaks.py compares the sweep with a from-scratch reference.
    """

    def __init__(self, columns: tuple[Sequence[str], Sequence[int], Sequence[int]], structural: list[bool]) -> None:
        """``columns``: the content lines' (texts, indents, extents)."""
        self.texts, self.ind, self.ext = columns
        self.n = len(self.texts)
        self.prose = prose = [_PROSE_PUNCT_RE.search(t) is not None for t in self.texts]
        self.structural = structural
        # A full line's tallies packed in one int, a byte each (a window holds at most
        # 2 * WIDTH_WINDOW_LINES + 2 < 256 lines): 1, mid-word end (most Han is alnum), prose
        # punctuation, list item; one addition a line instead of four.
        self.facts = [1 | (t[-1].isalnum() or _HAN.match(t[-1]) is not None) << 8 | p << 16 | s << 24
                      for t, p, s in zip(self.texts, prose, structural)]
        self.layouts: list[_Layout] | None = None

    def __call__(self, k: int) -> _Layout:
        return self.all()[k]

    def all(self) -> list[_Layout]:
        """The layout around every line, by index."""
        if self.layouts is None:
            self.layouts = self._sweep()
        return self.layouts

    def _sweep(self) -> list[_Layout]:
        n_lines, ext, ind, texts = self.n, self.ext, self.ind, self.texts
        facts = self.facts
        bl, br, insort = bisect.bisect_left, bisect.bisect_right, bisect.insort
        out: list[_Layout] = []
        unwrapped: dict[int, _Layout] = {}  # one _Layout(0, margin) a margin
        ordered: list[int] = []  # the window's extents, sorted
        cnt: dict[int, int] = {}  # lines of each extent in the window
        lo = hi = 0
        # Tallies of the lines with extent >= full (None: not kept): count, mid-word ends,
        # prose punctuation, list items, and the count of each text.
        full = None
        tally = 0  # the full lines' facts, summed
        full_texts: dict[str, int] = {}  # a dict, not a Counter: its misses and deletes run Python
        # Texts all different (the usual case): the full lines' distinct texts are as many as
        # the full lines, no counts kept (~125 dict updates for 003's 111 windows).
        repeats = len(set(texts)) < n_lines
        # The previous window's margin, whether its verdict is a function of its extents and
        # margin alone (no tie broken by line order), and its width (0 if it stopped short of
        # the full lines).
        last_margin, last_free, last_width = -1, False, 0
        # The window's margin (least indent), kept with the number of its lines at it.
        margin, n_at_margin = 1 << 62, 0
        # The last _Layout(0, margin) and the last wrapped layout made (one object shared by
        # the windows that have it).
        nw_margin, not_wrapped = -1, None
        wrapped, wrapped_width, wrapped_margin = None, -1, -1
        # The windows that have the wrap of the text's most common extent, known at once
        # (003: all but the first three): the sliding below runs only for the others (`out`
        # holds their layouts, in order).
        fast = None if repeats else _wrapped_windows(ext, ind, facts)
        if fast is None:
            todo = range(n_lines)
        elif not any(fast[1]):
            return [fast[0]] * n_lines
        else:
            todo = list(compress(range(n_lines), fast[1]))
        prev = -2
        for k in todo:
            nlo = k - WIDTH_WINDOW_LINES if k > WIDTH_WINDOW_LINES else 0
            nhi = k + WIDTH_WINDOW_LINES + 2
            if nhi > n_lines:
                nhi = n_lines
            fresh = k != prev + 1
            prev = k
            added = removed = None
            if fresh:
                # The first window, or known windows in between: this one is built from its
                # slices at C level (~22 insorts and count updates a window saved; the full
                # lines' tallies wait for the width).
                lo, hi = nlo, nhi
                ordered = sorted(ext[lo:hi])
                cnt = dict(collections.Counter(ordered))
                margin = min(ind[lo:hi])
                n_at_margin = ind[lo:hi].count(margin)
                full, tally, full_texts, last_free = None, 0, {}, False
            elif nlo == lo and nhi == hi and out:
                out.append(out[-1])
                continue
            if nhi == hi + 1 and nlo == lo + 1 and ext[hi] == ext[lo]:
                # One line in, one line out, of one extent (half of 003's windows): the sorted
                # extents and their counts stay; the margin and full lines' tallies are updated
                # as the two loops below would, the entering line first.
                i = ind[hi]
                if i < margin:
                    margin, n_at_margin = i, 1
                elif i == margin:
                    n_at_margin += 1
                if ind[lo] == margin:
                    n_at_margin -= 1
                e = added = removed = ext[hi]
                if full is not None and e >= full:
                    tally += facts[hi] - facts[lo]
                    if repeats:
                        t = texts[hi]
                        full_texts[t] = full_texts.get(t, 0) + 1
                        _decrement(full_texts, texts[lo])
                hi += 1
                lo += 1
            while hi < nhi:
                i = ind[hi]
                if i < margin:
                    margin, n_at_margin = i, 1
                elif i == margin:
                    n_at_margin += 1
                e = added = ext[hi]
                insort(ordered, e)
                cnt[e] = cnt.get(e, 0) + 1
                if full is not None and e >= full:
                    tally += facts[hi]
                    if repeats:
                        t = texts[hi]
                        full_texts[t] = full_texts.get(t, 0) + 1
                hi += 1
            while lo < nlo:
                if ind[lo] == margin:
                    n_at_margin -= 1
                e = removed = ext[lo]
                del ordered[bl(ordered, e)]
                _decrement(cnt, e)
                if full is not None and e >= full:
                    tally -= facts[lo]
                    if repeats:
                        _decrement(full_texts, texts[lo])
                lo += 1
            n = hi - lo
            if n < MIN_WRAP_LINES:
                out.append(_NOT_WRAPPED)
                last_free = False
                continue
            if not n_at_margin:  # the last line at the margin left
                margin = min(ind[lo:hi])
                n_at_margin = ind[lo:hi].count(margin)
            if margin != nw_margin:
                nw_margin = margin
                not_wrapped = unwrapped.get(margin)
                if not_wrapped is None:
                    not_wrapped = unwrapped[margin] = _Layout(0, margin)
            if last_free and margin == last_margin and added is not None and added == removed:
                # Same extents and margin as the previous window: same width, if any.
                width = last_width
                if not width:
                    out.append(not_wrapped)
                    continue
            else:
                last_margin, last_free, last_width = margin, True, 0
                med = ordered[n // 2]
                band_n = cnt[med]
                if band_n * 2 > n and med >= margin + MIN_WRAP_COLUMNS:
                    # A strict majority at one extent (a wrap's full lines; every window of
                    # 003): it is a candidate, so the winning band holds at least its lines
                    # and so holds it (the other lines are fewer), and it is that band's most
                    # common extent: the width whichever band wins, ties and all (~4 -> ~1 µs).
                    width = med
                else:
                    # Cheap exit for one-paragraph-per-line text: too few lines of a similar, wide
                    # extent (never taken with the majority above: it lies that wide).
                    if n - bl(ordered, margin + MIN_WRAP_COLUMNS - FULL_SLACK_COLUMNS) < MIN_WRAP_SHARE * n:
                        out.append(not_wrapped)
                        continue
                    found = _band_width(ordered, cnt, margin, n, ext, lo, hi)
                    if found is None:
                        out.append(not_wrapped)
                        continue
                    band_n, width, last_free = found
                # In short paragraphs the first lines (indent lost, INDENT_COLUMNS short) can
                # outnumber the full lines; a well-supported extent one indent wider is the real width.
                # (Three lookups, not a scan of the counts; the most common of the three wins,
                # the narrowest among equals.)
                get = cnt.get
                w = width + INDENT_COLUMNS
                v1, v2, v3 = get(w - 1, 0), get(w, 0), get(w + 1, 0)
                if v1 + v2 + v3 >= 2 and v1 + v2 + v3 >= 0.3 * band_n:
                    width = w - 1 if v1 >= v2 and v1 >= v3 else w if v2 >= v3 else w + 1
                # Nothing in a wrapped column is much wider than the column (a one-paragraph-per-line
                # text with a few lines of similar length is not a wrap).
                if n - br(ordered, width + OVER_SLACK_COLUMNS) > MAX_OVERWIDE_SHARE * n:
                    out.append(not_wrapped)
                    continue
                # The full lines, those within FULL_SLACK_COLUMNS of the width, include the lines
                # at the width: the width is always an extent of the window.
                last_width = width
            if full != width - FULL_SLACK_COLUMNS:
                full = width - FULL_SLACK_COLUMNS
                is_full = list(map(le, repeat(full), ext[lo:hi]))
                tally = sum(compress(facts[lo:hi], is_full))
                if repeats:
                    full_texts = dict(collections.Counter(compress(texts[lo:hi], is_full)))
            # Among full lines, real wraps mostly stop mid-word; wrapped prose has sentence
            # punctuation on most lines (a list of titles has none).  The full lines of a wrap
            # are different pieces of prose, and not mostly list items (found by the clean-text
            # property).
            n_full = tally & 255
            if (tally >> 8 & 255) < MIN_MIDWORD_SHARE * n_full or (tally >> 16 & 255) < MIN_PUNCT_SHARE * n_full \
                    or (tally >> 24) * 2 > n_full or (len(full_texts) if repeats else n_full) < MIN_DISTINCT_FULL_LINES:
                out.append(not_wrapped)
            else:
                if width != wrapped_width or margin != wrapped_margin:
                    wrapped_width, wrapped_margin = width, margin
                    wrapped = _Layout(width - margin, margin)
                out.append(wrapped)
        if fast is None:
            return out
        layouts = [fast[0]] * n_lines
        for k, layout in zip(todo, out):
            layouts[k] = layout
        return layouts


# _wrapped_windows packs one window's tests in one int: a lane of _LANE_BITS a test, holding an
# offset less the sum over the window's lines of a per-line value (a linear form of its
# counts), which sets the lane's top bit exactly when the test fails (so a window passes all
# tests when its int masked by the top bits is 0: one operation, not a mask and a compare).
_LANE_BITS = 10
_LANES = 8


def _share_ratio(share: float) -> tuple[int, int]:
    """``share`` as num/den, checked to compare like the float on every window count."""
    r = fractions.Fraction(share).limit_denominator(100)
    size = 2 * WIDTH_WINDOW_LINES + 2
    assert all((v < share * n) == (v * r.denominator < r.numerator * n) for n in range(size + 1) for v in range(size + 1))
    return r.numerator, r.denominator


@lru_cache(maxsize=1)
def _window_lanes() -> tuple[dict[int, int], list[int], int]:
    """(per-line value by line key, offsets by window size, the lanes' top bits) for
    :func:`_wrapped_windows`.  A line key is its ``_sweep`` facts (1, mid-word end << 8, prose
    punctuation << 16, list item << 24), plus 1 << 25 if it sits at the margin, plus its
    extent's class << 26: 0 below the full lines, 1 full, 2 at the width, 3 one indent wider,
    4 wider than the band."""
    size = 2 * WIDTH_WINDOW_LINES + 2
    ia, ib = _share_ratio(0.3)  # _sweep's wider-by-an-indent share
    ma, mb = _share_ratio(MIN_MIDWORD_SHARE)
    pa, pb = _share_ratio(MIN_PUNCT_SHARE)
    values = {}
    for m in (0, 1):
        for p in (0, 1):
            for s in (0, 1):
                for at_margin in (0, 1):
                    for cls in range(5):
                        full, at_width, wider, over = cls >= 1, cls == 2, cls == 3, cls == 4
                        lanes = (at_width,  # a strict majority at the width
                                 at_margin,  # a line at the margin
                                 ia * at_width + ib * (1 - wider),  # no wider-by-an-indent width
                                 1 - over,  # few lines wider than the band
                                 full,  # enough distinct full lines
                                 full * (mb * m - ma) + ma,  # mid-word ends
                                 full * (pb * p - pa) + pa,  # prose punctuation
                                 full * (1 - 2 * s) + 1)  # not mostly list items
                        key = 1 | m << 8 | p << 16 | s << 24 | at_margin << 25 | cls << 26
                        values[key] = sum(v << (_LANE_BITS * j) for j, v in enumerate(lanes))
    half = 1 << (_LANE_BITS - 1)
    most = [max(v >> (_LANE_BITS * j) & (2 * half - 1) for v in values.values()) for j in range(_LANES)]
    offsets = [0]
    for n in range(1, size + 1):
        most_over = max(v for v in range(n + 1) if not v > MAX_OVERWIDE_SHARE * n)
        need = (n // 2 + 1, 1, ib * n + 1, n - most_over, MIN_DISTINCT_FULL_LINES, ma * n, pa * n, n)
        # A lane fails below `need` (offset - sum >= half); it never goes negative nor
        # borrows from the next.
        assert all(0 <= t <= half and n * m <= half - 1 + t for t, m in zip(need, most))
        offsets.append(sum((half - 1 + t) << (_LANE_BITS * j) for j, t in enumerate(need)))
    top = sum(half << (_LANE_BITS * j) for j in range(_LANES))
    return values, offsets, top


def _wrapped_windows(ext: Sequence[int], ind: Sequence[int], facts: list[int]) -> tuple[_Layout, list[int]] | None:
    """For ``_Layouts._sweep`` (texts all different): the layout of a wrap at the text's most
    common extent W and least indent m, and for each window 0 if ``_sweep`` gives it that
    layout for sure (else the failed tests' bits): W holds a strict majority of the window (so it is the width) with no extent
    one indent wider to correct it, a line sits at m, few lines are wider than the band, and the
    full lines (FULL_SLACK_COLUMNS below W or wider) are enough, mostly stop mid-word, carry
    prose punctuation and are not mostly list items.  Each window's tests are one int (lanes,
    see :func:`_window_lanes`), the windows' ints differences of one prefix sum: all at C level,
    where sliding a window costs ~1 µs.  None if W is too narrow or too rare for a wrap."""
    n = len(ext)
    if n < MIN_WRAP_LINES:
        return None
    (width, count), = collections.Counter(ext).most_common(1)
    margin = min(ind)
    # A window holds at least min(n, WIDTH_WINDOW_LINES + 1) lines (the last one): W holds a
    # strict majority of none if rarer than half that.
    if width < margin + MIN_WRAP_COLUMNS or count * 2 <= min(n, WIDTH_WINDOW_LINES + 1):
        return None
    values, offsets, top = _window_lanes()
    full, wider, over = width - FULL_SLACK_COLUMNS, width + INDENT_COLUMNS, width + OVER_SLACK_COLUMNS
    cls = {e: (e >= full) + (e == width) + 2 * (wider - 1 <= e <= wider + 1) + 3 * (e > over) << 26 for e in set(ext)}
    keys = map(add, map(add, facts, map(cls.__getitem__, ext)), map({margin: 1 << 25}.get, ind, repeat(0)))
    pre = list(accumulate(map(values.__getitem__, keys), initial=0))
    # Window k is lines max(0, k - w) .. min(n, k + w + 2).
    w = WIDTH_WINDOW_LINES
    first = min(n, w + 1)  # windows starting at line 0
    his = pre[w + 2:]
    his += repeat(pre[n], n - len(his))
    los = [0] * first
    los += pre[1:n - w]
    if n >= 2 * w + 2:
        # The windows grow from w + 2 lines to 2w + 2, hold 2w + 2, then shrink to w + 1: their
        # offsets are slices, not a lookup by each window's size.
        offs = offsets[w + 2:2 * w + 3]
        offs += repeat(offsets[2 * w + 2], n - 2 * w - 2)
        offs += offsets[2 * w + 1:w:-1]
    else:
        hi_idx = list(range(w + 2, n + 1))
        hi_idx += repeat(n, n - len(hi_idx))
        offs = map(offsets.__getitem__, map(sub, hi_idx, chain(repeat(0, first), range(1, n - w))))
    return _Layout(width - margin, margin), list(map(and_, map(sub, map(add, los, offs), his), repeat(top)))


def _band_width(ordered: list[int], cnt: dict[int, int], margin: int, n: int, ext: list[int], lo: int,
                hi: int) -> tuple[int, int, bool] | None:
    """For ``_Layouts._sweep``: (lines at the width, the width, whether no tie was broken by line
    order) of the band holding the most of the window ``ext[lo:hi]`` (``ordered`` its extents
    sorted, ``cnt`` the count of each, ``margin`` its least indent), or None if no band holds
    ``MIN_WRAP_SHARE`` of it.  Before the wider-by-an-indent correction."""
    bl, br = bisect.bisect_left, bisect.bisect_right
    # No band can hold MIN_WRAP_SHARE of the window if no that many extents lie close.
    # Only a shortcut for the band counts below (same verdict), worth it when there
    # are many candidates; a wrap has few distinct extents.
    need = math.ceil(MIN_WRAP_SHARE * n)
    if len(cnt) > 12 and min(map(sub, ordered[need - 1:], ordered)) > _BAND_COLUMNS:
        return None
    # The band holding the most lines; among equals the one centred on the most
    # lines, and among those the first to occur.
    # A band holding MIN_WRAP_SHARE (a half) of the sorted extents holds one of the
    # two middle ones, so only widths within the slack of those can win (4-6 of ~12
    # candidates in 003's windows; a band that holds fewer is no wrap either way).
    lo_w = max(margin + MIN_WRAP_COLUMNS, ordered[(n - 1) // 2] - OVER_SLACK_COLUMNS)
    hi_w = ordered[n // 2] + FULL_SLACK_COLUMNS
    cands = [w for w in cnt if lo_w <= w <= hi_w]
    if not cands:
        return None
    keys = [(br(ordered, w + OVER_SLACK_COLUMNS) - bl(ordered, w - FULL_SLACK_COLUMNS), cnt[w]) for w in cands]
    top = max(keys)
    if top[0] < MIN_WRAP_SHARE * n:
        return None
    free = keys.count(top) == 1
    if free:
        best_w = cands[keys.index(top)]
    else:  # a tie, broken by the order of the lines
        best_w = min(compress(cands, map(top.__eq__, keys)), key=ext[lo:hi].index)
    # The width is the most common extent in the band (not the band's lower edge).
    band_n, width = max([(v, e) for e, v in cnt.items()
                         if best_w - FULL_SLACK_COLUMNS <= e <= best_w + OVER_SLACK_COLUMNS])
    return band_n, width, free


_BEGUN_TAIL = regex.compile(f"[{SENTENCE_END_CHARS}][{CLOSING_CHARS}]*(\\p{{Han}}{{1,{MAX_BEGUN_TAIL}}})$")
_HAN_TAIL = regex.compile(r"\p{Han}+$")


def _begun_tail(line: str) -> bool:
    """``_BEGUN_TAIL.search(line)`` for a line without a newline.  The search tries every
    position of the line (~0.9 µs on a paragraph); here the trailing Han run is found in the
    last ``MAX_BEGUN_TAIL + 1`` characters and the closing marks are stripped before it (Han,
    closing marks and sentence ends are disjoint, so the Han run must be the whole one)."""
    m = _HAN_TAIL.search(line, max(0, len(line) - MAX_BEGUN_TAIL - 1))
    if m is None:
        return False
    h = len(line) - m.start()
    if h > MAX_BEGUN_TAIL:
        return False
    r = line[:m.start()].rstrip(CLOSING_CHARS)
    return r != "" and r[-1] in SENTENCE_END_CHARS


def _clause_evidence(a: str, b: str) -> tuple[str, float] | None:
    """Why the break between ``a`` and ``b`` sits inside a clause, or None."""
    rare_end, rare_start, bound = _edges()
    if _ends_comma(a):
        return "the line ends in a comma", 0.95
    if _CONTINUATION_START.match(b):
        return "the next line starts with punctuation that continues a sentence", 0.95
    x, y = a[-1], b[0]
    if not _HAN.match(y):
        return None
    if x + y in bound:
        return f"the break splits the word {x + y}", 0.9
    if x in rare_end and _HAN.match(y):
        return f"{x} (almost) never ends a clause", 0.85
    if y in rare_start and _HAN.match(x):
        return f"{y} (almost) never starts a clause", 0.85
    if x in _FUNCTION_END and a[-2:] not in _FUNCTION_END_WORDS and a[-2:] not in bound and _HAN.match(y):
        return f"the line ends in the function word {x}", 0.85
    if _begun_tail(a) and _HAN.match(y):
        return "a sentence begins at the end of the line", 0.85
    return None


def _joiner(a: str, b: str) -> tuple[str, int, str]:
    """(text to put between, characters to drop from the end of ``a``, rule) for a join."""
    x = a[-1:]
    if not x.isascii():  # a Han line end (the usual join): none of the cases below
        return "", 0, ""
    if x == "-" and _HYPHEN_END.search(a) and _LOWER_START.match(b):
        return "", 1, "LB004"
    if x.isdigit() and b[:1].isdigit():
        return "", 0, ""  # a number cut by the wrap
    if x.isalnum() and _LATIN_START.match(b):  # _LATIN_END: an ASCII letter or digit
        return " ", 0, ""
    return "", 0, ""


# A non-empty line whose last character does not end a clause, and the next content line
# (the lines are known to carry no trailing white space when this runs).
_OPEN_LINE_END = regex.compile(
    f"(?<=[^\\n])(?<![{SENTENCE_END_CHARS}!?：；:;][{CLOSING_CHARS}\"']*)\\n+(?=[^\\n])")


def _plain_edged(text: str) -> bool:
    """Is ``text`` plain (``_plain``) with no line led by a space or ending in white space?"""
    return _plain_unspaced().fullmatch(text) is not None or _plain_edges().fullmatch(text) is not None


def _settled_unwrapped(text: str, plain_edged: bool | None = None) -> bool:
    """Can no break of ``text`` change?  A fast, exact exit for clean text (no false True).

    True only when (1) no neighbourhood can be hard-wrapped: ``_Layouts`` needs at least
    ``MIN_WRAP_SHARE`` of a window (never fewer than ``min(lines, WIDTH_WINDOW_LINES + 1)``
    lines) within ``_BAND_COLUMNS`` of each other, and here no such run of extents exists in
    the whole text; and (2) with no wrap, every break is left alone: a line that ends a
    clause is a paragraph end, and each other line (a heading, a list item) gets ``None``
    from ``_decide`` itself.  No form feed and no line led by one space or ending in white
    space, so there is no PG003, LB003 or LB005 to find either.  Everything runs in C:
    measured 12 ms for the 644 of news_clean.txt's 705 documents it settles, where the
    full analysis took 130 ms.  ``plain_edged``: ``_plain_edged(text)`` if the caller knows it.
    """
    # A line led by one space, or trailing white space (the extent is not the line's width).
    if not (_plain_edged(text) if plain_edged is None else plain_edged):
        return False
    # The breaks first: a page break inside a sentence usually shows at the first open line
    # (seeds 002 and 004), before the widths are measured.
    for m in _OPEN_LINE_END.finditer(text):
        s, e = m.span()
        a_text = text[text.rfind("\n", 0, s) + 1:s].lstrip(" \u3000")
        # What _decide returns None for first with no wrap and no stray space: a line that is
        # not running prose (a heading, a byline).  Skips the call for most of news_clean's
        # open lines.
        if not _ends_comma(a_text) and (len(a_text) < MIN_PROSE_CHARS or not _PROSE_PUNCT_RE.search(a_text)):
            continue
        b_end = text.find("\n", e)
        b_end = len(text) if b_end < 0 else b_end
        b_text = text[e:b_end].lstrip(" \u3000")
        # Indents and blank_style as 0 and True: each can only turn a None into a join here,
        # never the other way, so a None below is the full analysis' None.  Lines that start
        # with no character a _STRUCTURAL match can start with skip _decide's block and list
        # checks (four regex matches).
        a = _new(_Content, (0, s - len(a_text), s, a_text, 0, 0))
        b = _new(_Content, (1, b_end - len(b_text), b_end, b_text, 0, 0))
        structural = a_text[:1] in _STRUCTURAL_FIRST or b_text[:1] in _STRUCTURAL_FIRST
        if _decide(a, b, text[s:b.text_start], _NOT_WRAPPED, True, True, structural) is not None:
            return False
    # Width of a plain line = 2 * characters - ASCII characters (the ASCII encoding with the
    # rest dropped counts those: 4x faster than the UTF-8 encoding).  Fewer lines than
    # _may_wrap needs are never wrapped: no widths to measure (a quarter of news_clean).
    parts = text.split("\n")
    if len(parts) >= MIN_WRAP_LINES:
        # A line's width is 2 * length less its ASCII characters, so within n_ascii (all the
        # text's but the newlines) of 2 * length: lines that far apart are further apart than
        # the band without the per-line ASCII counts (exact when there is no ASCII).
        ascii_ = text.encode("ascii", "ignore")
        n_ascii = len(ascii_) - (len(parts) - 1)
        # Measured in characters (2 * length, halved): half the band, exact since the
        # differences _may_wrap compares are whole (one map over the lines fewer).
        lens = sorted(map(len, parts))
        lens = lens[bisect.bisect_right(lens, 0):]  # empty lines left out
        if _may_wrap(lens, (_BAND_COLUMNS + n_ascii) / 2):
            if not n_ascii:
                return False
            ext = sorted(map(sub, map(mul, repeat(2), map(len, parts)), map(len, ascii_.split(b"\n"))))
            if _may_wrap(ext[bisect.bisect_right(ext, 0):]):
                return False
    return True


def find_line_breaks(text: str, ctx: Context) -> Iterator[Edit]:
    """Find LB001–LB005 and PG003 (form feeds between lines) edits.

    >>> from cleantext_zh import clean
    >>> clean("建队50年特别是党的十八大以来，该站全体指战\\n\\n员认真学习。", select="LB")
    '建队50年特别是党的十八大以来，该站全体指战员认真学习。'
    """
    if "\n" not in text:
        return
    # Known plain, _contents skips its own full match of the text (5-7 µs on seeds 002 and 004).
    plain_edged = _plain_edged(text)
    if _settled_unwrapped(text, plain_edged):
        return
    # The content lines' fields as columns (a _Content is built only for a break decided in full).
    idxs, text_starts, text_ends, texts, indents, extents = _columns(text, None, plain_edged)
    if len(texts) < 2:
        return

    def content(k: int) -> _Content:
        return _new(_Content, (idxs[k], text_starts[k], text_ends[k], texts[k], indents[k], extents[k]))
    # The paragraph separator style: a blank line if most breaks have one.
    # Lines are split at newlines only and the lines between two content lines are blank, so
    # the newlines in a gap are the difference of the line numbers (no count over the text).
    gaps_blank = list(map(le, repeat(2), map(sub, idxs[1:], idxs)))  # operator's, not slot wrappers: 2x
    # blank_style of break k: at least half the gaps in its window are blank; a prefix sum
    # instead of re-summing ~40 gaps for every break.
    n_blank = [0, *accumulate(gaps_blank)]
    n_gaps = len(gaps_blank)

    def blank_style_at(k: int) -> bool:
        lo, hi = max(0, k - WIDTH_WINDOW_LINES), min(n_gaps, k + WIDTH_WINDOW_LINES)
        return (n_blank[hi] - n_blank[lo]) * 2 >= (hi - lo)
    # Every window holds a gap, so no blank gap (hard wraps) or only blank gaps settles all.
    if not n_blank[-1] or n_blank[-1] == n_gaps:
        blank_styles = [n_blank[-1] > 0] * n_gaps
    elif n_gaps <= 2 * WIDTH_WINDOW_LINES:
        blank_styles = [blank_style_at(k) for k in range(n_gaps)]
    else:
        # blank_style_at without the calls and the clamps, in three runs: the first
        # WIDTH_WINDOW_LINES windows start at gap 0, the last ones end at the last gap, and
        # those between hold 2 * WIDTH_WINDOW_LINES gaps, blank style when WIDTH_WINDOW_LINES
        # of them are blank (one C-level pass of differences; 003: ~25 -> ~8 µs).
        w = WIDTH_WINDOW_LINES
        blank_styles = [n_blank[k + w] * 2 >= k + w for k in range(w)]
        blank_styles += map(le, repeat(w), map(sub, n_blank[2 * w:n_gaps + 1], n_blank[:n_gaps + 1 - 2 * w]))
        blank_styles += [(n_blank[n_gaps] - n_blank[k - w]) * 2 >= n_gaps - k + w for k in range(n_gaps - w + 1, n_gaps)]
    decisions: list = []
    # Per line, once: does it look like a list item, heading or block line?
    structural = [t[0] in _STRUCTURAL_FIRST and _STRUCTURAL.match(t) is not None for t in texts]
    # A fence line's content starts with ``` or ~~~, which _STRUCTURAL matches: only a text
    # with such a structural line is searched for fences (the structural lines' starts, not
    # two scans of the text: ~6 µs on a 5k text with a list item).
    fenced = _fenced_lines(split_lines(text)) if any(map(methodcaller("startswith", ("```", "~~~")), compress(texts, structural))) \
        else set()
    # Per line, once, where the loop below asks for them (a hard wrap reads them at every
    # break, twice or more each): does it end a sentence, does it carry prose punctuation?
    ends = prose = None
    if _may_wrap(extents):
        layouts_ = _Layouts((texts, indents, extents), structural)
        layout_at = layouts_.all().__getitem__
        prose = layouts_.prose
        ends = list(map(_ends_sentence, texts))
    elif not any(indents):
        layout_at = ([_NOT_WRAPPED] * len(texts)).__getitem__  # no margin anywhere
    else:
        layouts: dict[int, _Layout] = {}

        def layout_at(k: int) -> _Layout:
            if k not in layouts:
                layouts[k] = _unwrapped_layout(indents, k)
            return layouts[k]

    apply_review = ctx.config.apply_review
    form_feeds = "\f" in text
    # What the joins decided so far put before line k (_decide's `carried`, a tuple built only
    # for the calls): its length and whether it has prose punctuation.
    carried_len, carried_prose = 0, False
    joined = -2  # the last break whose decision is a join that counts for `carried`
    # The tests below read the content lines' columns and the layout's fields unpacked, not
    # NamedTuple attributes (a property call each).
    for k in range(len(texts) - 1):
        if joined == k - 1:
            p = texts[k - 1]
            carried_len += len(p)
            carried_prose = carried_prose or (prose[k - 1] if prose else _PROSE_PUNCT_RE.search(p) is not None)
        else:
            carried_len, carried_prose = 0, False
        if fenced and (idxs[k] in fenced or idxs[k + 1] in fenced):
            continue
        lay = layout_at(k)
        width, margin = lay
        if ends is not None and width and not ends[k] and (prose[k] or carried_prose) \
                and not structural[k] and not structural[k + 1] and idxs[k + 1] - idxs[k] <= 2 \
                and indents[k + 1] - margin < 2 and extents[k] - margin >= width - FULL_SLACK_COLUMNS:
            # What _decide returns for most breaks of a hard wrap, without the call: a full line
            # of prose that stops mid-sentence, no list item either side, the next line not
            # indented, at most one blank line between (lines are split at newlines only, so the
            # gap holds b.idx - a.idx of them); a form feed in the gap changes nothing for a join.
            decisions.append((k, _WRAP_JOIN))
            joined = k
            continue
        if not width and not form_feeds and indents[k + 1] - margin != 1 and not structural[k] \
                and not structural[k + 1] and _ends_clause(texts[k]):
            # What _decide returns for most breaks of one-paragraph-per-line text, without the
            # call: None after a line that ends a clause, when no list item is either side and
            # the next line has no stray space (no form feed in the gap to make it PG003).
            continue
        a, b = content(k), content(k + 1)
        gap = text[a.text_end:b.text_start]
        # Could `a` be a paragraph's first line?  Only after a line that ends a sentence.
        if ends is None:
            a_starts_para = not k or not lay.width or _ends_sentence(texts[k - 1])
            a_ends = a_prose = None
        else:
            a_starts_para = not k or not lay.width or ends[k - 1]
            a_ends, a_prose = ends[k], prose[k]
        decision = _decide(a, b, gap.replace("\f", ""), lay, blank_styles[k], a_starts_para,
                           structural[k] or structural[k + 1], (carried_len, carried_prose), a_ends, a_prose)
        if "\f" in gap and (decision is None or decision[0] != "join"):
            # A page break between paragraphs: the form feed becomes the paragraph separator.
            decision = ("page", "PG003", "a form feed between paragraphs", 0.9)
        if decision is None:
            continue
        decisions.append((k, decision))
        if decision[0] == "join" and (decision[3] >= 0.8 or apply_review):
            joined = k
    _upgrade_periodic(text_ends, decisions)
    if ctx.wants("LB005") and max(indents) >= 2:  # a margin is 2 spaces or more
        touched = {k + 1 for k, d in decisions if d[0] in ("join", "para") and ctx.wants(d[1])}
        yield from _layout_margins(text, list(map(content, range(len(texts)))), touched, fenced, layout_at)
    wrap_join = ctx.wants("LB001")
    run: list[tuple[int, int]] = []  # the spans of the latest run of usual wrap joins
    for k, decision in decisions:
        if decision is _WRAP_JOIN and wrap_join and not texts[k][-1].isascii():
            # The usual hard-wrap join between Han lines: what _joiner and the general case
            # below give (nothing between, nothing dropped, LB001, safe), built a run at a time.
            run.append((text_ends[k], text_starts[k + 1]))
            continue
        if run:
            yield from make_edits(text, run, "", "LB001", _WRAP_JOIN[2], Safety.SAFE, _WRAP_JOIN[3])
            run = []
        a_end, b_start = text_ends[k], text_starts[k + 1]
        kind, rule, reason, conf = decision
        if kind == "join":
            between, drop, special = _joiner(texts[k], texts[k + 1])
            rule = special or rule
            if not ctx.wants(rule):
                continue
            safety = Safety.SAFE if conf >= 0.8 else Safety.REVIEW
            yield make_edit(text, a_end - drop, b_start, between, rule, reason, safety, conf)
            continue
        gap = text[a_end:b_start]
        if kind == "page":
            lo, hi = max(0, k - WIDTH_WINDOW_LINES), min(n_gaps, k + WIDTH_WINDOW_LINES)
            sep = "\n\n" if n_blank[hi] > n_blank[lo] else "\n"
            if ctx.wants("PG003") and gap != sep:
                yield make_edit(text, a_end, b_start, sep, "PG003", reason, confidence=conf)
        elif kind == "para" and ctx.wants("LB003"):
            # A paragraph break whose new line starts with the stray space of a page start.
            sep = "\n\n" if blank_styles[k] else "\n"
            nl_end = gap.rfind("\n") + 1
            lead = gap[nl_end:]
            if lead == " " and not gap.startswith(" ") and "\r" not in gap:
                before_nl = gap[:nl_end]
                after = sep if before_nl.count("\n") < sep.count("\n") else before_nl
                yield make_edit(text, a_end, b_start, after, "LB003", reason, confidence=conf)
    if run:
        yield from make_edits(text, run, "", "LB001", _WRAP_JOIN[2], Safety.SAFE, _WRAP_JOIN[3])
    # A stray space at the very start of the text (the first page's first line).
    if ctx.wants("LB003") and text[:text_starts[0]] == " " and idxs[0] not in fenced \
            and _HAN.match(texts[0][0]) and _no_space_indents(indents):
        yield make_edit(text, 0, 1, "", "LB003", "a stray space before the first line of the text", confidence=0.85)


def _upgrade_periodic(text_ends: Sequence[int], decisions: list) -> None:
    """Promote uncertain page-break joins that fall where the next page should begin.

    Document-level evidence, kept local: when at least ``MIN_PERIOD_BREAKS`` confident
    page-break joins (LB002) recur every ~P characters (one printed page, 570 in seed 002), an
    uncertain break at a multiple of P from its confident neighbours (within
    ``PERIOD_TOLERANCE``) is a page break too.  Only neighbours at most ``MAX_PERIODS`` pages
    away count, so a block of a few pages decides as the whole text would.
    """
    sure = [text_ends[k] for k, d in decisions if d[0] == "join" and d[1] == "LB002" and d[3] >= 0.85]
    if len(sure) < MIN_PERIOD_BREAKS:
        return
    intervals = sorted(b - a for a, b in zip(sure, sure[1:]) if b > a)
    if not intervals:
        return
    shortest = intervals[0]
    period_samples = [d for d in intervals if d <= shortest * 1.5]
    if len(period_samples) < MIN_PERIOD_BREAKS - 1:
        return
    period = period_samples[len(period_samples) // 2]
    if period < MIN_PERIOD_CHARS:
        return

    def fits(dist: int) -> bool:
        k = round(dist / period)
        return 1 <= k <= MAX_PERIODS and abs(dist - k * period) <= PERIOD_TOLERANCE * period

    # `sure` ascends (decisions come in line order): its neighbours of x by bisection.
    for n, (k, d) in enumerate(decisions):
        if d[0] != "join" or d[1] != "LB002" or d[3] >= 0.8:
            continue
        x = text_ends[k]
        i, j = bisect.bisect_left(sure, x), bisect.bisect_right(sure, x)
        if i and j < len(sure) and fits(x - sure[i - 1]) and fits(sure[j] - x):
            decisions[n] = (k, ("join", "LB002", f"a break one printed page (~{period} characters) after the "
                                "previous page break, inside a sentence", 0.8))


def _layout_margins(text: str, cs: list[_Content], touched: set[int], fenced: set[int], layout_at) -> Iterator[Edit]:
    """LB005: the left margin ``pdftotext -layout`` puts before every line of wrapped text."""
    for k, c in enumerate(cs):
        if k in touched or c.idx in fenced or c.indent < 2:
            continue
        lay = layout_at(k)
        if not lay.width or lay.margin < 2:
            continue
        start = c.text_start - (c.indent - lay.margin) - lay.margin
        lead = text[start:start + lay.margin]
        if start >= 0 and lead == " " * lay.margin and (start == 0 or text[start - 1] in "\n\f"):
            yield make_edit(text, start, start + lay.margin, "", "LB005",
                            f"a layout margin of {lay.margin} spaces before every line of wrapped text",
                            confidence=0.9)


def _no_space_indents(indents: Sequence[int]) -> bool:
    """Does the text otherwise start its lines flush left (so a single space is stray)?"""
    head = indents[1:WIDTH_WINDOW_LINES]
    return bool(head) and head.count(0) * 2 > len(head)


def _fenced_lines(lines) -> set[int]:
    inside = False
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if _FENCE.match(ln.text):
            out.add(i)
            inside = not inside
        elif inside:
            out.add(i)
    return out


_WRAP_JOIN = ("join", "LB001", "a line at the wrap width that stops mid-sentence", 0.95)


def _decide(a: _Content, b: _Content, gap: str, lay: _Layout, blank_style: bool, a_starts_para: bool = True,
            structural: bool = True, carried: tuple[int, bool] = (0, False), a_ends: bool | None = None,
            a_prose: bool | None = None):
    """('join' | 'para', rule, reason, confidence) for the break between ``a`` and ``b``.

    ``structural`` False says neither line matches ``_STRUCTURAL`` (known per line to the
    caller), which skips the block and list checks: ``_BLOCK`` and ``_MD_BULLET`` are parts of it.
    ``carried`` is (length, has prose punctuation) of the lines this call's joins put before
    ``a``: the "is ``a`` running prose?" tests judge the line the joins make, so a chain of
    short lines is joined in one pass, not one line per pass (found by the damaged-document
    property: the pipeline never settled).  ``a_ends`` and ``a_prose``, when given, are
    ``_ends_sentence(a.text)`` and whether ``_PROSE_PUNCT`` finds something in it, known per line
    to the caller.
    """
    at, bt = a.text, b.text
    stray = gap.endswith("\n ") and b.indent - lay.margin == 1
    para = ("para", "LB003", "a paragraph starts after a page break", 0.85) if stray else None
    if structural:
        if _BLOCK.match(at) or _BLOCK.match(bt) or _MD_BULLET.match(bt) or (
                _STRUCTURAL.match(at) and not lay.width and not _ends_comma(at)):
            return para  # a list item may wrap; a heading, table row or quote line does not
        if _STRUCTURAL.match(bt) and not (lay.width and a.extent - lay.margin >= lay.width - FULL_SLACK_COLUMNS
                                          and not _ends_clause(at) and not _ends_comma(at)):
            return para  # a list item starts, unless a full line stops mid-word right before it (第|一、)
    newlines = gap.count("\n")
    if newlines > 3:
        return None  # a wide gap: leave it
    b_indented = b.indent - lay.margin >= 2
    if lay.width:
        # Hard-wrapped neighbourhood.
        if b_indented:
            return ("para", "LB003", "a paragraph starts after a page break", 0.85) if stray else None
        a_full = a.extent - lay.margin >= lay.width - FULL_SLACK_COLUMNS
        if a_ends is None:
            a_ends = _ends_sentence(at)
        if newlines > (2 if blank_style or (a_full and not a_ends) else 1):
            return None
        b_ext = b.extent - lay.margin
        if a_full:
            if not a_ends:
                if not (carried[1] or (_PROSE_PUNCT_RE.search(at) if a_prose is None else a_prose)) \
                        and not _HAN.search(bt[:1]) \
                        and not _CONTINUATION_START.match(bt):
                    return None
                return _WRAP_JOIN
            # A full line that ends a sentence: joined only when it really reaches the width
            # (or is itself a paragraph's first line, which lost its indent) and the next line
            # is not a new paragraph's first line (indented or, with its indent lost, short).
            if a.extent - lay.margin < lay.width - END_FULL_SLACK_COLUMNS and not a_starts_para:
                return ("para", "LB003", "a paragraph starts after a page break", 0.85) if stray else None
            if b_ext >= lay.width - 1 and not _ends_sentence(bt[-1:]):
                return "join", "LB001", "a line at the wrap width followed by another full line", 0.85
            if b_ext >= lay.width - 1:
                return "join", "LB001", "a line at the wrap width followed by another full line", 0.8
            return ("para", "LB003", "a paragraph starts after a page break", 0.85) if stray else None
        # A short line ends its paragraph, unless it stops mid-clause.
        if a_ends or _ends_clause(at):
            return ("para", "LB003", "a paragraph starts after a page break", 0.85) if stray else None
        ev = _clause_evidence(at, bt)
        if ev and (carried[1] or (_PROSE_PUNCT_RE.search(at) if a_prose is None else a_prose)):
            return "join", "LB001", f"a short line inside a clause: {ev[0]}", min(ev[1], 0.85)
        return ("para", "LB003", "a paragraph starts after a page break", 0.8) if stray else None
    # One paragraph per line.
    if _ends_clause(at):
        return ("para", "LB003", "a paragraph starts after a page break", 0.85) if stray else None
    if not _ends_comma(at) and (not (carried[1] or _PROSE_PUNCT_RE.search(at)) or carried[0] + len(at) < MIN_PROSE_CHARS):
        return None
    if not (_HAN.match(bt[0]) or _CONTINUATION_START.match(bt) or _LOWER_START.match(bt)
            or (_ends_comma(at) and not _STRUCTURAL.match(bt))):
        return None
    if b_indented:
        return None
    ev = _clause_evidence(at, bt)
    if newlines > (2 if blank_style else 1) and not (ev and ev[1] >= 0.95):
        return None  # more blank lines than the text uses between paragraphs
    if ev:
        return "join", "LB002", f"a break inside a sentence: {ev[0]}", ev[1]
    return "join", "LB002", "a prose line that does not end a sentence (might be a paragraph end)", 0.5


NORMALIZER = Normalizer("linebreaks", RULES, find_line_breaks, __doc__ or "")

"""SP — stray white space: around digits, between Han characters, at line ends.

What it finds
    Spaces that PDF extraction and OCR leave inside Chinese prose: between a Han character
    and a digit (``习近平总书记 30 日上午``, ``11 月 30 日``), between two Han characters of a
    sentence (``发展 取得``), trailing spaces after Chinese text at a line end, a space after
    every character of a line (``习 近 平 主 持 召 开``), full-width spaces ``　`` inside a
    line; and, following the ``spacing`` option, the space between Chinese and Latin letters
    or digits.
Where it comes from
    Per-glyph positioned PDF text layers and OCR engines that emit word boxes.

    How ``spacing`` works with SP001: ``keep`` (default) leaves Han–Latin spaces as the source
    has them (only a run of several collapses to one, SP006) while SP001 still removes
    Han–digit spaces, because the mainland norm never has them (``30 日`` -> ``30日``;
    ``ignore=["SP001"]`` keeps them too); ``remove`` also deletes Han–Latin spaces (SP006,
    ``使用 Python 编程`` -> ``使用Python编程``); ``add`` turns SP001 off and inserts a space
    between Chinese and Latin letters or digits (SP007, the pangu style ``实施 5 年来``).
Example
    ``11 月 30 日`` -> ``11月30日``
Safety
    The mainland publishing norm sets no space between Han and digits, and none between Han
    characters; every removal here is ``safe``.  Spaces whose role is typographic are left
    alone (see below).
Left alone
    The single space after a news dateline (``新华社上海11月30日电 中共中央``), between the two
    clauses of a headline (a line without sentence punctuation), in a byline or photo credit
    (``本报记者 叶辰亮摄``), after an article or chapter number (``第三条 国有企业``,
    ``第一章　总则``), before the date in a law's history line (``会议通过 2019年9月27日``),
    between the names of a list separated by full-width spaces (``李强　赵乐际　王沪宁``),
    around Latin words (unless ``spacing`` says otherwise), in indentation, and in text that
    has no Han.
"""

from __future__ import annotations

import re
from typing import Iterator

import regex

from ..charclass import CJK, HAN, HSPACE, is_cjk, is_han
from ..edits import Edit, make_edit
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("SP001", "space-between-han-and-digit", "A space between a Han character and a digit inside a line.",
         ("习近平总书记 30 日上午", "习近平总书记30日上午")),
    Rule("SP002", "space-between-han", "A space between two Han characters in running prose.",
         ("他强调，深入推进 长三角一体化发展。", "他强调，深入推进长三角一体化发展。")),
    Rule("SP003", "trailing-space-after-han", "White space at the end of a line after Chinese text.",
         ("座谈会。  \n下一段", "座谈会。\n下一段")),
    Rule("SP004", "space-after-every-character", "A line with a space after every character (per-glyph OCR).",
         ("习 近 平 主 持 召 开 座 谈 会", "习近平主持召开座谈会")),
    Rule("SP005", "ideographic-space-inside-line", "A full-width space inside a line of running Chinese text.",
         ("深入推进\N{IDEOGRAPHIC SPACE}长三角一体化发展。", "深入推进长三角一体化发展。")),
    Rule("SP006", "space-between-han-and-latin",
         "Spaces between Chinese and a Latin word: several collapse to one; spacing='remove' deletes them.",
         ("使用  Python  编程", "使用 Python 编程")),
    Rule("SP007", "no-space-between-han-and-latin",
         "With spacing='add' only: Chinese touching a Latin word or a number gets a space (pangu style).",
         ("实施5年来", "实施5年来")),
)

# Han – spaces – digit, and digit – spaces – Han.
_HAN_DIGIT = regex.compile(rf"(?<={HAN})({HSPACE}+)(?=[0-9])|(?<=[0-9])({HSPACE}+)(?={HAN})")
_HAN_HAN = regex.compile(rf"(?<={CJK})({HSPACE}+)(?={CJK})")
_TRAILING = regex.compile(rf"(?<={CJK})[ \t\N{{NO-BREAK SPACE}}\N{{IDEOGRAPHIC SPACE}}]+(?=\r?\Z)")

# A news dateline ends in 电 after a date: 新华社上海11月30日电 / 本报北京3月5日电.
# The date may carry NUM's hole marker (or any marker a user chose: one non-Han symbol).
_DATELINE_BEFORE = regex.compile(rf"(?r)(?:[0-9一二三四五六七八九十〇\p{{So}}]+日|(?:{HAN}|\p{{So}}){{2,10}})电$")
_DATELINE_LINE_START = regex.compile(r"^\s*[（(]?\p{Han}{1,8}(?:社|报|网|台)")
# Bylines and photo credits: 本报记者 叶辰亮摄, 记者 张三 李四, 通讯员 王五.
_BYLINE_BEFORE = regex.compile(r"(?r)(?:记者|通讯员|摄影|编辑|作者|供稿|撰稿|文|图)$")
_CREDIT_AFTER = regex.compile(r"^\p{Han}{2,4}(?:摄|报道|供图|/摄)?(?:\s|$|[。，])")
# Sentence punctuation marks a line as running prose; headlines and titles have none.
_PROSE = regex.compile(r"[\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC FULL STOP}\N{FULLWIDTH SEMICOLON}\N{FULLWIDTH COLON}\N{IDEOGRAPHIC COMMA}\N{FULLWIDTH QUESTION MARK}\N{FULLWIDTH EXCLAMATION MARK},;:]")
# Article, chapter and section numbers of laws and reports: 第三条 国有企业 / 第一章　总则.
_ARTICLE_BEFORE = regex.compile(r"(?r)(?:^|\s)第[0-9一二三四五六七八九十百千零〇两]+[条章节编款部分]$")
# A law's history line: …会议通过 2019年9月27日…
_HISTORY_BEFORE = regex.compile(r"(?r)(?:通过|批准|修改|修正|公布|施行|发布|颁布|修订)$")
# A complete date before the space (laws and notices: 2022年2月25日 中共中央、国务院印发).
_FULL_DATE_BEFORE = regex.compile(r"(?r)[0-9〇一二三四五六七八九零]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日$")
# A line that starts with a short number, then the space: a list item's number (2 石油) ...
_LIST_NUMBER_BEFORE = regex.compile(r"^[ \t]*[0-9]{1,3}$")
_LIST_ITEM_LINE = regex.compile(r"^[ \t]*[0-9]{1,3}[ \t]+\p{Han}")
# ... unless a unit or measure word follows, which makes it a quantity or a date (11 月).
_UNIT_AFTER = regex.compile(r"[年月日时分秒号个万亿千百元岁次届期件名人家项条款章节倍度米克吨周天%％]")
# Per-glyph spacing (SP004): a line counts when this share of its Han characters stands alone
# between spaces, with at least this many of them.  Clean corpora: no line reaches 0.3.
PER_CHAR_LINE_SHARE = 0.6
PER_CHAR_MIN_HAN = 4
_LONE_HAN = regex.compile(r"(?:(?<=^|[ \t])\p{Han}(?=[ \t]|$))")
_HAN_CHAR = regex.compile(HAN)
_YEAR_AFTER = regex.compile(r"[0-9一二〇零]{4}年")
_GAP = regex.compile(r"(?<=\S)[ \t]+(?=\S)")
_IDEO_SPACE = regex.compile(r"(?<=\S)\N{IDEOGRAPHIC SPACE}+(?=\S)")
# A list of names set off by full-width spaces: three or more short Han tokens.
_NAME_LIST = regex.compile(r"(?:\p{Han}{2,4}\N{IDEOGRAPHIC SPACE}+){2,}\p{Han}{2,4}")
_HAN_LATIN_GAP = regex.compile(rf"{HAN}[A-Za-z0-9]|[A-Za-z0-9]{HAN}")
_HAN_LATIN_SPACE = regex.compile(rf"(?<={HAN})({HSPACE}+)(?=[A-Za-z])|(?<=[A-Za-z])({HSPACE}+)(?={HAN})")
_HAN_LATIN_TOUCH = regex.compile(rf"(?<={HAN})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?={HAN})")
# Tokens that must not be split by an inserted space: URLs, e-mail addresses, paths.
_NO_INSERT = regex.compile(r"(?:https?|ftp|file)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*[A-Za-z0-9/#=_\-]|www\.[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*[A-Za-z0-9/#=_\-]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|`[^`]*`")

# Words that cannot end a clause: a space right after them splits a phrase, not two clauses.
_LINKING = "和与及或并同跟向从为对把被的了在之以"


# The characters each ``..._BEFORE`` pattern can end with: a match needs one of them just
# before the space, which a set lookup tests where the ``$``-anchored search scanned the
# whole line prefix (~2 us each on a 300-character line; the seeds make 20 such calls a round).
# The ``..._BEFORE`` patterns are searched in reverse ((?r)): a ``$``-anchored match can only
# end at the line prefix's end, so that is where the search starts (a dateline: ~1.0 -> ~0.25 us).
_DATELINE_LAST = frozenset("电")
_BYLINE_LAST = frozenset("者员影辑稿文图")
_ARTICLE_LAST = frozenset("条章节编款部分")
_HISTORY_LAST = frozenset("过准改正布行订")
_FULL_DATE_LAST = frozenset("日")


def _is_conventional(line: str, i: int, j: int) -> bool:
    """Is the space ``line[i:j]`` a typographic space a careful editor keeps?"""
    last = line[i - 1] if i else ""
    if last in _DATELINE_LAST:
        before = line[:i]
        if _DATELINE_BEFORE.search(before) and (_DATELINE_LINE_START.search(before) or i <= 24):
            return True
    if last in _BYLINE_LAST and _BYLINE_BEFORE.search(line[:i]) and _CREDIT_AFTER.search(line[j:]):
        return True
    if last in _ARTICLE_LAST and _ARTICLE_BEFORE.search(line[:i]):
        return True
    if last in _HISTORY_LAST and _HISTORY_BEFORE.search(line[:i]) and _YEAR_AFTER.match(line[j:]):
        return True
    if last in _FULL_DATE_LAST and _FULL_DATE_BEFORE.search(line[:i]):
        return True  # a header or signature line: 2022年2月25日 中共中央、国务院
    return False


def _numbered_list_item(text: str, base: int, line: str, i: int) -> bool:
    """Is the space ``line[i]`` the one after a list number (``2 石油``), with a neighbouring
    line numbered the same way?  ``11 月`` (a unit follows) and a lone ``300 多`` are not."""
    if not _LIST_NUMBER_BEFORE.match(line[:i]) or _UNIT_AFTER.match(line, i + 1):
        return False
    prev_start = text.rfind("\n", 0, max(0, base - 1)) + 1
    next_end = text.find("\n", base + len(line) + 1)
    prev_line = text[prev_start:base - 1] if base else ""
    next_line = text[base + len(line) + 1:next_end if next_end >= 0 else len(text)]
    return bool(_LIST_ITEM_LINE.match(prev_line) or _LIST_ITEM_LINE.match(next_line))


def _per_char_gaps(line: str, keep_han_latin: bool = False) -> list[tuple[int, int]]:
    """Gaps to delete in a line set with a space after every character (SP004), else [].

    ``keep_han_latin``: under ``spacing="add"`` a space between Han and a Latin letter or digit
    is wanted (SP007 would put it back), so it is not deleted here.
    """
    if line.count(" ") + line.count("\t") < PER_CHAR_MIN_HAN:
        return []
    lone = len(_LONE_HAN.findall(line))
    if lone < PER_CHAR_MIN_HAN or lone < PER_CHAR_LINE_SHARE * len(_HAN_CHAR.findall(line)):
        return []
    gaps = []
    for g in _GAP.finditer(line):
        i, j = g.span()
        left_single = i == 1 or line[i - 2] in " \t"
        right_single = j == len(line) - 1 or line[j + 1] in " \t"
        if not (left_single and right_single):
            continue  # a word of several letters keeps its spaces (spacing option decides)
        cjk_side = regex.match(CJK, line[i - 1]) or regex.match(CJK, line[j])
        if keep_han_latin and _HAN_LATIN_GAP.fullmatch(line[i - 1] + line[j]):
            continue
        if cjk_side or j - i == 1:
            gaps.append((i, j))
    return gaps


_DIGIT = re.compile("[0-9]")
_HSPACE_RUN = re.compile("[ \t\N{NO-BREAK SPACE}]+")  # HSPACE+
_LATIN_LETTER = re.compile("[A-Za-z]")
_TRAIL_CHARS = " \t\N{NO-BREAK SPACE}\N{IDEOGRAPHIC SPACE}"  # _TRAILING's class


_FEW_RUNS = 8


def _hspace_runs(line: str, chars: str = " \t\N{NO-BREAK SPACE}") -> list[tuple[int, int]]:
    """Spans of _HSPACE_RUN's matches in ``line``; ``chars``: those of its set the line may hold.

    A line here holds a few spaces (seed lines: 1-3): a ``str.find`` per space is cheaper
    than the ``re`` set, which scanned ~8 ns a character (3 us on a 365-character line).
    Lines set with a space per character still take the scan.
    """
    n_space = line.count(" ")
    if n_space > 2 * _FEW_RUNS:
        return [r.span() for r in _HSPACE_RUN.finditer(line)]
    spaces = []
    for sp in chars:
        i = line.find(sp)
        while i >= 0:
            spaces.append(i)
            i = line.find(sp, i + 1)
    if not spaces:
        return []
    spaces.sort()
    runs = []
    start = end = spaces[0]
    for i in spaces:
        if i != end:
            runs.append((start, end))
            start = i
        end = i + 1
    runs.append((start, end))
    return runs


_HSPACE_CHARS = " \t\N{NO-BREAK SPACE}"


def _spaced_lines(text: str) -> tuple[list[tuple[int, str]], str]:
    """(start, line) of the ``\n``-separated lines holding a space, tab, NBSP or U+3000, and
    which of _HSPACE_CHARS occur in ``text`` (_hspace_runs need not look for the others).

    A ``str.find`` per space character (memchr speed), jumping to the next line after each
    hit: the seeds have 0-4 such lines, and the ``re`` set ``[ \t\xa0\u3000]`` scanned the
    text between them at ~3 ns a character (~0.1 ms a round of the seeds).
    """
    ends: dict[int, int] = {}  # line start -> line end
    present = ""
    n = len(text)
    for ch in _TRAIL_CHARS:
        pos = text.find(ch)
        if pos >= 0 and ch in _HSPACE_CHARS:
            present += ch
        while pos >= 0:
            end = text.find("\n", pos)
            ends[text.rfind("\n", 0, pos) + 1] = n if end < 0 else end
            if end < 0:
                break
            pos = text.find(ch, end + 1)
    return [(a, text[a:ends[a]]) for a in sorted(ends)], present


def _overlaps(i: int, j: int, taken: list[tuple[int, int]]) -> bool:
    """Does the span [i, j) overlap one of ``taken`` (SP004's gaps in the line)?"""
    return any(i < b and a < j for a, b in taken)


def find_stray_spaces(text: str, ctx: Context) -> Iterator[Edit]:
    """Find SP001–SP007 edits in ``text``.

    >>> from cleantext_zh import clean
    >>> clean("11 月 30 日", select="SP")
    '11月30日'
    """
    if ctx.config.spacing == "add" and ctx.wants("SP007"):
        yield from _missing_spaces(text)
    if " " not in text and "\t" not in text and "\N{NO-BREAK SPACE}" not in text and "\N{IDEOGRAPHIC SPACE}" not in text:
        return
    mode = ctx.config.spacing
    want1 = mode != "add" and ctx.wants("SP001")
    want2 = ctx.wants("SP002")
    want6 = ctx.wants("SP006")
    want3, want4, want5 = ctx.wants("SP003"), ctx.wants("SP004"), ctx.wants("SP005")
    lines, hspace_chars = _spaced_lines(text)
    for base, line in lines:
        taken: list[tuple[int, int]] = []
        if want4:
            for i, j in _per_char_gaps(line, keep_han_latin=mode == "add"):
                taken.append((i, j))
                yield make_edit(text, base + i, base + j, "", "SP004", "space after every character (per-glyph text)")

        # SP001, SP002 and SP006 act on whole runs of horizontal space inside the line (their
        # patterns' lookarounds test the characters just outside a run, and no run can
        # start or end inside another), found by one stdlib scan; the neighbours are
        # tested in Python.  Three ``regex`` scans cost ~1-2 us each per seed line.
        n_line = len(line)
        runs = _hspace_runs(line, hspace_chars) if want1 or want2 or want6 else ()
        if runs and runs[0][0] == 0:
            runs = runs[1:]  # indentation
        if runs and runs[-1][1] == n_line:
            runs = runs[:-1]  # trailing (SP003's)
        # (The _DIGIT and _LATIN_LETTER scans only prefilter lines with many runs: a few
        # runs' neighbours are tested faster than the line is scanned, ~1.7 us for 365
        # characters.)
        if want1 and runs and (len(runs) <= _FEW_RUNS or _DIGIT.search(line)):
            for i, j in runs:
                p, n = line[i - 1], line[j]
                if not (is_han(p) and "0" <= n <= "9" or "0" <= p <= "9" and is_han(n)):
                    continue  # _HAN_DIGIT
                if not (taken and _overlaps(i, j, taken)) and not _is_conventional(line, i, j) \
                        and not _numbered_list_item(text, base, line, i):
                    yield make_edit(text, base + i, base + j, "", "SP001",
                                    "space between a Han character and a digit")
        if want2 and runs:
            prose = None
            for i, j in runs:
                if not (is_cjk(line[i - 1]) and is_cjk(line[j])):
                    continue  # _HAN_HAN
                if taken and _overlaps(i, j, taken) or _is_conventional(line, i, j):
                    continue
                if prose is None:
                    prose = bool(_PROSE.search(line))  # only for a line with a candidate
                if prose or line[i - 1] in _LINKING:
                    yield make_edit(text, base + i, base + j, "", "SP002",
                                    "space between two Han characters in running text"
                                    if prose else "space after a linking word splits a phrase")
        if want3 and (line[-1] in _TRAIL_CHARS or line[-1] == "\r" and line[-2:-1] in _TRAIL_CHARS):
            for s in _TRAILING.finditer(line):
                i, j = s.span()
                yield make_edit(text, base + i, base + j, "", "SP003", "white space at a line end")
        if want5 and "\N{IDEOGRAPHIC SPACE}" in line and _PROSE.search(line) \
                and not _NAME_LIST.search(line):
            for s in _IDEO_SPACE.finditer(line):
                i, j = s.span()
                if _TRAILING.match(line, i) or _is_conventional(line, i, j):
                    continue
                if regex.match(CJK, line[i - 1]) and regex.match(CJK, line[j]):
                    yield make_edit(text, base + i, base + j, "", "SP005", "full-width space inside a line")
                else:
                    yield make_edit(text, base + i, base + j, " ", "SP005",
                                    "full-width space next to a Latin word or number")
        if want6 and runs and (len(runs) <= _FEW_RUNS or _LATIN_LETTER.search(line)):
            for i, j in runs:
                p, n = line[i - 1], line[j]
                if not (is_han(p) and n.isascii() and n.isalpha() or p.isascii() and p.isalpha() and is_han(n)):
                    continue  # _HAN_LATIN_SPACE
                if taken and _overlaps(i, j, taken) or _is_conventional(line, i, j):
                    continue
                if mode == "remove":
                    yield make_edit(text, base + i, base + j, "", "SP006",
                                    "space between Chinese and a Latin word (spacing='remove')")
                elif line[i:j] != " ":
                    yield make_edit(text, base + i, base + j, " ", "SP006",
                                    "several spaces between Chinese and a Latin word")


def _missing_spaces(text: str) -> Iterator[Edit]:
    """SP007: insert a space where Chinese touches a Latin word or a number (spacing='add')."""
    protected = [m.span() for m in _NO_INSERT.finditer(text)]
    for s in _HAN_LATIN_TOUCH.finditer(text):
        i = s.start()
        if any(a < i < b for a, b in protected):
            continue
        yield make_edit(text, i, i, " ", "SP007", "Chinese touching a Latin word or number (spacing='add')")


NORMALIZER = Normalizer("spacing", RULES, find_stray_spaces, __doc__ or "")

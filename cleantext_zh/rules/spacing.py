"""SP — stray white space: around digits, between Han characters, at line ends.

What it finds
    Spaces that PDF extraction and OCR leave inside Chinese prose: between a Han character
    and a digit (``习近平总书记 30 日上午``, ``11 月 30 日``), between two Han characters of a
    sentence (``发展 取得``), and trailing spaces after Chinese text at a line end.
Where it comes from
    Per-glyph positioned PDF text layers and OCR engines that emit word boxes.
Example
    ``11 月 30 日`` -> ``11月30日``
Safety
    The mainland publishing norm sets no space between Han and digits, and none between Han
    characters; every removal here is ``safe``.  Spaces whose role is typographic are left
    alone (see below).
Left alone
    The single space after a news dateline (``新华社上海11月30日电 中共中央``), between the two
    clauses of a headline (a line without sentence punctuation), in a byline or photo credit
    (``本报记者 叶辰亮摄``), around Latin words, in indentation, and in text that has no Han.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..charclass import CJK, HAN, HSPACE
from ..edits import Edit, make_edit
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("SP001", "space-between-han-and-digit", "A space between a Han character and a digit inside a line.",
         ("习近平总书记 30 日上午", "习近平总书记30日上午")),
    Rule("SP002", "space-between-han", "A space between two Han characters in running prose.",
         ("他强调，深入推进 长三角一体化发展。", "他强调，深入推进长三角一体化发展。")),
    Rule("SP003", "trailing-space-after-han", "White space at the end of a line after Chinese text.",
         ("座谈会。  \n下一段", "座谈会。\n下一段")),
)

# Han – spaces – digit, and digit – spaces – Han.
_HAN_DIGIT = regex.compile(rf"(?<={HAN})({HSPACE}+)(?=[0-9])|(?<=[0-9])({HSPACE}+)(?={HAN})")
_HAN_HAN = regex.compile(rf"(?<={CJK})({HSPACE}+)(?={CJK})")
_TRAILING = regex.compile(rf"(?<={CJK})[ \t\N{{NO-BREAK SPACE}}\N{{IDEOGRAPHIC SPACE}}]+(?=\r?\Z)")
_LINE = regex.compile(r"[^\n]*")

# A news dateline ends in 电 after a date: 新华社上海11月30日电 / 本报北京3月5日电.
_DATELINE_BEFORE = regex.compile(rf"(?:[0-9一二三四五六七八九十〇]+日|{HAN}{{2,8}})电$")
_DATELINE_LINE_START = regex.compile(r"^\s*[（(]?\p{Han}{1,8}(?:社|报|网|台)")
# Bylines and photo credits: 本报记者 叶辰亮摄, 记者 张三 李四, 通讯员 王五.
_BYLINE_BEFORE = regex.compile(r"(?:记者|通讯员|摄影|编辑|作者|供稿|撰稿|文|图)$")
_CREDIT_AFTER = regex.compile(r"^\p{Han}{2,4}(?:摄|报道|供图|/摄)?(?:\s|$|[。，])")
# Sentence punctuation marks a line as running prose; headlines and titles have none.
_PROSE = regex.compile(r"[\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC FULL STOP}\N{FULLWIDTH SEMICOLON}\N{FULLWIDTH COLON}\N{IDEOGRAPHIC COMMA}\N{FULLWIDTH QUESTION MARK}\N{FULLWIDTH EXCLAMATION MARK},;:]")
# Words that cannot end a clause: a space right after them splits a phrase, not two clauses.
_LINKING = "和与及或并同跟向从为对把被的了在之以"


def _is_conventional(line: str, i: int, j: int) -> bool:
    """Is the space ``line[i:j]`` a typographic space a careful editor keeps?"""
    before, after = line[:i], line[j:]
    if _DATELINE_BEFORE.search(before) and (_DATELINE_LINE_START.search(before) or i <= 24):
        return True
    if _BYLINE_BEFORE.search(before) and _CREDIT_AFTER.search(after):
        return True
    return False


def find_stray_spaces(text: str, ctx: Context) -> Iterator[Edit]:
    """Find SP001–SP003 edits in ``text``.

    >>> from cleantext_zh import clean
    >>> clean("11 月 30 日", select="SP")
    '11月30日'
    """
    if " " not in text and "\t" not in text and "\N{NO-BREAK SPACE}" not in text and "\N{IDEOGRAPHIC SPACE}" not in text:
        return
    remove_digit_space = ctx.config.spacing != "add"
    for m in _LINE.finditer(text):
        line = m.group()
        if not line or (" " not in line and "\t" not in line and "\N{NO-BREAK SPACE}" not in line
                        and "\N{IDEOGRAPHIC SPACE}" not in line):
            continue
        base = m.start()
        if remove_digit_space and ctx.wants("SP001"):
            for s in _HAN_DIGIT.finditer(line):
                i, j = s.span()
                if not _is_conventional(line, i, j):
                    yield make_edit(text, base + i, base + j, "", "SP001",
                                    "space between a Han character and a digit")
        if ctx.wants("SP002"):
            prose = bool(_PROSE.search(line))
            for s in _HAN_HAN.finditer(line):
                i, j = s.span()
                if i == 0 or _is_conventional(line, i, j):
                    continue
                if prose or line[i - 1] in _LINKING:
                    yield make_edit(text, base + i, base + j, "", "SP002",
                                    "space between two Han characters in running text"
                                    if prose else "space after a linking word splits a phrase")
        if ctx.wants("SP003"):
            for s in _TRAILING.finditer(line):
                i, j = s.span()
                yield make_edit(text, base + i, base + j, "", "SP003", "white space at a line end")


NORMALIZER = Normalizer("spacing", RULES, find_stray_spaces, __doc__ or "")

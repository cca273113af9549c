"""PG — page furniture: page-number lines, running headers and footers, form feeds.

What it finds
    Lines that a PDF page carries but the author's text does not: a page number alone on its
    line in the usual forms (``— 3 —``, ``- 3 -``, ``－3－``, ``第3页``, ``第 3 页 共 12 页``,
    ``3/12``, ``Page 3``, a bare number next to a form feed), the same short line recurring page
    after page (a running header or footer, possibly with the page number glued to it as
    PyMuPDF emits it: ``2023年政府工作报告 2``), and form feeds (``\\f``) between pages.
Where it comes from
    pdftotext, pdfminer.six and PyMuPDF extraction of typeset documents.
Example
    ``全力救治新冠患者\\n\\n— 1 —\\n\\n，有效保护`` -> ``全力救治新冠患者\\n\\n，有效保护``
    (the LB rules then rejoin the sentence the page break interrupted).
Safety
    A page number in the dashed or 第…页 forms is unmistakable; a bare number or ``3/12`` is
    only furniture when a form feed is next to it or when the numbers of several such lines
    increase page after page.  A running header needs document-level evidence: the same short
    line (digits ignored) at least ``MIN_HEADER_REPEATS`` times, never adjacent to itself, or
    twice next to form feeds.  This is the only rule family that looks at the whole text (a
    streaming caller must give it blocks of several pages).
Left alone
    Numbers inside prose lines, list items (``1.``), table rows, a title that occurs twice in
    a document (fewer repeats than the threshold), lines longer than ``MAX_FURNITURE_CHARS``.
"""

from __future__ import annotations

import collections
import re
from itertools import accumulate, compress, repeat
from operator import add, itemgetter
from typing import Iterator, NamedTuple

import regex

from ..edits import Edit, make_edit
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("PG001", "page-number-line", "A line that holds only a page number (— 3 —, 第3页, 3/12, Page 3).",
         ("全力救治新冠患者\n— 1 —\n，有效保护", "全力救治新冠患者\n，有效保护")),
    Rule("PG002", "running-header", "A short line repeated on every page: a running header or footer.",
         ("年度报告 1\n甲乙丙丁。\n戊己庚辛。\n壬癸子丑。\n年度报告 2\n寅卯辰巳。\n午未申酉。\n戌亥甲乙。\n"
          "年度报告 3\n丙丁戊己。\n",
          "甲乙丙丁。\n戊己庚辛。\n壬癸子丑。\n寅卯辰巳。\n午未申酉。\n戌亥甲乙。\n丙丁戊己。\n")),
    Rule("PG003", "form-feed", "A form feed (page break control character) between pages.",
         ("第一页的结尾。\n\f第二页的开头。", "第一页的结尾。\n第二页的开头。")),
)

# A running header or footer is short; a heading that happens to recur is not removed unless
# it recurs this often (a title and its repetition at the end of a document make two).
MAX_FURNITURE_CHARS = 40
MIN_HEADER_REPEATS = 3
# Pages hold more than a couple of lines: repeats closer than this are a list, not a header.
MIN_LINES_BETWEEN_REPEATS = 3
# Characters either side of a form feed that tell whether the text separates lines by blank lines.
SEPARATOR_WINDOW_CHARS = 1000
# Pages of one document differ in length (a chapter ends, a table); repeats further apart
# than this ratio are not page after page.
MAX_PAGE_SIZE_RATIO = 3.0

_DASH = "\\-\N{EN DASH}\N{EM DASH}\N{FULLWIDTH HYPHEN-MINUS}\N{HORIZONTAL BAR}\N{MINUS SIGN}\N{HYPHEN}"
_NUM = r"[0-9０-９]{1,4}"
# Unmistakable forms: dashes around the number, 第…页, Page N, N/M with 共.
_PAGE_STRONG = regex.compile(
    rf"^[ \t\u3000]*(?:[{_DASH}]+[ \t\u3000]*{_NUM}[ \t\u3000]*[{_DASH}]+"
    rf"|第[ \t\u3000]*{_NUM}[ \t\u3000]*页(?:[ \t\u3000]*[，,/]?[ \t\u3000]*共[ \t\u3000]*{_NUM}[ \t\u3000]*页)?"
    rf"|共[ \t\u3000]*{_NUM}[ \t\u3000]*页[ \t\u3000]*第[ \t\u3000]*{_NUM}[ \t\u3000]*页"
    rf"|(?:Page|PAGE|page|p\.)[ \t]*{_NUM}(?:[ \t]*(?:of|/)[ \t]*{_NUM})?)[ \t\u3000]*$")
# Weak forms: a bare number or N/M; furniture only next to a form feed or in a rising series.
_PAGE_WEAK = regex.compile(rf"^[ \t\u3000]*({_NUM})(?:[ \t]*/[ \t]*{_NUM})?[ \t\u3000]*$")
_EDGE_NUMBER = regex.compile(r"^[0-9０-９]{1,4}(?=[ \t\u3000])|(?<=[ \t\u3000])[0-9０-９]{1,4}$")
# Headings, list items and sentences are not furniture, however often they recur.
_SENTENCE_LIKE = regex.compile("[\N{IDEOGRAPHIC FULL STOP}\N{FULLWIDTH COLON}\N{FULLWIDTH QUESTION MARK}"
                               "\N{FULLWIDTH EXCLAMATION MARK}\N{FULLWIDTH SEMICOLON}\N{FULLWIDTH COMMA}:;!?]$")
_HAS_TEXT = regex.compile(r"[\p{Han}A-Za-z]")
_STRUCTURAL = regex.compile(
    r"^(?:#{1,6}[ \t]|[|>]|```|~~~|[-*+][ \t]|[0-9]+[.)、．]"
    r"|[（(][一二三四五六七八九十百0-9]{1,4}[)）]|[一二三四五六七八九十百]{1,3}[、．.]"
    r"|第[一二三四五六七八九十百零〇0-9]{1,5}[章节条部分篇编款项])")


class Line(NamedTuple):
    start: int  # offset of the first character
    end: int  # offset of the line terminator (or len(text))
    text: str


# The last text split and its lines: the pipeline hands pagination's finder, its
# furniture_lines and then linebreaks' finder one and the same str object (when PG changed
# nothing), so each text is split once instead of three times.  Texts up to this size only,
# so a huge text's lines are not kept alive after its call.
_SPLIT_CACHE_CHARS = 1 << 20
_last_split: tuple[str, list[Line]] | None = None


def split_lines(text: str) -> list[Line]:
    """Lines without their ``\\n``; a ``\\r`` before it stays in the line text.

    The list may be shared with other callers for the same text: do not modify it.
    """
    global _last_split
    last = _last_split
    if last is not None and last[0] is text:
        return last[1]
    # All in C: str.split, running offsets, and the Line tuples (tuple.__new__ with the
    # subclass; Line(...) would run a Python __new__ per line): 0.067 -> 0.048 ms on seed 003.
    # operator.add, not the int.__add__ slot wrapper: half the cost (seed 003: -15 us).
    parts = text.split("\n")
    lens = list(map(len, parts))
    starts = list(accumulate(map(add, lens, repeat(1)), initial=0))  # one \n after each line
    lines = list(map(tuple.__new__, repeat(Line), zip(starts, map(add, starts, lens), parts)))  # zip: len(parts)
    if len(text) <= _SPLIT_CACHE_CHARS:
        _last_split = (text, lines)
    return lines


def _bare(s: str) -> str:
    return s.replace("\f", "").strip(" \t\r\u3000")


_BARE_WS = " \t\r\u3000"
_LINE_TEXT = itemgetter(2)  # Line.text


def _no_furniture(text: str) -> bool:
    """Exact fast exit: True only when ``furniture_lines`` would find nothing and there is
    no form feed (so no PG001-PG003 at all).

    Without a form feed, PG001 needs a line whose bare text (at most ``MAX_FURNITURE_CHARS``)
    matches ``_PAGE_STRONG`` or ``_PAGE_WEAK``; with none, nothing is ``found``, ``paged`` is
    False and a running header can only be ``numbered``: at least ``MIN_HEADER_REPEATS``
    lines of one key, each with an ``_EDGE_NUMBER``.  So no short line with a page-number
    form and no key shared by that many edge-numbered lines means no furniture.  A line
    longer than the limit can only get short by stripping white space at one of its ends.
    One-paragraph-per-line prose has few short lines: 8.7 -> ~3 ms over news_clean.txt.
    """
    if "\f" in text:
        return False
    edge_keys = None  # made when needed: most texts have no edge-numbered line
    # All three patterns need a digit: one stdlib search rules out most short lines (titles)
    # before the three ``regex`` calls.  Short lines on average (a hard wrap, double-spaced:
    # 003's 219 lines of 14 characters), the lines holding a digit are found by one search of
    # the text instead (~4 ns a character, where a line costs ~0.15 µs: 003 ~38 -> ~27 µs).
    lines = text.split("\n")
    for ln in _digit_lines(text) if len(text) <= MAX_FURNITURE_CHARS * len(lines) else lines:
        if len(ln) <= MAX_FURNITURE_CHARS or ln[:1] in _BARE_WS or ln[-1:] in _BARE_WS:
            b = ln.strip(_BARE_WS)
            if b and len(b) <= MAX_FURNITURE_CHARS and _DIGIT.search(b):
                if _PAGE_STRONG.match(b) or _PAGE_WEAK.match(b):
                    return False
                if _EDGE_NUMBER.search(b):
                    if edge_keys is None:
                        edge_keys = collections.Counter()
                    edge_keys[_numbered_key(b)] += 1  # as _furniture_lines groups them
    # One line with a number at its edge (seed 003: ``…习近平 11 月 30``) is no header.
    return edge_keys is None or max(edge_keys.values()) < MIN_HEADER_REPEATS


_DIGIT = re.compile("[0-9\uff10-\uff19]")


def _numbered_key(bare: str) -> str:
    """A short line's running-header key when it holds a number at an edge (the page number
    of a numbered header): the number stands for any."""
    return _EDGE_NUMBER.sub("#", bare)


def _digit_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` that hold a digit, in order."""
    search, n = _DIGIT.search, len(text)
    m = search(text)
    while m is not None:
        d = m.start()
        end = text.find("\n", d)
        if end < 0:
            end = n
        yield text[text.rfind("\n", 0, d) + 1:end]
        m = search(text, end + 1)


def furniture_lines(text: str) -> dict[int, tuple[str, str, float]]:
    """Index of each furniture line -> (rule, reason, confidence).  Used by PG and by LB."""
    if "\n" not in text and "\f" not in text or _no_furniture(text):
        return {}
    return _furniture_lines(text)


def _furniture_lines(text: str) -> dict[int, tuple[str, str, float]]:
    """``furniture_lines`` once ``_no_furniture`` said False (find_page_furniture asks it first)."""
    lines = split_lines(text)
    found: dict[int, tuple[str, str, float]] = {}
    # Per-line facts with map() at C speed when there is no form feed (the hard-wrapped
    # seed 003 has ~220 lines: 0.07 -> ~0.04 ms for this function).
    if "\f" in text:
        bare = [_bare(ln.text) for ln in lines]
        near_ff = [("\f" in ln.text) for ln in lines]
    else:
        bare = list(map(str.strip, map(_LINE_TEXT, lines), repeat(_BARE_WS)))
        near_ff = [False] * len(lines)

    def next_to_form_feed(i: int) -> bool:
        for j in (i - 1, i, i + 1):
            if 0 <= j < len(lines) and near_ff[j]:
                return True
        # a form feed two lines away across a blank line
        for j in (i - 2, i + 2):
            if 0 <= j < len(lines) and near_ff[j] and not bare[(i + j) // 2]:
                return True
        return False

    weak: list[tuple[int, int]] = []
    # The short lines holding a digit: the page-number patterns and _EDGE_NUMBER need one,
    # and one stdlib search per line is cheaper than the ``regex`` calls it spares (a
    # hard-wrapped text such as seed 003 has hundreds of short lines, few with digits).
    short = [i for i, n in enumerate(map(len, bare)) if 0 < n <= MAX_FURNITURE_CHARS]
    # The lines holding a digit, found from the text's digits line by line (a stdlib search
    # skips the others at C speed: seed 003 has 2 among ~200 short lines, ~20 -> ~2 µs);
    # a line's index advances by the newlines counted since the last one.
    with_digit = set()
    search, i, pos = _DIGIT.search, 0, 0
    m = search(text)
    while m is not None:
        d = m.start()
        i += text.count("\n", pos, d)
        if 0 < len(bare[i]) <= MAX_FURNITURE_CHARS:
            with_digit.add(i)
        pos = lines[i].end + 1  # the next line's start: past one more newline
        i += 1
        m = search(text, pos)
    for i in sorted(with_digit):
        b = bare[i]
        if _PAGE_STRONG.match(b):
            found[i] = ("PG001", "a line holding only a page number", 0.95)
        else:
            m = _PAGE_WEAK.match(b)
            if m:
                if next_to_form_feed(i):
                    found[i] = ("PG001", "a bare page number next to a page break", 0.9)
                else:
                    weak.append((i, int(m.group(1).translate(_FW_DIGITS))))
    # Bare numbers that rise by one, page after page (at least three of them).
    if len(weak) >= 3:
        for k in range(len(weak)):
            run = [weak[k]]
            for nxt in weak[k + 1:]:
                if nxt[1] == run[-1][1] + 1 and nxt[0] - run[-1][0] > MIN_LINES_BETWEEN_REPEATS:
                    run.append(nxt)
            if len(run) >= 3:
                for i, _ in run:
                    found.setdefault(i, ("PG001", "a bare number that rises by one page after page", 0.85))

    # Running headers/footers: the same short line (a page number at either end ignored),
    # page after page.  Evidence that the text has pages at all is required: form feeds, page
    # numbers, or repeats at near-equal distances.
    paged = "\f" in text or len(found) >= 2
    numbers_at = set(found)

    def at_page_edge(i: int) -> bool:
        """Is line ``i`` next to a page number or a form feed (blank lines skipped)?"""
        for step in (-1, 1):
            j, seen = i + step, 0
            while 0 <= j < len(lines) and seen < 2:
                if j in numbers_at or near_ff[j]:
                    return True
                if bare[j]:
                    seen += 1
                j += step
            if seen == 0:
                return True  # the first or last line of the text: a page edge too
        return near_ff[i]
    # Group the short lines by key first and test a line only in a group of two or more:
    # lines that occur once (all of a hard-wrapped text's) pay no ``regex`` call.  The
    # tests are per line, so the groups that reach two after them are the same; they are
    # ordered by their first line that passes, as when each line was tested first.
    # Only keys met twice make a group: counted at C level, then only their lines grouped
    # (a hard-wrapped text's ~200 short lines are all different: 003 ~15 -> ~5 µs).
    rest = [i for i in short if i not in found] if found else short
    keys = list(map(bare.__getitem__, rest))
    for n, i in enumerate(rest) if with_digit else ():
        if i in with_digit:
            keys[n] = _numbered_key(keys[n])
    repeated = {k for k, c in collections.Counter(keys).items() if c >= 2}
    by_key: dict[str, list[int]] = collections.defaultdict(list)
    for n in compress(range(len(keys)), map(repeated.__contains__, keys)):
        by_key[keys[n]].append(rest[n])
    keyed: dict[str, list[int]] = {}
    for key, idx in by_key.items():
        if len(idx) >= 2:
            idx = [i for i in idx if _HAS_TEXT.search(bare[i]) and not _STRUCTURAL.match(bare[i])
                   and not _SENTENCE_LIKE.search(bare[i])]
            if idx:
                keyed[key] = idx
    keyed = dict(sorted(keyed.items(), key=lambda kv: kv[1][0]))
    for key, idx in keyed.items():
        if len(idx) < 2:
            continue
        if not all(b - a > MIN_LINES_BETWEEN_REPEATS for a, b in zip(idx, idx[1:])):
            continue
        ff = sum(1 for i in idx if next_to_form_feed(i))
        offsets = [lines[i].start for i in idx]
        dists = [b - a for a, b in zip(offsets, offsets[1:])]
        regular = len(dists) >= 2 and max(dists) <= MAX_PAGE_SIZE_RATIO * min(dists)
        numbers = [_edge_number(bare[i]) for i in idx]
        numbered = None not in numbers and all(y == x + 1 for x, y in zip(numbers, numbers[1:]))
        at_edge = sum(1 for i in idx if at_page_edge(i))
        if ff >= 2 or (len(idx) >= MIN_HEADER_REPEATS and (paged and regular and at_edge * 3 >= len(idx) * 2
                                                             or numbered)) \
                or (ff >= 1 and paged and at_edge == len(idx)):  # two pages, both at a page edge
            conf = 0.9 if ff >= 2 or numbered else 0.85
            for i in idx:
                found[i] = ("PG002", f"a short line repeated {len(idx)} times, once per page", conf)
    return found


def _edge_number(line: str) -> int | None:
    m = _EDGE_NUMBER.search(line)
    return int(m.group().translate(_FW_DIGITS)) if m else None


_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def find_page_furniture(text: str, ctx: Context) -> Iterator[Edit]:
    """Find PG001–PG003 edits.

    >>> from cleantext_zh import clean
    >>> clean("甲。\\n— 1 —\\n乙。", select="PG")
    '甲。\\n乙。'
    """
    if "\n" not in text and "\f" not in text or _no_furniture(text):
        return
    lines = split_lines(text)
    found = _furniture_lines(text)
    removed: set[int] = set()
    wanted = sorted(i for i, (rule, _, _) in found.items() if ctx.wants(rule))
    # Group furniture lines that follow each other (blank lines between them allowed).
    groups: list[list[int]] = []
    for i in wanted:
        if groups and all(not _bare(lines[m].text) for m in range(groups[-1][-1] + 1, i)):
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        first, last = group[0], group[-1]
        j = last + 1
        while j < len(lines) and not _bare(lines[j].text) and ("\f" not in lines[j].text or ctx.wants("PG003")):
            j += 1
        next_start = lines[j].start if j < len(lines) else len(text)
        k = first - 1
        while k >= 0 and not _bare(lines[k].text):
            k -= 1
        if k < 0 or j >= len(lines):
            # at the start or the end of the text: the furniture goes with the breaks next to it
            s0 = lines[first].start if k < 0 else lines[k].end
            e0 = next_start if j < len(lines) else len(text)
            spans = [(s0, e0, "")]
        else:
            # Keep the wider of the breaks around the furniture: a paragraph break on either
            # side survives it (LB joins a wrap however wide the break).
            before_nl = text.count("\n", lines[k].end, lines[first].start)
            after_nl = text.count("\n", lines[last].end, next_start)
            spans = [(lines[k].end, lines[first].start, "\n" * max(before_nl, after_nl, 1))]
            spans[0] = spans[0] if text[spans[0][0]:spans[0][1]] != spans[0][2] else None
            spans = [sp for sp in spans if sp]
        bounds = group + [None]
        for n, i in enumerate(group):
            rule, reason, conf = found[i]
            line_end = lines[bounds[n + 1]].start if bounds[n + 1] is not None else next_start
            s_i, e_i = lines[i].start, line_end
            if n == 0 and spans and spans[0][1] == s_i:
                s_i, after = spans[0][0], spans[0][2]
            elif n == 0 and spans:
                s_i, e_i, after = min(spans[0][0], s_i), max(spans[0][1], e_i), spans[0][2]
            else:
                after = ""
            yield make_edit(text, s_i, e_i, after, rule, reason, confidence=conf)
        removed.update(range(first, j))
    if ctx.wants("PG003") and "\f" in text:
        for m in regex.finditer(r"\f+", text):
            s, e = m.span()
            li = _line_index(lines, s)
            if li in removed:
                continue
            inside_line = s > 0 and text[s - 1] != "\n" and e < len(text) and text[e] != "\n"
            if (ctx.wants("LB001") or ctx.wants("LB002")) and text[:s].strip() and text[e:].strip():
                if inside_line:  # make it a line break; LB then joins or keeps it
                    window = text[max(0, s - SEPARATOR_WINDOW_CHARS):e + SEPARATOR_WINDOW_CHARS]
                    yield make_edit(text, s, e, "\n\n" if "\n\n" in window else "\n", "PG003",
                                    "a form feed inside a line")
                continue  # between two lines of text: LB decides (join, or paragraph break)
            # The page break becomes the text's line break (a blank line where the text puts
            # one between its lines or paragraphs); LB then decides whether it is a wrap.
            window = text[max(0, s - SEPARATOR_WINDOW_CHARS):e + SEPARATOR_WINDOW_CHARS]
            sep = "\n\n" if window.count("\n\n") * 2 >= 0.6 * window.count("\n") else "\n"
            lo, hi = s, e
            while lo > 0 and text[lo - 1] == "\n":
                lo -= 1
            while hi < len(text) and text[hi] == "\n":
                hi += 1
            if lo == 0 or hi == len(text):
                yield make_edit(text, s, e, "", "PG003", "a form feed at the start or end of the text")
                continue
            yield make_edit(text, lo, hi, sep, "PG003", "a form feed between pages")


def _line_index(lines: list[Line], pos: int) -> int:
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


NORMALIZER = Normalizer("pagination", RULES, find_page_furniture, __doc__ or "")

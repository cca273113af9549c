"""PW — punctuation flattened to ASCII or mangled inside Chinese text.

What it finds
    ASCII ``, ; : ? !`` next to Chinese characters (``他强调,深入推进``), a ``.`` ending a
    Chinese sentence, ASCII parentheses and straight quotes around Chinese text
    (``(简称"宝塔消防救援站")``), doubled marks (``，，`` ``。。`` ``、、``), ellipses typed as
    ``...`` / ``。。。`` / a single ``…``, dashes typed as ``--`` / ``－－`` / ``――`` (and a single
    ``—`` between Chinese characters, for review), OCR's ``一一`` where ``——`` belongs (for
    review), spaces before Chinese punctuation or just inside full-width brackets, and
    unbalanced quotes or brackets in a paragraph (reported, never guessed).
Where it comes from
    Converters and OCR engines that map full-width punctuation to ASCII (tesseract's Chinese
    model does it on clean pages: ``；`` -> ``;`` 119 of 140, ``：`` -> ``:`` 70 of 71,
    ``）`` -> ``)`` 54 of 54), text typed on an English keyboard layout, and text layers whose
    glyph positions leave a space in front of a full-width mark.
Example
    ``他强调,深入推进(长三角)一体化`` -> ``他强调，深入推进（长三角）一体化``
Safety
    A mark is converted only when a Chinese character (or full-width punctuation) sits next
    to it; the mainland norm (GB/T 15834) then has exactly one form, so the conversion is
    ``safe``.  Pairs (quotes, brackets) are converted only when they pair up inside the line.
    A single ``—`` between Chinese characters may be a connector (``北京—上海``, GB/T 15834
    4.13), ``一一`` is usually the word (``一一对应``), and an odd run of ``…`` may be a
    truncated double ellipsis: these are ``review``.  Unbalanced quotes are ``report``.
Left alone
    Punctuation inside numbers, times, dates and versions (``1,000`` ``3.5%`` ``08:52``
    ``2020/08/23`` ``v1.2``), URLs, e-mail addresses, file paths, code spans in backticks,
    markdown link targets, Latin-only phrases (``e.g.``, ``Hello, world``), list numbers
    (``1.将`` ``j)``), a single ``-`` (a connector: ``中国-东盟``), correct ``……`` ``——``
    ``…………``, repeated ``？？`` ``！！`` (emphasis), and lines that look like code or JSON.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import Iterator, NamedTuple

import regex

from ..charclass import _CJK_MEMO, HAN_PUNCT_CHARS, is_cjk, is_han, repeated_chars
from ..edits import Edit, Safety, _new_object, _Unfrozen, make_edit
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("PW001", "halfwidth-punctuation-in-han-context",
         "An ASCII , ; : ? ! next to Chinese text (becomes the full-width mark).",
         ("他强调,深入推进;要完整:好吗?好!", "他强调，深入推进；要完整：好吗？好！")),
    Rule("PW002", "halfwidth-full-stop-after-han", "An ASCII . ending a Chinese sentence (becomes 。).",
         ("座谈会并发表重要讲话.他强调", "座谈会并发表重要讲话。他强调")),
    Rule("PW003", "halfwidth-parentheses-around-han", "ASCII ( ) pairing up around or next to Chinese text.",
         ("宝塔消防救援站(简称宝塔站)先进事迹", "宝塔消防救援站（简称宝塔站）先进事迹")),
    Rule("PW004", "straight-quotes-around-han", 'Straight quotes " \' pairing up around Chinese text.',
         ('授予他们"时代楷模"称号', "授予他们\N{LEFT DOUBLE QUOTATION MARK}时代楷模\N{RIGHT DOUBLE QUOTATION MARK}称号")),
    Rule("PW005", "doubled-punctuation", "A doubled ，、；： or 。。 (collapses to one).",
         ("深入推进，，长三角", "深入推进，长三角")),
    Rule("PW006", "nonstandard-ellipsis", "An ellipsis typed as ..., 。。。, ⋯⋯ or a single … (becomes ……).",
         ("等等...", "等等\N{HORIZONTAL ELLIPSIS}\N{HORIZONTAL ELLIPSIS}")),
    Rule("PW007", "nonstandard-dash", "A dash typed as --, －－, ―― or a lone — between Chinese text (becomes ——).",
         ("目标--建设", "目标\N{EM DASH}\N{EM DASH}建设")),
    Rule("PW008", "yi-yi-for-dash", "OCR's 一一 where a dash —— belongs (reported for review).",
         ("一一经济总量稳步提升", "一一经济总量稳步提升")),
    Rule("PW009", "space-inside-han-punctuation",
         "A space before a full-width mark, after one, or just inside a full-width bracket.",
         ("发展 ，推进（ 简称 ）", "发展，推进（简称）")),
    Rule("PW010", "unbalanced-quotes-or-brackets", "A quote or bracket without its partner in the paragraph (reported).",
         ("做强\N{LEFT DOUBLE QUOTATION MARK}G60\N{RIGHT DOUBLE QUOTATION MARK}联盟+平台\N{RIGHT DOUBLE QUOTATION MARK}体系",
          "做强\N{LEFT DOUBLE QUOTATION MARK}G60\N{RIGHT DOUBLE QUOTATION MARK}联盟+平台\N{RIGHT DOUBLE QUOTATION MARK}体系")),
)

# --- character classes -------------------------------------------------------------------
LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
LSQ, RSQ = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"
FW_LPAREN, FW_RPAREN = "\N{FULLWIDTH LEFT PARENTHESIS}", "\N{FULLWIDTH RIGHT PARENTHESIS}"
ELLIPSIS2 = "\N{HORIZONTAL ELLIPSIS}" * 2
DASH2 = "\N{EM DASH}" * 2

_FULLWIDTH_OF = {
    ",": "\N{FULLWIDTH COMMA}", ";": "\N{FULLWIDTH SEMICOLON}", ":": "\N{FULLWIDTH COLON}",
    "?": "\N{FULLWIDTH QUESTION MARK}", "!": "\N{FULLWIDTH EXCLAMATION MARK}",
}
_CJK_CTX_RE = regex.compile(r"[\p{Han}" + regex.escape(HAN_PUNCT_CHARS) + "]")
_HAN_RE = regex.compile(r"\p{Han}")
# Marks that close or sit inside a sentence: no space goes before them.
_CLOSERS = (
    "\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC FULL STOP}\N{IDEOGRAPHIC COMMA}\N{FULLWIDTH SEMICOLON}"
    "\N{FULLWIDTH COLON}\N{FULLWIDTH QUESTION MARK}\N{FULLWIDTH EXCLAMATION MARK}"
    "\N{FULLWIDTH RIGHT PARENTHESIS}\N{RIGHT BLACK LENTICULAR BRACKET}\N{RIGHT DOUBLE ANGLE BRACKET}"
    "\N{RIGHT ANGLE BRACKET}\N{RIGHT CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}"
    "\N{RIGHT TORTOISE SHELL BRACKET}" + RDQ + RSQ
)
# Marks after which a following space is redundant (their glyph already carries the space).
_SPACED_AFTER = (
    "\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC FULL STOP}\N{IDEOGRAPHIC COMMA}\N{FULLWIDTH SEMICOLON}"
    "\N{FULLWIDTH COLON}\N{FULLWIDTH QUESTION MARK}\N{FULLWIDTH EXCLAMATION MARK}"
)
_OPENERS = (
    "\N{FULLWIDTH LEFT PARENTHESIS}\N{LEFT BLACK LENTICULAR BRACKET}\N{LEFT DOUBLE ANGLE BRACKET}"
    "\N{LEFT ANGLE BRACKET}\N{LEFT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}"
    "\N{LEFT TORTOISE SHELL BRACKET}" + LDQ + LSQ
)
# Pairs checked for balance (PW010).
_PAIRS = {
    LDQ: RDQ, LSQ: RSQ, FW_LPAREN: FW_RPAREN,
    "\N{LEFT DOUBLE ANGLE BRACKET}": "\N{RIGHT DOUBLE ANGLE BRACKET}",
    "\N{LEFT BLACK LENTICULAR BRACKET}": "\N{RIGHT BLACK LENTICULAR BRACKET}",
    "\N{LEFT CORNER BRACKET}": "\N{RIGHT CORNER BRACKET}",
    "\N{LEFT WHITE CORNER BRACKET}": "\N{RIGHT WHITE CORNER BRACKET}",
}
_CLOSER_OF = {v: k for k, v in _PAIRS.items()}
_PAREN_CHARS = regex.compile("[()\N{FULLWIDTH LEFT PARENTHESIS}\N{FULLWIDTH RIGHT PARENTHESIS}]")
# Quotes may stay open at a paragraph end when the next paragraph opens again (GB/T 15834 4.1.3.5).
_CONTINUABLE = (LDQ, LSQ, "\N{LEFT CORNER BRACKET}", "\N{LEFT WHITE CORNER BRACKET}")

_HSPACE = " \t\N{NO-BREAK SPACE}"

# Anything this normalizer could act on; clean GB/T text has (almost) none of it, so clean
# text costs one regex scan.  ``.`` counts only next to Han (decimals are everywhere).
_TRIGGER = regex.compile(
    r"[,;:?!()\"'\-－―─⋯]|\.\.|\.(?=\r?\n|\r?\Z)|(?<=[\p{Han}" + regex.escape(_CLOSERS) + r"])\.|\.(?=\p{Han})"
    r"|[，、；：]{2}|。。|(?<!…)…(?!…)|……(?:…(?!…)|(?=…{3}))|(?<!—)—(?!—)|一一"
    r"|[ \t\u00a0][" + regex.escape(_CLOSERS) + r"]|[" + regex.escape(_OPENERS + _SPACED_AFTER) + r"][ \t\u00a0]"
    r"|[“”‘’（）《》【】「」『』]"
)

# Spans no rule may touch: URLs, e-mail addresses, code spans, markdown link targets, paths.
_PROTECTED = regex.compile(
    r"(?:https?|ftp|file)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*[A-Za-z0-9/#=_\-]"
    r"|www\.[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*[A-Za-z0-9/#=_\-]"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|`[^`\n]+`"
    r"|\]\([^)\s]*\)"
    r"|\b[A-Za-z]:\\[^\s，。；]*"
    r"|(?<![\w/.])(?:\.{0,2}/)?(?:[\w.-]+/){2,}[\w.-]*"
)


def _protect_hint(line: str) -> bool:
    r"""Could _PROTECTED match in ``line``?  Each of its alternatives holds one of these.

    ``in`` tests: ~0.2 us a line, where the pattern ``[/@`\\]|www\.|\](`` took ~1.
    """
    return ("/" in line or "@" in line or "`" in line or "\\" in line or "www." in line
            or "](" in line)


# A line that looks like code or JSON: its quotes and brackets are syntax, not typography.
_CODE_LIKE = regex.compile(r"[\"']\s*[:=]\s*[\"'\[{0-9]|[{\[]\s*[\"']|[\"']\s*[}\]]|^\s*(?:def|class|import|return|var|let|const|function)\b|[;{}]\s*$|==|=>|->|\+=")
# ASCII content that reads as text, not mathematics or code, inside parentheses: (GDP) (1) (2020) (PM2.5).
_PLAIN_PAREN_CONTENT = regex.compile(r"[\p{L}\p{N} .%·&/]*")

# A run of ASCII dots, ideographic full stops, ellipsis characters or midline ellipses.
# The marks PW001 / PW002 read: a stdlib character-set scan (the ``regex`` pattern
# ``[,;:?!]|(?<!\.)\.(?!\.)`` ran ~20 ns a character on seed 000's lines); a ``.`` next to
# another ``.`` (an ellipsis, PW006) is dropped in Python.
_MARK_CHARS = re.compile(r"[,;:?!.]")
_ELLIPSIS_RUN = regex.compile(r"\.{2,}|。{3,}|…+|⋯+|·{3,}")
_DASH_RUN = regex.compile(r"-{2,3}|－{2}|[―─]{2}|—(?:\s*—)+|[—―─](?![—―─])")
_DOUBLED = regex.compile(r"([，、；：])\1+|(?<!。)。。(?!。)")
_YIYI = regex.compile(r"一一")
_AFTER_CLOSE_QUOTE = RDQ + RSQ + "\N{FULLWIDTH RIGHT PARENTHESIS}\N{RIGHT DOUBLE ANGLE BRACKET}\N{RIGHT BLACK LENTICULAR BRACKET}"
_NUMERAL_HAN = "〇零一二三四五六七八九十百千万亿两"


class _Fix(NamedTuple):
    start: int
    end: int
    after: str
    rule: str
    reason: str
    safety: Safety = Safety.SAFE


def _prev_nonspace(line: str, i: int) -> tuple[str, int]:
    """The character before ``line[i]`` skipping horizontal spaces, and its index (-1: none)."""
    k = i - 1
    while k >= 0 and line[k] in _HSPACE:
        k -= 1
    return (line[k], k) if k >= 0 else ("", -1)


def _next_nonspace(line: str, j: int) -> tuple[str, int]:
    """The character at or after ``line[j]`` skipping horizontal spaces, and its index."""
    k = j
    while k < len(line) and line[k] in _HSPACE:
        k += 1
    return (line[k], k) if k < len(line) else ("", len(line))


def _in_spans(i: int, j: int, spans: list[tuple[int, int]]) -> bool:
    return any(i < b and a < j or (i == j and a < i < b) for a, b in spans)


# --- PW001 / PW002 ------------------------------------------------------------------------

def _mark_positions(line: str) -> list[int]:
    """Where ``_MARK_CHARS`` matches in ``line``, ascending: ``str.find`` per mark character
    present (a line mostly holds one kind) is ~25% faster than the ``re`` scan (seed 000's
    160 commas: ~32 -> ~26 us)."""
    positions: list[int] = []
    kinds = 0
    find = line.find
    for c in ",;:?!.":
        if c in line:
            kinds += 1
            i = find(c)
            while i >= 0:
                positions.append(i)
                i = find(c, i + 1)
    if kinds > 1:
        positions.sort()
    return positions


def _common_marks(line: str, toks: str) -> list[tuple] | None:
    """_halfwidth_marks(line, toks, True, _)'s fixes when the line's only mark character is
    one of ``, ; : ? !`` and every one of them is PW001's common case; None otherwise.

    One ``split`` and a memo lookup per mark, where the general loop spent ~0.35 us a mark
    finding, classifying and recording it (seed 000: 160 commas on 17 lines).  The line's
    marks and spaces are among its tokens, and so is each ``.`` the general loop could act
    on (any other is skipped there without touching the marks around it).
    """
    if "." in toks:
        return None
    only = ""
    for c in ",;:?!":
        if c in toks:
            if only:
                return None
            only = c
    if not only or toks.count(only) < 2:
        return None  # (one mark: the general loop is as quick, and this may fail after trying)
    cjk_memo = _CJK_MEMO.get
    first = line[line.find(only) - 1]
    if not (cjk_memo(first) or is_cjk(first)):
        return None  # (before splitting: ``08:52``, a lone mark after Latin text)
    parts = line.split(only)
    parts.pop()  # after the last mark
    after, rule, reason, safety = _PW001_TAIL[only]
    fixes = []
    i = -1
    for part in parts:
        # An empty part (the line starts with the mark, or a doubled mark) reads "": False.
        # A character not yet in the memo (a document's first use of it) is tested, so the
        # shortcut also holds on a cold memo (seed 000 in a fresh process: 15 of 16 lines
        # fell back to the general loop).
        if not (cjk_memo(part[-1:]) or is_cjk(part[-1:])):
            return None
        i += len(part) + 1
        fixes.append((i, i + 1, after, rule, reason, safety))
    if (" " in toks or "\t" in toks or "\N{NO-BREAK SPACE}" in toks) and (
            only + " " in line or only + "\t" in line or only + "\N{NO-BREAK SPACE}" in line):
        return None
    return fixes


def _halfwidth_marks(line: str, toks: str, want1: bool, want2: bool) -> tuple[list[tuple], bool]:
    """PW001 / PW002 fixes of ``line`` (whose _TOKENS matches are ``toks``), as (start, end, after, rule, reason, safety) tuples in
    position order, and whether each is PW001's common case: a mark right after CJK with no
    space after it, converted alone (seed 000: 160 commas).  Those need no sort, and prove
    that the line has Chinese and a _TRIGGER match."""
    if want1:
        fixes = _common_marks(line, toks)
        if fixes is not None:
            return fixes, True
    fixes = []
    simple = True
    n_line = len(line)
    # Positions of marks this call converts: the next mark reads one as the full-width mark it
    # becomes (、:: and 中?! in one pass, where mark-by-mark repair took a pass per mark).
    converted: set[int] = set()
    waiting: list[tuple[int, int, str]] = []  # marks right before another mark, after no CJK
    cjk_memo = _CJK_MEMO.get  # is_cjk without two calls (seed 000: 160 marks a pass)
    for i in _mark_positions(line):
        ch = line[i]
        if ch == ".":
            if line[i - 1:i] == "." or line[i + 1:i + 2] == ".":
                continue
        elif i and (cjk_memo(line[i - 1]) or is_cjk(line[i - 1])) \
                and (i + 1 == n_line or line[i + 1] not in _HSPACE):
            # The common case (a CJK character is never a digit).
            if want1:
                fixes.append((i, i + 1) + _PW001_TAIL[ch])
                converted.add(i)
            continue
        # Neighbours: a mark almost always touches non-space characters on both sides, so
        # test the adjacent ones before walking over spaces.
        if i and line[i - 1] not in _HSPACE:
            pi = i - 1
            p = line[pi]
        else:
            p, pi = _prev_nonspace(line, i)
        if i + 1 < n_line and line[i + 1] not in _HSPACE:
            ni = i + 1
            n = line[ni]
        else:
            n, ni = _next_nonspace(line, i + 1)
        if ch == ".":
            if not want2:
                continue
            # After Han (or a closing mark) and before Han, an opening mark or the line end.
            before_ok = is_han(p) or (p and p in _CLOSERS)
            if not before_ok and p and (p.isdigit() or p == "%") and ni == n_line:
                # 增长30%. at a line end: the number must follow Chinese text, not start a list.
                k = pi
                while k >= 0 and (line[k].isdigit() or line[k] in "%.,"):
                    k -= 1
                before_ok = k >= 0 and is_han(line[k])
            if not before_ok or pi != i - 1:
                continue
            if not (ni == n_line or is_han(n) or (n and n in _OPENERS)):
                continue
            fixes.append((i, ni, "\N{IDEOGRAPHIC FULL STOP}", "PW002", _PW002_REASON, _SAFE))
            simple = False
            continue
        if not want1:
            continue
        if is_cjk(p) or pi in converted:
            pass
        elif is_cjk(n) and p and ni == i + 1:
            # A Latin or digit token before a Chinese continuation: G60,长三角 / 2023年版):
            pass
        else:
            if p and ni == i + 1 and n in _FULLWIDTH_OF:
                waiting.append((i, pi, ch))  # decided below, once the marks after it are
            continue
        if p.isdigit() and n.isdigit() and pi == i - 1 and ni == i + 1:
            continue  # 1,000 / 08:52 are number-internal even next to Han
        start = pi + 1 if pi >= 0 else i
        fixes.append((start, ni, _FULLWIDTH_OF[ch], "PW001", _PW001_REASON[ch], _SAFE))
        converted.add(i)
        simple = False
    # Right to left, a mark right before a mark this call converts reads it as the full-width
    # mark it becomes, as the next pass would (o!:， in one pass, not one pass per mark).
    # ``pi != -1`` and ``ni == i + 1`` held for each; the digit test cannot hold (n is a mark).
    added = False
    for i, pi, ch in reversed(waiting):
        if i + 1 in converted:
            fixes.append((pi + 1, i + 1, _FULLWIDTH_OF[ch], "PW001", _PW001_REASON[ch], _SAFE))
            converted.add(i)
            added = True
    if added:
        fixes.sort()
        simple = False
    return fixes, simple


_SAFE = Safety.SAFE
# Constant reasons, built once rather than per edit.
_PW001_REASON = {ch: f"ASCII {ch!r} next to Chinese text" for ch in _FULLWIDTH_OF}
_PW002_REASON = "ASCII full stop ending a Chinese sentence"
_PW001_TAIL = {ch: (_FULLWIDTH_OF[ch], "PW001", _PW001_REASON[ch], _SAFE) for ch in _FULLWIDTH_OF}


# --- PW003 parentheses --------------------------------------------------------------------

def _parentheses(line: str) -> Iterator[_Fix]:
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _PAREN_CHARS.finditer(line):
        i, ch = m.start(), m.group()
        if ch in "(\N{FULLWIDTH LEFT PARENTHESIS}":
            stack.append(i)
        elif ch in ")\N{FULLWIDTH RIGHT PARENTHESIS}":
            if stack:
                pairs.append((stack.pop(), i))
    for a, b in pairs:
        if line[a] != "(" and line[b] != ")":
            continue
        content = line[a + 1:b]
        if line[a] != "(" or line[b] != ")":
            # One half is already full-width: the ASCII half is the odd one out.
            ok = _HAN_RE.search(content) is not None or is_cjk(line[a - 1:a]) or is_cjk(line[b + 1:b + 2])
        elif _HAN_RE.search(content):
            ok = True
        else:
            outside = is_cjk(_prev_nonspace(line, a)[0]) or is_cjk(_next_nonspace(line, b + 1)[0])
            glued = a > 0 and line[a - 1].isascii() and line[a - 1].isalnum()  # f(x), max(a,b)
            ok = (outside and not glued and bool(content.strip())
                  and _PLAIN_PAREN_CONTENT.fullmatch(content) is not None)
        if not ok:
            continue
        if line[a] == "(":
            yield _Fix(a, a + 1, FW_LPAREN, "PW003", "ASCII parenthesis around Chinese text")
        if line[b] == ")":
            yield _Fix(b, b + 1, FW_RPAREN, "PW003", "ASCII parenthesis around Chinese text")


# --- PW004 quotes -------------------------------------------------------------------------

_QUOTE_CHARS = {'"': regex.compile('["\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]'),
                "'": regex.compile("['\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}]")}


def _pair_quotes(line: str, straight: str, left: str, right: str) -> tuple[list[tuple[int, int]], bool]:
    """Pair quotes left to right; returns (pairs involving a straight quote, balanced?)."""
    pairs = []
    open_at: int | None = None
    for m in _QUOTE_CHARS[straight].finditer(line):
        i, ch = m.start(), m.group()
        if ch == straight:
            if straight == "'" and 0 < i < len(line) - 1 and line[i - 1].isalpha() and line[i + 1].isalpha() \
                    and line[i - 1].isascii() and line[i + 1].isascii():
                continue  # don't, it's: an apostrophe
            if open_at is None:
                open_at = i
            else:
                # A straight quote closing a curly opener (“中") pairs with it too.
                pairs.append((open_at if open_at >= 0 else -open_at - 1, i))
                open_at = None
        elif ch == left:
            if open_at is not None:
                return [], False  # nested or mixed: leave it to a human (PW010 reports)
            open_at = -i - 1  # a curly opener, encoded negative
        elif ch == right:
            if open_at is None:
                return [], False
            if open_at >= 0:
                pairs.append((open_at, i))
            open_at = None
    return [p for p in pairs if line[p[0]] == straight or line[p[1]] == straight], open_at is None


def _quotes(line: str) -> Iterator[_Fix]:
    if _CODE_LIKE.search(line):
        return
    for straight, left, right in (('"', LDQ, RDQ), ("'", LSQ, RSQ)):
        if straight not in line:
            continue
        pairs, balanced = _pair_quotes(line, straight, left, right)
        if not balanced:
            continue
        for a, b in pairs:
            content = line[a + 1:b]
            if not (_HAN_RE.search(content)
                    or (content.strip() and (is_cjk(line[a - 1:a]) or is_cjk(line[b + 1:b + 2])))):
                continue
            if line[a] == straight:
                yield _Fix(a, a + 1, left, "PW004", "straight quote opening Chinese text")
            if line[b] == straight:
                yield _Fix(b, b + 1, right, "PW004", "straight quote closing Chinese text")


# --- PW005 – PW008 ------------------------------------------------------------------------

def _doubled(line: str) -> Iterator[_Fix]:
    for m in _DOUBLED.finditer(line):
        yield _Fix(m.start(), m.end(), m.group()[0], "PW005", f"doubled {m.group()[0]}")


def _ellipses(line: str) -> Iterator[_Fix]:
    for m in _ELLIPSIS_RUN.finditer(line):
        i, j = m.span()
        run = m.group()
        p, n = line[i - 1:i], line[j:j + 1]
        if run[0] == "…" and len(run) % 2 == 0:
            continue  # …… and ………… are the standard forms
        if run[0] == "." or run[0] == "·":
            # ASCII dots: only in Chinese context, never after a Latin word or inside numbers.
            if not (is_cjk(p) or (not p.strip() and is_cjk(n)) or (is_cjk(n) and not p.isalnum())):
                continue
        elif not (is_cjk(p) or is_cjk(n) or not p.strip() or not n.strip()):
            continue
        safety = Safety.SAFE
        if (run[0] == "…" and len(run) >= 3) or run == "..":
            safety = Safety.REVIEW  # a truncated double ellipsis, or two stray dots
        yield _Fix(i, j, ELLIPSIS2, "PW006", f"ellipsis typed as {run!r}", safety)


def _dashes(line: str) -> Iterator[_Fix]:
    for m in _DASH_RUN.finditer(line):
        i, j = m.span()
        run = m.group()
        p, n = line[i - 1:i], line[j:j + 1]
        if run in ("——",):
            continue
        left_ok = is_cjk(p) or (i == 0 or not line[:i].strip())
        right_ok = is_cjk(n)
        if not (left_ok and right_ok):
            continue
        if len(run) == 1:
            if run != "\N{EM DASH}" or not (is_han(p) and is_han(n)):
                continue
            yield _Fix(i, j, DASH2, "PW007", "a single em dash between Chinese text: a dash (——) or a connector (—)?",
                       Safety.REVIEW)
            continue
        yield _Fix(i, j, DASH2, "PW007", f"dash typed as {run!r}")


def _yiyi(line: str) -> Iterator[_Fix]:
    """一一 where the layout says dash: at a line start, or touching punctuation."""
    for m in _YIYI.finditer(line):
        i, j = m.span()
        p, n = line[i - 1:i], line[j:j + 1]
        if (p and p in _NUMERAL_HAN) or (n and n in _NUMERAL_HAN) or p.isdigit() or n.isdigit():
            continue  # 一九一一年, 十一一
        at_start = not line[:i].strip()
        # A dash after a closing quote or bracket (”——); after ， or 、 the word is as likely.
        if at_start or (p and p in _AFTER_CLOSE_QUOTE):
            yield _Fix(i, j, DASH2, "PW008", "一一 where a dash —— would fit (OCR confuses them)", Safety.REVIEW)


# --- PW009 spaces -------------------------------------------------------------------------

_SPACE_BEFORE_CLOSER = regex.compile(r"(?<=\S)[ \t\u00a0]+(?=[" + regex.escape(_CLOSERS) + "])")
_SPACE_AFTER_OPENER = regex.compile(r"(?<=[" + regex.escape(_OPENERS) + r"])[ \t\u00a0]+(?=\S)")
_SPACE_AFTER_MARK = regex.compile(r"(?<=[" + regex.escape(_SPACED_AFTER) + r"])[ \t\u00a0]+(?=\S)")


def _spaces(line: str) -> Iterator[_Fix]:
    for rx, why in ((_SPACE_BEFORE_CLOSER, "space before a full-width mark"),
                    (_SPACE_AFTER_OPENER, "space just inside a full-width bracket"),
                    (_SPACE_AFTER_MARK, "space after a full-width mark")):
        for m in rx.finditer(line):
            yield _Fix(m.start(), m.end(), "", "PW009", why)


# --- PW010 balance ------------------------------------------------------------------------

def _balance(line: str, brackets: str | None = None) -> tuple[list[int], list[tuple[int, str]]]:
    """Openers left open and (closer, problem) pairs of one line.

    ``brackets``: the line's quotes and brackets of _PAIRS in order, when known (the line's
    tokens hold them); each is then found by ``str.find`` from the one before, not by a
    scan of the whole line (seed 004's 310-character line: ~3.3 -> ~2 us).
    """
    if brackets is None:
        brackets = "".join(_BRACKET_GATE.findall(line))
    stack: list[int] = []
    bad: list[tuple[int, str]] = []
    i = -1
    for ch in brackets:
        i = line.find(ch, i + 1)
        if ch in _PAIRS:
            stack.append(i)
        elif ch in _CLOSER_OF:
            if ch == RSQ and 0 < i < len(line) - 1 and line[i - 1].isalpha() and line[i + 1].isalpha():
                continue  # don’t: an apostrophe
            opener = _CLOSER_OF[ch]
            if stack and line[stack[-1]] == opener:
                stack.pop()
            elif any(line[k] == opener for k in stack):
                # Crossed pairs 「（」）: report the inner opener left open, then close the outer.
                while line[stack[-1]] != opener:
                    k = stack.pop()
                    bad.append((k, f"{line[k]} is not closed before {ch}"))
                stack.pop()
            else:
                bad.append((i, f"{ch} closes nothing opened in this paragraph"))
    return stack, bad


def _unbalanced(line: str, prev_line: str, next_line: str, brackets: str) -> Iterator[_Fix]:
    open_left, bad = _balance(line, brackets)
    if not open_left and not bad:
        return
    # A pair split by a hard line wrap (《浙江\n省测绘管理条例》) is the line rules' business.
    # The neighbours are walked only when a finding needs them (seed 004: a 300-character
    # paragraph around a stray closer).
    prev_open = None
    for k, why in bad:
        if "closes nothing" in why:
            if prev_open is None:
                prev_open = {prev_line[k] for k in _balance(prev_line)[0]} if prev_line else set()
            if _CLOSER_OF[line[k]] in prev_open:
                continue
        yield _Fix(k, k + 1, line[k], "PW010", why, Safety.REPORT)
    if not open_left:
        return
    nxt = next_line.lstrip(" \t\N{IDEOGRAPHIC SPACE}")
    next_closers = {next_line[k] for k, why in _balance(next_line)[1] if "closes nothing" in why} if next_line else set()
    for k in open_left:
        if line[k] in _CONTINUABLE and nxt[:1] == line[k]:
            continue  # a quotation running on into the next paragraph
        if _PAIRS[line[k]] in next_closers:
            continue
        yield _Fix(k, k + 1, line[k], "PW010", f"{line[k]} is never closed in this paragraph", Safety.REPORT)


# --- the finder ---------------------------------------------------------------------------

_BRACKET_GATE = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSER_OF)) + "]")  # _balance


def _may_be_unbalanced(brackets: str) -> bool:
    """False when _balance certainly finds nothing: the line's quotes and brackets
    ``brackets`` pair up.

    Removing adjacent pairs until none is left empties exactly the sequences _balance walks
    without a finding; this costs ~1 us where _unbalanced cost ~6 (seed 000: 8 such lines).
    """
    if RSQ in brackets:
        return True  # an apostrophe ’ is skipped by _balance; let it walk
    return bool(_without_pairs(brackets))


# _TRIGGER, decided mostly by stdlib scans and ``in`` tests (the ``regex`` search ran ~40 ns
# a character on a line it did not match: 15 us for seed 000's 365-character line holding
# one space).  A character of _TRIGGER's first and last alternatives, a doubled mark, or a
# space touching a full-width mark is a match by itself; only a line whose sole candidates
# are ``.``, ``…`` or ``—`` (matches in some contexts only) is left to _TRIGGER.
_TRIGGER_CHAR = re.compile(r"[,;:?!()\"'\-－―─⋯“”‘’（）《》【】「」『』]")
_MIXED_DOUBLE = re.compile("[，、；：][，、；：]")  # (not {2}: 2x slower in re)
_BEFORE_SPACE = frozenset(_OPENERS + _SPACED_AFTER)
_AFTER_SPACE = frozenset(_CLOSERS)


def _space_by_mark(line: str) -> bool:
    """Is a horizontal space right after an opener or a spaced mark, or right before a
    closer?  Every PW009 match (and _TRIGGER's space alternatives) needs one.

    ``str.find`` per space: a line holds a few, and the ``re`` set ``[ \t\xa0]+`` scanned
    at ~8 ns a character.  (Inside a run of spaces both neighbours are spaces, so testing
    each space tests each run's two ends.)
    """
    for sp in _HSPACE:
        i = line.find(sp)
        while i >= 0:
            if (i and line[i - 1] in _BEFORE_SPACE) or line[i + 1:i + 2] in _AFTER_SPACE:
                return True
            i = line.find(sp, i + 1)
    return False


def _has_trigger(line: str) -> bool:
    """``_TRIGGER.search(line) is not None``."""
    if _TRIGGER_CHAR.search(line) is not None or "一一" in line or "。。" in line:
        return True
    if (" " in line or "\t" in line or "\N{NO-BREAK SPACE}" in line) and _space_by_mark(line):
        return True
    if _MIXED_DOUBLE.search(line) is not None:
        return True
    if "." in line or "…" in line or "—" in line:
        return _TRIGGER.search(line) is not None
    return False


def _line_fixes(line: str, raw: list[str], k: int, sel: frozenset, toks: str,
                doubled: str, marks: tuple[list[tuple], bool] | None = None,
                pairs: list[_Fix] | None = None) -> tuple[list[tuple], bool]:
    """The line's fixes, as (start, end, after, rule, reason, safety) tuples in arrival
    order, and whether that order is already sorted and disjoint; ([], True) when the line
    has no _TRIGGER match.

    ``line`` is ``raw[k]`` without its ``\r`` (PW010 reads the lines around it, cut only
    then); ``toks`` is the line's _TOKENS matches joined, ``doubled`` its doubled marks (see
    _token_lines, _doubled_lines); ``sel`` the selected rule codes; ``marks`` the line's
    _halfwidth_marks, ``pairs`` its _converting, when already found.
    """
    # Each sub-rule is skipped when the tokens its pattern starts from are absent: ``in``
    # tests on the line's few tokens instead of a ``regex`` scan (or a dozen substring
    # searches) of the line -- seed 000's 19 candidate lines ran ~4 us each through them.
    if marks is not None:
        fixes, simple = marks
    elif _MARK_CHARS.search(toks) is not None:  # every ASCII , ; : ? ! and each . PW002 reads
        fixes, simple = _halfwidth_marks(line, toks, "PW001" in sel, "PW002" in sel)
    else:
        fixes, simple = [], True
    rest = toks.strip(",;:?! \t\N{NO-BREAK SPACE}")
    brackets = "".join(_BRACKET_GATE.findall(rest)) if rest else ""  # the line's, in order
    # The tokens are ASCII marks, spaces, and quotes and brackets alone; no space touches a
    # full-width mark, and the quotes and brackets pair up: only PW001 / PW002 have anything
    # to act on, so no other sub-rule need look (seed 000: 18 of 19 candidate lines, ~1 us
    # each; a line whose only token is a space skips the _TRIGGER test too, ~1-4 us).
    unpaired = bool(brackets) and "PW010" in sel and _may_be_unbalanced(brackets)
    only_marks = not doubled and not unpaired and _OTHER_TOKEN.search(rest) is None and not (
        "PW009" in sel and (" " in toks or "\t" in toks or "\N{NO-BREAK SPACE}" in toks)
        and _space_by_mark(line))
    if only_marks and not fixes:
        return [], True
    if not (fixes and simple):
        # (A mark in the common case is a _TRIGGER match next to Chinese.)
        if not (_TRIGGER_CHAR.search(toks) is not None or _has_trigger(line)) \
                or _CJK_CTX_RE.search(line) is None:
            return [], True  # no Chinese: nothing is in Chinese context
    n_marks = len(fixes)
    protected = [m.span() for m in _PROTECTED.finditer(line)] if _protect_hint(line) else []
    if only_marks:
        if protected:
            fixes = [f for f in fixes if not _in_spans(f[0], f[1], protected)]
        return fixes, simple
    converting = _converting(line, sel, toks) if pairs is None else pairs
    fixes.extend(converting)
    if doubled:
        if "PW005" in sel and ("，" in doubled or "、" in doubled or "；" in doubled or "：" in doubled
                               or "。" in doubled):  # _DOUBLED
            fixes.extend(_doubled(line))
    if "PW006" in sel and (".." in toks or "…" in toks or "⋯" in toks or "···" in toks
                           or "。" in doubled):  # _ELLIPSIS_RUN (。。。 is a doubled 。)
        fixes.extend(_ellipses(line))
    if "PW007" in sel and _DASH_TOKEN.search(toks) is not None:  # _DASH_RUN
        fixes.extend(_dashes(line))
    if "PW008" in sel and "一" in doubled:
        fixes.extend(_yiyi(line))
    if "PW009" in sel and (" " in toks or "\t" in toks or "\N{NO-BREAK SPACE}" in toks) \
            and _space_by_mark(line):
        fixes.extend(_spaces(line))
    # Only once the ASCII pairs are converted, so the report sees the final marks.
    if unpaired and not converting:
        prev_line = _without_cr(raw[k - 1]) if k else ""
        next_line = _without_cr(raw[k + 1]) if k + 1 < len(raw) else ""
        fixes.extend(_unbalanced(line, prev_line, next_line, brackets))
    ordered = simple and len(fixes) == n_marks  # nothing but the common case
    if protected:
        fixes = [f for f in fixes if not _in_spans(f[0], f[1], protected)]
    return fixes, ordered


# A token none of PW001, PW002, PW009 and PW010 reads.
_OTHER_TOKEN = re.compile("[^,;:?! \t\N{NO-BREAK SPACE}" + re.escape("".join(_PAIRS) + "".join(_CLOSER_OF)) + "]")


def _converting(line: str, sel: frozenset, toks: str) -> list[_Fix]:
    """PW003 / PW004: the line's ASCII parentheses and straight quotes to convert."""
    converting: list[_Fix] = []
    if "PW003" in sel and ("(" in toks or ")" in toks):
        converting.extend(_parentheses(line))
    if "PW004" in sel and ('"' in toks or "'" in toks):
        converting.extend(_quotes(line))
    return converting


# A dash character of a _DASH_RUN match among a line's tokens: ``--`` and ``－－`` are tokens,
# ``―`` ``─`` ``—`` single ones, and a standard ``——`` (which _dashes leaves alone) is not
# one, so lines whose only dashes are correct ones skip _dashes.
_DASH_TOKEN = re.compile("[-－―─—]")


# Prefilter.  Every token a sub-rule needs before it can yield anything: the ASCII marks,
# quotes and parentheses (PW001-PW004), a ``.`` that could end a sentence (PW002: followed by
# the line end, Han or an opener, all of which are >= U+2018) or start ``..`` (PW006),
# doubled marks (PW005, PW006 ``。。。``), ellipsis and dash characters (PW006, PW007), ``一一``
# (PW008), horizontal spaces (PW009); plus the quotes and brackets PW010 pairs up and
# ``\n`` so the tokens can be split back into lines.  Every alternative starts with a
# literal, so stdlib ``re`` skips through the text on a first-character set: ~330 MB/s on
# news_clean.txt, where ``_TRIGGER`` per line ran at ~100 MB/s.  Keep it in step with the
# sub-rules' patterns below.
#
# A standard dash ``——`` (exactly two em dashes, no further dash after white space) is one
# token, dropped before the tokens are joined: _DASH_RUN leaves that run alone and no other
# sub-rule reads ``—`` (news_clean: most of its 219 candidate lines held only a dash).  It
# is tried first at each ``—``, and the scan reaches every run at its first dash since
# ``—`` is itself a token; a longer run leaves a ``—`` token behind.  (``\s`` here covers
# the ``regex`` module's ``\s`` of _DASH_RUN.  A group to drop it in findall would have
# cost re its first-character skip: 10x slower.)
_STANDARD_DASH = DASH2
_TOKENS = re.compile("|".join(
    ["——(?!\\s*—)"]
    + [re.escape(c) for c in "\n" + "".join(_PAIRS) + "".join(_CLOSER_OF)]
    + [re.escape(c) for c in ",;:?!()\"'―─—⋯… \t\u00a0"]
    + [re.escape(t) for t in ("--", "－－", "···")]
    + [r"\.(?:\.|(?=[ \t\u00a0]*(?:[\r\n]|\Z|[^\x00-\u2017])))"]
))
# The doubled marks (PW005, PW006 ``。。。``, PW008 ``一一``) are not in _TOKENS: their first
# characters (，、。一) are among the commonest in Chinese, and re tried the second character
# at each one (_TOKENS took 13.6 ms on news_clean with them, 3.9 without).  They come from
# the repeated-character scan the duplicates finder makes anyway (shared for the same text),
# or a scan of their own when this finder is about to change the text (_doubled_lines).
# None of their characters starts another token, so leaving them out changes no other match.
_DOUBLED_MARKS = frozenset("，、；：。一")
# Adjacent pairs; removing them until none is left empties exactly the bracket sequences
# that _balance walks without a finding (the stack discipline), line by line since ``\n``
# is never removed.
_ADJACENT_PAIRS = tuple(o + c for o, c in _PAIRS.items())


def _without_pairs(tokens: str) -> str:
    """``tokens`` with adjacent pairs removed until none is left.

    What is left does not depend on the order of removal (no pair's closer opens another),
    so ``str.replace`` of the pairs present, one after the other, does it: ~0.5 us a round
    where a ``re`` substitution of all pairs took 1-2 (seed 004's 147 tokens).
    """
    while True:
        n = len(tokens)
        for pair in _ADJACENT_PAIRS:
            if pair in tokens:
                tokens = tokens.replace(pair, "")
        if len(tokens) == n:
            return tokens


def _token_lines(text: str) -> tuple[list[int], str]:
    """Indices of the ``\n``-separated lines holding a token some sub-rule may act on (or
    quotes and brackets that do not pair up), and the _TOKENS matches joined (``\n`` is
    one, so ``.split("\n")`` gives each line's)."""
    found = _TOKENS.findall(text)
    tokens = "".join(found)
    if _STANDARD_DASH in tokens:  # (or two ``—`` tokens in a row: a test of the joined tokens)
        tokens = "".join([t for t in found if t != _STANDARD_DASH])
    if not tokens.strip("\n"):
        return [], tokens
    rest = _without_pairs(tokens)
    if not rest.strip("\n") and RSQ not in tokens:
        return [], tokens  # clean text: every line's brackets pair up, nothing else to look at
    per_line = tokens.split("\n")
    if RSQ in tokens:
        # An apostrophe ’ is skipped by _balance, so pairing proves nothing on its line;
        # such lines are walked (before: every line of the text).
        return [k for k, (part, orig) in enumerate(zip(rest.split("\n"), per_line))
                if part or RSQ in orig], tokens
    parts = rest.split("\n")
    return list(compress(range(len(parts)), parts)), tokens  # the lines with a part left


# The doubled marks alone: ~60% of the cost of charclass.repeated_chars' ``(.)\1``.
_DOUBLED_MARK_RE = re.compile(r"([，、；：。一])\1")


def _doubled_lines(text: str, shared: bool) -> dict[int, str]:
    """Line index -> the characters of _DOUBLED_MARKS written twice on that line.

    ``shared``: read charclass.repeated_chars, which the duplicates finder then reuses for
    free when this text reaches it unchanged; otherwise (this finder is about to change the
    text, so duplicates scans the new one) scan for the marks alone.  Both give the same
    marks: a match of ``(.)\1`` never spans two different characters, so within a run of one
    mark both scans start at the run's first character.
    """
    doubled: dict[int, str] = {}
    hits = (repeated_chars(text) if shared
            else [(m.start(), m.group(1)) for m in _DOUBLED_MARK_RE.finditer(text)])
    line, pos = 0, 0
    for j, ch in hits:
        if ch in _DOUBLED_MARKS:
            line += text.count("\n", pos, j)
            pos = j
            if line in doubled:
                if ch not in doubled[line]:
                    doubled[line] += ch
            else:
                doubled[line] = ch
    return doubled


def _without_cr(line: str) -> str:
    return line[:-1] if line.endswith("\r") else line


def find_punctuation(text: str, ctx: Context) -> Iterator[Edit]:
    """Find PW001–PW010 edits in ``text``.

    >>> from cleantext_zh import clean
    >>> clean("他强调,深入推进(长三角)一体化", select="PW")
    '他强调，深入推进（长三角）一体化'
    """
    # Candidate lines: those holding a token (_token_lines) or a doubled mark
    # (_doubled_lines); any other line has nothing a sub-rule could act on, and its quotes
    # and brackets pair up (so PW010 has nothing to report).
    lines, tokens = _token_lines(text)
    sel = ctx.selected
    if not lines:
        # Clean text (news_clean: 690 of 705 documents): only doubled marks may be left.
        doubled = _doubled_lines(text, shared=True)
        if not doubled:
            return
        raw = text.split("\n")
        per_line = tokens.split("\n")
        lines = list(doubled)  # in line order
        marks: dict[int, tuple[list[tuple], bool]] = {}
        pairs = {}
    else:
        # (No whole-text _TRIGGER scan: a line's match is a match of the text, as the
        # pattern reads no further than the line end, so the per-line scans decide alone.)
        raw = text.split("\n")
        per_line = tokens.split("\n")
        marks = {}
        pairs: dict[int, list[_Fix]] = {}
        changing = False
        want1, want2 = "PW001" in sel, "PW002" in sel
        # PW001 - PW004 first: a fix means the text changes (seed 000 and 002 pass 1), so the
        # doubled-mark scan below need not be the one duplicates shares.  (Found results are
        # kept for _line_fixes; the lines after the first fix are left to it.)
        for k in lines:
            if changing:
                break
            toks = per_line[k]
            if (want1 or want2) and _MARK_CHARS.search(toks) is not None:  # every , ; : ? ! and . they read
                marks[k] = found = _halfwidth_marks(_without_cr(raw[k]), toks, want1, want2)
                if found[0]:
                    changing = True
            if "(" in toks or ")" in toks or '"' in toks or "'" in toks:
                pairs[k] = found_pairs = _converting(_without_cr(raw[k]), sel, toks)
                if found_pairs:
                    changing = True
        doubled = _doubled_lines(text, shared=not changing)
        if doubled:
            lines = sorted(set(lines).union(doubled))
    # Lines are cut once there is a candidate (seed 003 has 219 lines and 8 candidates, and a
    # tuple per line was ~0.1 us each), and their offsets summed only up to the last line
    # with a fix (seed 004: one fix on line 34 of 82).
    base_k = base = 0  # line base_k starts at base
    last_end = -1
    for k in lines:
        line = raw[k]
        if line.endswith("\r"):
            line = line[:-1]
        if not line:
            continue
        fixes, ordered = _line_fixes(line, raw, k, sel, per_line[k], doubled.get(k, ""), marks.get(k),
                                     pairs.get(k))
        if not fixes:
            continue
        base += sum(map(len, raw[base_k:k])) + k - base_k
        base_k = k
        if ordered:
            # PW001's common case only (seed 000: 160 edits a pass): one-character fixes,
            # sorted and disjoint, past every edit of the lines before.  The edits are built
            # as make_edit would, without its call and checks: ~0.1 us an edit.
            for s, e, after, rule, reason, safety in fixes:
                s += base
                e += base
                m = _new_object(_Unfrozen)
                m.start = s
                m.end = e
                m.before = text[s:e]
                m.after = after
                m.rule = rule
                m.reason = reason
                m.safety = safety
                m.confidence = 1.0
                m.applied = False
                m.__class__ = Edit
                yield m
            last_end = e
            continue
        # Keep a disjoint set (first by position, longer first, then arrival); the rest is
        # found again next pass.  Lines are disjoint and in order, so sorting line by line
        # sorts the text.
        order = sorted([(f[0], f[0] - f[1], n) for n, f in enumerate(fixes)])
        fixes = [fixes[n] for _, _, n in order]
        for f in fixes:
            s = base + f[0]
            e = base + f[1]
            if s < last_end or (s == e and s == last_end):
                continue
            yield make_edit(text, s, e, f[2], f[3], f[4], f[5])
            last_end = e


NORMALIZER = Normalizer("punctuation", RULES, find_punctuation, __doc__ or "")

"""Named character classes and regex fragments shared by every rule (use these, not ranges).

Fragments are strings for the ``regex`` module, which knows ``\\p{Han}`` (ideographs incl.
〇 U+3007, radicals and compatibility ideographs).  Confusable characters are written by name.
"""

from __future__ import annotations

import re as _re
import sys as _sys

import regex

HAN = r"\p{Han}"

# Full-width punctuation of running Chinese text (GB/T 15834), by name because width is invisible.
HAN_PUNCT_CHARS = (
    "\N{IDEOGRAPHIC COMMA}\N{IDEOGRAPHIC FULL STOP}"
    "\N{FULLWIDTH COMMA}\N{FULLWIDTH SEMICOLON}\N{FULLWIDTH COLON}"
    "\N{FULLWIDTH QUESTION MARK}\N{FULLWIDTH EXCLAMATION MARK}"
    "\N{FULLWIDTH LEFT PARENTHESIS}\N{FULLWIDTH RIGHT PARENTHESIS}"
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{LEFT DOUBLE ANGLE BRACKET}\N{RIGHT DOUBLE ANGLE BRACKET}"
    "\N{LEFT ANGLE BRACKET}\N{RIGHT ANGLE BRACKET}"
    "\N{LEFT BLACK LENTICULAR BRACKET}\N{RIGHT BLACK LENTICULAR BRACKET}"
    "\N{LEFT CORNER BRACKET}\N{RIGHT CORNER BRACKET}"
    "\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}"
    "\N{HORIZONTAL ELLIPSIS}\N{EM DASH}\N{FULLWIDTH TILDE}\N{MIDDLE DOT}"
    "\N{FULLWIDTH FULL STOP}"
)
HAN_PUNCT = "[" + regex.escape(HAN_PUNCT_CHARS) + "]"

# Marks that end a sentence, and what may follow them and still belong to the sentence end.
SENTENCE_END_CHARS = "\N{IDEOGRAPHIC FULL STOP}\N{FULLWIDTH QUESTION MARK}\N{FULLWIDTH EXCLAMATION MARK}\N{HORIZONTAL ELLIPSIS}"
CLOSING_CHARS = (
    "\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{FULLWIDTH RIGHT PARENTHESIS}"
    "\N{RIGHT DOUBLE ANGLE BRACKET}\N{RIGHT CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}"
    "\N{RIGHT BLACK LENTICULAR BRACKET}"
)

# Han or the full-width punctuation that sits between Han characters.
CJK = "(?:" + HAN + "|" + HAN_PUNCT + ")"

# Horizontal white space inside a line (not newlines): ASCII space, tab, no-break space.
HSPACE = "[ \t\N{NO-BREAK SPACE}]"
IDEOGRAPHIC_SPACE = "\N{IDEOGRAPHIC SPACE}"

DIGIT = "[0-9]"
LATIN = "[A-Za-z]"


# --- per-character tests and one shared scan, for finders' hot loops ----------------------
# A dict hit is ~4x cheaper than a regex match call per character.  The memos are bounded:
# adversarial input could otherwise fill them with a million distinct code points.
_MEMO_LIMIT = 65536
_HAN_ONE = regex.compile(HAN)
_CJK_ONE = regex.compile(CJK)
_HAN_MEMO: dict[str, bool] = {"": False}
_CJK_MEMO: dict[str, bool] = {"": False}


def _memo_test(memo: dict[str, bool], pattern, ch: str) -> bool:
    r = memo.get(ch)
    if r is None:
        r = pattern.match(ch) is not None
        if len(ch) == 1:
            if len(memo) > _MEMO_LIMIT:
                memo.clear()
                memo[""] = False
            memo[ch] = r
    return r


def is_han(ch: str) -> bool:
    """Is ``ch`` (one character, or "" for none) a Han character?"""
    return _memo_test(_HAN_MEMO, _HAN_ONE, ch)


def is_cjk(ch: str) -> bool:
    """Is ``ch`` a Han character or full-width Chinese punctuation?"""
    return _memo_test(_CJK_MEMO, _CJK_ONE, ch)


# Any character written twice.  Stdlib ``re`` scans this ~8x faster than ``regex``.
_ANY_DOUBLE = _re.compile(r"(.)\1", _re.DOTALL)
# The last text's hits: DUP (doubled Han) and PW (doubled marks such as ，，) read the same
# scan, and the pipeline hands both finders the same str object when no stage between them
# changed it.  Holding the text keeps the identity test exact.
_LAST_DOUBLES: tuple[str, list[tuple[int, str]]] = ("", [])


def repeated_chars(text: str) -> list[tuple[int, str]]:
    """(start, character) of each match of ``(.)\\1``: every run of one repeated character,
    entered at its start (and again every other position inside it)."""
    global _LAST_DOUBLES
    last_text, hits = _LAST_DOUBLES
    if last_text is text:
        return hits
    if may_have_astral(text):
        # Short, or it may hold a character above U+FFFF (which UTF-16 splits into two code
        # units): the regex scan.
        hits = [(m.start(), m.group(1)) for m in _ANY_DOUBLE.finditer(text)]
    else:
        hits = _bmp_doubles(text, len(text))
    _LAST_DOUBLES = (text, hits)
    return hits


def may_have_astral(text: str) -> bool:
    """False only when ``text`` (100+ characters) certainly has no character above U+FFFF.

    CPython stores a str with such a character at 4 bytes per character and any other at 1
    or 2 (PEP 393), which sys.getsizeof shows in O(1): 4 * n plus a header of under 100
    bytes exceeds 3 * n + 100 once n >= 100.  Short texts, and interpreters without
    getsizeof (PyPy), answer True: callers then take their general path.
    """
    n = len(text)
    if n < 100:
        return True
    try:
        return _sys.getsizeof(text) >= 3 * n + 100
    except TypeError:  # PyPy
        return True


def _bmp_doubles(text: str, n: int) -> list[tuple[int, str]]:
    """repeated_chars for a text of BMP characters (lone surrogates included): its UTF-16
    code units as one integer, XORed with itself shifted by a unit, are zero exactly where
    a character equals the next; each unit's two bytes ORed into its low byte, ``bytes.find``
    finds the zero bytes (only those: no misaligned hits).  ~35% faster than the ``(.)\\1``
    scan, which tries a match at every position (seed 004: ~35 -> ~23 us; news_clean ~-25%)."""
    x = int.from_bytes(text.encode("utf-16-le", "surrogatepass"), "little")
    units = x ^ (x >> 16)  # unit k: text[k] ^ text[k + 1] (the top one, text[-1] ^ 0, is cut)
    zero_if_equal = (units | (units >> 8)).to_bytes(2 * n, "little")[0:2 * n - 2:2]
    find = zero_if_equal.find
    hits = []
    prev = -2
    j = find(b"\0")
    while j >= 0:
        if j > prev + 1:  # (.)\1's matches do not overlap: a run gives every other position
            hits.append((j, text[j]))
            prev = j
        j = find(b"\0", j + 1)
    return hits

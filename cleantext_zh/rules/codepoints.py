"""CP — code points that do not belong in text: invisible characters and control codes.

What it finds
    Zero-width spaces and joiners, word joiners, a byte-order mark inside the text, soft
    hyphens, stray direction marks next to Chinese, and C0/C1 control codes other than tab,
    newline, carriage return and form feed.
Where it comes from
    Web pages (zero-width characters used for layout or tracking), files concatenated with
    their BOMs, PDF text layers and word processors (soft hyphens, control codes).
Example
    ``长三\\u200b角`` -> ``长三角``
Safety
    These characters are invisible or meaningless in Chinese prose; removal is ``safe``.
Left alone
    Tab, newline, carriage return and form feed (page breaks are the LB/PG rules' business);
    a zero-width joiner between two non-Han characters (emoji sequences); variation
    selectors; a C1 code next to Latin-1 letters, which is a sign of mojibake for the
    encoding rules to repair rather than a character to drop.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..edits import Edit, make_edit
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("CP001", "invisible-character", "A zero-width character, BOM, soft hyphen or control code inside text.",
         ("长三\u200b角", "长三角")),
)

_ALWAYS = "\N{ZERO WIDTH SPACE}\N{WORD JOINER}\N{ZERO WIDTH NO-BREAK SPACE}\N{SOFT HYPHEN}\N{OBJECT REPLACEMENT CHARACTER}"
_C0 = "\x00-\x08\x0b\x0e-\x1f\x7f"
_CANDIDATES = regex.compile(
    f"[{_ALWAYS}{_C0}\x80-\x9f\N{ZERO WIDTH NON-JOINER}\N{ZERO WIDTH JOINER}"
    "\N{LEFT-TO-RIGHT MARK}\N{RIGHT-TO-LEFT MARK}\u202a-\u202e\u2066-\u2069]+"
)
_NEAR_HAN = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
_LATIN1 = regex.compile(r"[\u00a0-\u00ff]")


def find_invisible(text: str, ctx: Context) -> Iterator[Edit]:
    """Find CP001 edits.

    >>> from cleantext_zh import clean
    >>> clean("长三\\u200b角\\ufeff", select="CP001")
    '长三角'
    """
    for m in _CANDIDATES.finditer(text):
        s, e = m.span()
        prev = text[s - 1] if s else ""
        nxt = text[e] if e < len(text) else ""
        run = m.group()
        keep_chars = []
        for ch in run:
            if ch in _ALWAYS or regex.match(f"[{_C0}]", ch):
                continue
            if "\x80" <= ch <= "\x9f":
                if _LATIN1.match(prev) or _LATIN1.match(nxt):
                    keep_chars.append(ch)  # mojibake evidence: leave for the encoding rules
                continue
            # ZWNJ/ZWJ and direction marks matter between non-Han characters (emoji, Arabic).
            if not (_NEAR_HAN.match(prev) or _NEAR_HAN.match(nxt)):
                keep_chars.append(ch)
        after = "".join(keep_chars)
        if after != run:
            yield make_edit(text, s, e, after, "CP001", "invisible character or control code")


NORMALIZER = Normalizer("codepoints", RULES, find_invisible, __doc__ or "")

"""Named character classes and regex fragments shared by every rule (use these, not ranges).

Fragments are strings for the ``regex`` module, which knows ``\\p{Han}`` (ideographs incl.
〇 U+3007, radicals and compatibility ideographs).  Confusable characters are written by name.
"""

from __future__ import annotations

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

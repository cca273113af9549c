"""CP — code points that do not belong in text: invisible characters, radicals, look-alikes.

Codes: CP0xx invisible characters, CP1xx ideograph variants, CP2xx look-alikes from OCR,
CP3xx character width.

What it finds
    CP001: zero-width spaces and joiners, word joiners, a byte-order mark inside the text,
    soft hyphens, stray direction marks next to Chinese, and C0/C1 control codes other than
    tab, newline, carriage return and form feed.
    CP101: Kangxi radicals (``⼀`` U+2F00) and CJK Radicals Supplement characters (``⻓``
    U+2ED3 for ``长``, ``⺠`` for ``民``) used in place of the ideograph; the table
    (``data/radicals.txt``) is generated from Unicode's EquivalentUnifiedIdeograph.txt.
    CP102: CJK compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) -> the unified ideograph
    of their canonical decomposition (Unicode data, via :mod:`unicodedata`).
    CP201: a Latin O/o, a digit zero, ○ or @ inside a Chinese numeral: ``二O二三年`` ->
    ``二〇二三年``.
    CP202: O/o (or l/I before a date unit) inside a run of digits: ``2O23年`` -> ``2023年``,
    ``l0月`` -> ``10月``.
    CP301: full-width digits and Latin letters -> half-width (``２０２３``, ``ＧＤＰ``), the
    mainland publishing norm; full-width punctuation stays.
Where it comes from
    Web pages (zero-width characters), concatenated files (BOMs), PDF text layers (radicals
    and compatibility ideographs from a font's glyph names, soft hyphens, control codes), OCR
    (O for 〇 and 0, l for 1), and full-width typing in Chinese input methods.
Example
    ``长三\\u200b角`` -> ``长三角``; ``⻓三⻆`` -> ``长三角``; ``二O二三年`` -> ``二〇二三年``
Safety
    CP001, CP102, CP301 are ``safe``: invisible, canonically equivalent or width-only changes.
    CP101 is ``safe`` when its run of radicals has a Han character next to it and ``review``
    elsewhere (a radical alone may be meant, as in a list of radicals).  CP201 needs at least two real Chinese numerals in
    the run and nothing Latin or digit around it; CP202 needs a real digit in the run and
    either digits on both sides of O, or a date unit after it with a valid value (month
    1–12, day 1–31, year of four digits); both are ``safe``.
Left alone
    Tab, newline, carriage return and form feed (page breaks are the LB/PG rules' business);
    a zero-width joiner between two non-Han characters (emoji sequences); variation
    selectors; a C1 code next to Latin-1 letters (mojibake, for the encoding rules); CJK
    strokes (U+31C0–31EF, written on purpose in text about characters); compatibility
    ideographs that are unified ideographs themselves (U+FA0E 﨎); ``O2O``, ``G60``, ``5G``,
    ``COVID-19``, ``l0`` without a date unit; full-width punctuation and ``％``.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from functools import lru_cache
from typing import Iterator

import regex

from ..charclass import may_have_astral
from ..edits import Edit, Safety, make_edit
from ..rule import Context, Normalizer, Rule
from .encoding import rare_char_hits

RULES = (
    Rule("CP001", "invisible-character", "A zero-width character, BOM, soft hyphen or control code inside text.",
         ("长三\u200b角", "长三角")),
    Rule("CP101", "radical-codepoint", "A Kangxi or supplementary CJK radical in place of an ideograph.",
         ("\u2ed3三角", "长三角")),
    Rule("CP102", "compatibility-ideograph", "A CJK compatibility ideograph in place of the unified one.",
         ("\uf9d1号", "六号")),
    Rule("CP201", "latin-in-chinese-numeral", "A Latin O, digit 0, ○ or @ inside a Chinese numeral.",
         ("二O二三年", "二〇二三年")),
    Rule("CP202", "letter-in-digit-run", "A letter O/o or l/I inside a run of digits.",
         ("2O23年", "2023年")),
    Rule("CP301", "fullwidth-alphanumeric", "A full-width digit or Latin letter.",
         ("\uff12\uff10\uff12\uff13年\uff27\uff24\uff30", "2023年GDP")),
)

_ALWAYS = "\N{ZERO WIDTH SPACE}\N{WORD JOINER}\N{ZERO WIDTH NO-BREAK SPACE}\N{SOFT HYPHEN}\N{OBJECT REPLACEMENT CHARACTER}"
_C0 = "\x00-\x08\x0b\x0e-\x1f\x7f"
_INVISIBLE = (f"{_ALWAYS}{_C0}\x80-\x9f\N{ZERO WIDTH NON-JOINER}\N{ZERO WIDTH JOINER}"
              "\N{LEFT-TO-RIGHT MARK}\N{RIGHT-TO-LEFT MARK}\u202a-\u202e\u2066-\u2069")
# Character classes of many ranges are scanned with the standard library's `re` here: it
# tests them through a lookup table at ~1 GB/s on news_clean, where `regex` manages
# 130-700 MB/s (it is only faster for a single range or literal).  Plain classes, lookarounds
# and greedy runs mean the same in both engines.
_CANDIDATES = re.compile(f"[{_INVISIBLE}]+")
_C0_ONE = regex.compile(f"[{_C0}]")  # compiled once, not per character
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
            if ch in _ALWAYS or _C0_ONE.match(ch):
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


_RADICALS_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "radicals.txt")
_RADICALS: dict[str, str] | None = None
_LOCK = threading.Lock()
_RADICAL = regex.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")
# A run of radicals is judged as one: judging each by its own neighbours let a join that
# brings Han next to ``⽇⽇`` repair one radical per pass (the pipeline never settled).
_RADICAL_RUN = regex.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]+")
_COMPAT = re.compile(r"[\uf900-\ufaff\U0002f800-\U0002fa1f]")
_HAN_NOT_RADICAL = regex.compile(r"[\p{Han}--[\u2e80-\u2eff\u2f00-\u2fdf]]", regex.V1)


def radicals() -> dict[str, str]:
    """Radical -> unified ideograph, from data/radicals.txt (Unicode data), read once."""
    global _RADICALS
    if _RADICALS is None:
        with _LOCK:
            table = {}
            with open(_RADICALS_PATH, encoding="utf-8") as fh:
                for line in fh:
                    data = line.split("#", 1)[0].strip()
                    if data:
                        src, dst = data.split(";")
                        table[chr(int(src, 16))] = chr(int(dst, 16))
            _RADICALS = table
    return _RADICALS


# Chinese numerals as used for years and numbers written digit by digit (二〇二三).
_HZ_DIGITS = "〇一二三四五六七八九"
# What OCR and typing put for 〇: Latin O/o (also full-width), digit zero (also full-width),
# WHITE CIRCLE, LARGE CIRCLE, at signs.
_ZERO_LOOKALIKES = ("Oo0\N{FULLWIDTH LATIN CAPITAL LETTER O}\N{FULLWIDTH LATIN SMALL LETTER O}"
                    "\N{FULLWIDTH DIGIT ZERO}\N{WHITE CIRCLE}\N{LARGE CIRCLE}@\N{FULLWIDTH COMMERCIAL AT}")
_HZ_RUN = re.compile(f"(?<![0-9A-Za-z])[{_HZ_DIGITS}{re.escape(_ZERO_LOOKALIKES)}]{{3,}}(?![0-9A-Za-z])")
_DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z.\-])[0-9OolI]*[0-9][0-9OolI]*(?![0-9A-Za-z\-])")
_DATE_UNIT = regex.compile(r"[年月日号]")
_FULLWIDTH_CLASS = r"\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_FULLWIDTH = re.compile(f"[{_FULLWIDTH_CLASS}]+")
# The gate of CP201/CP202 (a Chinese numeral then a look-alike of 0, or a digit next to
# O/o/l/I; it decides what is looked at, so it is kept exactly), written look-alike-first:
# one scan for a rare character, then a look around it, instead of an alternation starting
# with digits and numerals, which are common.  Same truth value as
# [〇一…九][look-alikes]|[0-9][OolI]|[OolI][0-9].
_LOOK = re.escape(_ZERO_LOOKALIKES)
_LOOKALIKE_CONDITION = (f"(?<=[{_HZ_DIGITS}][{_LOOK}])|(?<=[0-9][OolI])|(?<=[OolI])(?=[0-9])")
_PREFILTER_LOOKALIKE = re.compile(f"[{_LOOK}OolI](?:{_LOOKALIKE_CONDITION})")
# prefilter for the whole family: one scan for the union of every trigger (an invisible
# character, a radical, a compatibility ideograph, a full-width letter or digit, a gated
# look-alike); clean text has none.  ~870 MB/s on news_clean, where the six separate scans
# took ~20 ms for its 3.75 MB (48 MB/s for the family).
_SINGLE_TRIGGERS = (f"{_INVISIBLE}\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f"
                    f"{_FULLWIDTH_CLASS}")
_ANY_TRIGGER = re.compile(f"[{_SINGLE_TRIGGERS}{_LOOK}OolI]"
                          f"(?:(?<=[{_SINGLE_TRIGGERS}])|{_LOOKALIKE_CONDITION})")
# The same without the supplementary-plane range: the BMP class is one table lookup per
# character; with the extra range the scan runs at ~60% of the speed (news_clean: 3.2 ms
# instead of 5.0).  Used when the text cannot hold a supplementary character, see
# charclass.may_have_astral.
_SINGLE_TRIGGERS_BMP = _SINGLE_TRIGGERS.replace("\U0002f800-\U0002fa1f", "")
assert _SINGLE_TRIGGERS_BMP != _SINGLE_TRIGGERS
_ANY_TRIGGER_BMP = re.compile(f"[{_SINGLE_TRIGGERS_BMP}{_LOOK}OolI]"
                              f"(?:(?<=[{_SINGLE_TRIGGERS_BMP}])|{_LOOKALIKE_CONDITION})")


# The characters that trigger on their own, and the non-ASCII look-alikes of 〇 (which need
# a Chinese numeral before them): encoding's scan finds these for this stage too
# (encoding.rare_char_hits), so the family's gate tests the few offsets it found instead of
# scanning the text again.  What remains is ASCII: O o l I @ (absent from most Chinese text,
# a find() each) and 0 after a Chinese numeral (a search led by the literal 0).
_NON_ASCII_LOOK = "".join(c for c in _ZERO_LOOKALIKES if not c.isascii())
TRIGGER_CLASS = _SINGLE_TRIGGERS + re.escape(_NON_ASCII_LOOK)
_ZERO_AFTER_NUMERAL = re.compile(f"0(?<=[{_HZ_DIGITS}]0)")
_HZ_DIGIT_SET = frozenset(_HZ_DIGITS)


@lru_cache(maxsize=1)
def _single_trigger_chars() -> frozenset[str]:
    every = "".join(map(chr, range(0x10000))) + "".join(map(chr, range(0x2F800, 0x2FA20)))
    return frozenset(re.findall(f"[{_SINGLE_TRIGGERS}]", every))


def _any_trigger(text: str) -> bool:
    """``_ANY_TRIGGER.search(text) is not None``, mostly from encoding's scan."""
    hits = rare_char_hits(text)
    # The ASCII characters, extracted at C speed, are few in Chinese text: the finds below
    # look through them instead of through the text.
    ascii_part = text.encode("ascii", "ignore")
    if len(hits) * 16 > len(text) or any(ch in ascii_part for ch in (b"O", b"o", b"l", b"I", b"@")):
        # Dense offsets (Traditional text, mojibake) cost more to walk than a scan, and Latin
        # O o l I @ need their neighbours looked at: the one scan does both.
        trigger = _ANY_TRIGGER if may_have_astral(text) else _ANY_TRIGGER_BMP
        return trigger.search(text) is not None
    singles = _single_trigger_chars()
    for h in hits:
        ch = text[h]
        if ch in singles or ch in _NON_ASCII_LOOK and h and text[h - 1] in _HZ_DIGIT_SET:
            return True
    return b"0" in ascii_part and _ZERO_AFTER_NUMERAL.search(text) is not None


def _near_han(text: str, s: int, e: int) -> bool:
    return bool((s and _HAN_NOT_RADICAL.match(text[s - 1])) or (e < len(text) and _HAN_NOT_RADICAL.match(text[e])))


def _find_radicals(text: str) -> Iterator[Edit]:
    if _RADICAL.search(text):
        table = radicals()
        for run in _RADICAL_RUN.finditer(text):
            near = _near_han(text, run.start(), run.end())
            for s, ch in enumerate(run.group(), run.start()):
                if ch in table:
                    yield make_edit(text, s, s + 1, table[ch], "CP101",
                                    f"radical U+{ord(ch):04X} in place of the ideograph {table[ch]}"
                                    + ("" if near else " (no Han character next to it)"),
                                    Safety.SAFE if near else Safety.REVIEW)
    for m in _COMPAT.finditer(text):
        ch = m.group()
        unified = unicodedata.normalize("NFC", ch)
        if unified != ch:
            yield make_edit(text, m.start(), m.end(), unified, "CP102",
                            f"compatibility ideograph U+{ord(ch):04X} is canonically {unified}")


def _valid_date_number(value: str, unit: str) -> bool:
    n = int(value)
    if unit == "年":
        return len(value) == 4 and 1000 <= n <= 2199
    if unit == "月":
        return 1 <= n <= 12
    return 1 <= n <= 31


def _find_lookalikes(text: str, ctx: Context) -> Iterator[Edit]:
    if not _PREFILTER_LOOKALIKE.search(text):
        return
    if ctx.wants("CP201"):
        for m in _HZ_RUN.finditer(text):
            run = m.group()
            real = sum(ch in _HZ_DIGITS for ch in run)
            year = text.startswith("年", m.end()) and len(run) == 4
            if real == len(run) or (real < 2 and not (real == 1 and year and run[0] in _HZ_DIGITS)):
                continue  # 二000年 (a year of four places) is enough with one real numeral
            for k, ch in enumerate(run):
                if ch not in _HZ_DIGITS:
                    pos = m.start() + k
                    yield make_edit(text, pos, pos + 1, "\N{IDEOGRAPHIC NUMBER ZERO}", "CP201",
                                    f"{ch!r} inside the Chinese numeral {run}: OCR look-alike of 〇")
    if ctx.wants("CP202"):
        for m in _DIGIT_RUN.finditer(text):
            run = m.group()
            if run.isdigit():
                continue
            s, e = m.span()
            fixed = run.translate(_DIGIT_FOR)
            unit = _DATE_UNIT.match(text, e)
            inner_o_only = all(ch in "Oo" for ch in run if not ch.isdigit()) and \
                run[0].isdigit() and run[-1].isdigit()
            if inner_o_only or (unit and _valid_date_number(fixed, unit.group())):
                for k, ch in enumerate(run):
                    if not ch.isdigit():
                        yield make_edit(text, s + k, s + k + 1, fixed[k], "CP202",
                                        f"letter {ch!r} inside the number {run}: OCR look-alike of {fixed[k]}")


_DIGIT_FOR = str.maketrans("OolI", "0011")


def _find_fullwidth(text: str, taken: set[int]) -> Iterator[Edit]:
    for m in _FULLWIDTH.finditer(text):
        for k in range(m.start(), m.end()):
            if k not in taken:
                yield make_edit(text, k, k + 1, chr(ord(text[k]) - 0xFEE0), "CP301",
                                "full-width digit or letter; the mainland norm is half-width")


def find_codepoint_artifacts(text: str, ctx: Context) -> Iterator[Edit]:
    """Find CP001, CP101, CP102, CP201, CP202 and CP301 edits.

    >>> from cleantext_zh import clean
    >>> clean("\u2ed3三角，二O二三年，２０２３年", select="CP")
    '长三角，二〇二三年，2023年'
    """
    if not _any_trigger(text):
        return
    if ctx.wants("CP001"):
        yield from find_invisible(text, ctx)
    if ctx.wants("CP101") or ctx.wants("CP102"):
        yield from _find_radicals(text)
    taken: set[int] = set()
    for e in _find_lookalikes(text, ctx):
        taken.add(e.start)
        yield e
    if ctx.wants("CP301"):
        yield from _find_fullwidth(text, taken)


NORMALIZER = Normalizer("codepoints", RULES, find_codepoint_artifacts, __doc__ or "")

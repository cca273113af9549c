"""ENC — text decoded with the wrong codec, unnormalised Unicode, and (opt-in) script conversion.

What it finds
    Mojibake: UTF-8 bytes shown as cp1252/Latin-1 (``ä½ å¥½`` for ``你好``, repaired with ftfy),
    UTF-8 bytes shown as GBK/GB18030 (``浣犲ソ`` for ``你好``, ``鍥藉`` for ``国家``), GBK bytes
    shown as Latin-1 or cp1252 (``ÄãºÃ`` for ``你好``); text not in Unicode NFC (a decomposed
    accent, a CJK compatibility ideograph such as U+F9xx from a Korean font); and, only when
    asked for with ``convert="t2s"`` (or another OpenCC configuration), Traditional <->
    Simplified or regional variants.
Where it comes from
    Files opened with the wrong encoding (Windows tools default to GBK/cp936, many web tools
    to cp1252/Latin-1), databases with a mismatched client encoding, PDF text layers.
Example
    ``浣犲ソ`` -> ``你好``;  ``ÄãºÃ£¬ÊÀ½ç`` -> ``你好，世界``
Safety
    A GBK-family repair is applied only when the round trip is exact (re-encoding the repair
    gives back the very characters found) and the result is far more plausible Chinese: at
    least ``MIN_REPAIRED_SHARE`` of its non-ASCII characters are common Chinese characters or
    punctuation (GB 2312 level 1, which covers 99.95% of the Han characters in the clean
    news corpus), while the text as found scores at most ``MAX_FOUND_SHARE`` and gains at
    least ``MIN_GAIN``.  ftfy is called only on a line a cheap detector flags (a Latin-1 lead
    character followed by a continuation character), with the options that keep width,
    quotes, line breaks and normalisation alone.  Conversion with OpenCC is never on by
    default: t2s over text that is already Simplified can change it (``著`` -> ``着``).
Left alone
    Clean text, including rare and Traditional characters (``堃喆昇``, ``個們``): they do not
    decode to common Chinese.  European text with accents (``café``, ``Müller``).  Mojibake
    that was decoded lossily (``锟斤拷``, ``?`` or ``\\ufffd`` in place of bytes): no exact
    round trip exists, so nothing is guessed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from typing import Iterator

import regex

from ..charclass import HAN_PUNCT_CHARS
from ..edits import Edit, Safety, make_edit
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("ENC001", "utf8-decoded-as-latin", "UTF-8 text decoded as cp1252/Latin-1 (repaired with ftfy).",
         ("\u00e4\u00bd\u00a0\u00e5\u00a5\u00bd\u00ef\u00bc\u0152\u00e4\u00b8\u2013\u00e7\u2022\u0152", "你好，世界")),
    Rule("ENC002", "gbk-mojibake", "UTF-8 decoded as GBK, or GBK decoded as Latin-1/cp1252 (exact round trip).",
         ("\u9365\u85c9\ue18d\u9359\u621d\u774d", "国家发展")),
    Rule("ENC003", "not-nfc", "Text not in Unicode NFC (decomposed accents, CJK compatibility ideographs).",
         ("e\u0301t\u00e9 \uf900", "\u00e9t\u00e9 \u8c48")),
    Rule("ENC004", "script-variant", "Traditional/Simplified/regional variants, only with convert=... (OpenCC).",
         ("漢字", "漢字")),
)

# --- plausibility ------------------------------------------------------------------------

# Shares below were measured on news_clean.txt cut into 40-character chunks (the lowest clean
# chunk scored 0.92) and on the same chunks turned into mojibake (the highest scored 0.23
# for UTF-8-as-GB18030 and 0.0 for GBK-as-Latin-1).
MIN_REPAIRED_SHARE = 0.8
MAX_FOUND_SHARE = 0.5
MIN_GAIN = 0.5
# UTF-8 shown as GBK is itself made of Chinese characters, and short runs of it can be mostly
# common ones (涓颁涪 for 丰丢: 2 of 3).  There the structure carries the evidence: the found
# characters' GBK bytes must form valid multi-byte UTF-8 (for clean text that needs rare
# level-2 leads followed by continuation bytes), so the plausibility bar is lower.
MAX_FOUND_SHARE_UTF8_AS_GBK = 0.75
MIN_GAIN_UTF8_AS_GBK = 0.25
# A run of Latin-1 letters this short (one Chinese character) is repaired only when it does
# not sit inside a Latin word: two accented letters in a row occur in European names.
MIN_LATIN_RUN_IN_WORD = 4


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """(common, gb2312): GB 2312 level-1 Han plus Chinese punctuation; all of GB 2312.

    Derived from Python's own gb2312 codec (level 1 is lead bytes 0xB0-0xD7), so nothing
    has to ship: 3,755 common characters, 7,445 in all.
    """
    common: set[str] = set(HAN_PUNCT_CHARS) | set("\N{EM DASH}\N{IDEOGRAPHIC SPACE}\N{IDEOGRAPHIC NUMBER ZERO}")
    every: set[str] = set(common) | {"\N{MIDDLE DOT}", "\N{HORIZONTAL ELLIPSIS}"}
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                ch = bytes((lead, trail)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            every.add(ch)
            if 0xB0 <= lead <= 0xD7:
                common.add(ch)
    common |= {chr(c) for c in range(0xFF01, 0xFF5F)}  # full-width forms
    return frozenset(common), frozenset(every)


def plausibility(text: str) -> float:
    """Share of the non-ASCII, non-space characters of ``text`` that are common Chinese.

    >>> plausibility("你好，世界"), plausibility("浣犲ソ")
    (1.0, 0.0)
    """
    common = _tables()[0]
    chars = [c for c in text if not c.isascii() and not c.isspace()]
    if not chars:
        return 0.0
    return sum(c in common for c in chars) / len(chars)


_HAN = regex.compile(r"\p{Han}")
_BAD_RESULT = regex.compile(r"[\p{Co}\p{Cn}\p{Cs}\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The common set: characters clean Chinese text uses, never suspect."""
    return frozenset(_tables()[0] | {"\N{MIDDLE DOT}", "\N{HORIZONTAL ELLIPSIS}", "\N{EM DASH}"})


@lru_cache(maxsize=1)
def _suspect_re() -> "re.Pattern[str]":
    """Any character outside ASCII and the common set (stdlib ``re``: ~1 GB/s on this class,
    ``regex`` 4 MB/s).  In news_clean.txt 0.05% of Han characters fall outside it."""
    return re.compile("[^\\x00-\\x7f" + re.escape("".join(sorted(_common_chars()))) + "]")


@lru_cache(maxsize=1)
def _rare_scan() -> "tuple[re.Pattern[str], frozenset[str]]":
    """(a scan for the suspect characters and the code-point rules' single-character
    triggers, the characters of the scan that are not suspect), built at first use.

    One class scan costs the same whatever the class (~2.7 ns a character), so the two stages
    share one: encoding runs first and codepoints gets the offsets for the same text object
    (rare_char_hits).  (Imported here, not at the top: codepoints imports this module.)
    """
    from .codepoints import TRIGGER_CLASS

    trigger = re.compile(f"[{TRIGGER_CLASS}]")
    common = _common_chars()
    allowed = {c for c in map(chr, range(0x80)) if not trigger.match(c)}
    allowed |= {c for c in common if not trigger.match(c)}
    not_suspect = frozenset(c for c in map(chr, range(0x80)) if c not in allowed) | (common - allowed)
    return re.compile("[^" + re.escape("".join(sorted(allowed))) + "]"), not_suspect


_LAST_RARE: tuple[str | None, list[int]] = (None, [])


def _scan_rare(text: str) -> list[int]:
    global _LAST_RARE
    scan = _rare_scan()[0]
    first = scan.search(text)
    hits = [] if first is None else [m.start() for m in scan.finditer(text, first.start())]
    _LAST_RARE = (text, hits)
    return hits


def rare_char_hits(text: str) -> list[int]:
    """Offsets of the characters outside ASCII and the common set, and of the code-point
    rules' single-character triggers (codepoints.TRIGGER_CLASS).  Encoding's scan of the
    same text object is reused (the last one only)."""
    last, hits = _LAST_RARE
    return hits if last is text else _scan_rare(text)


# UTF-8 read as cp1252/Latin-1: a lead byte shown as Â..ô followed by a continuation byte
# shown as a C1 code, a Latin-1 symbol or one of cp1252's 0x80-0x9F characters.
_UTF8_AS_LATIN = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Runs worth trying as GBK shown as Latin-1/cp1252 (the cp1252 symbols too), and as UTF-8
# shown as GBK (everything non-ASCII).
_CP1252_HIGH = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_LATIN_RUN = re.compile("[\u0080-\u00ff" + _CP1252_HIGH + "]{2,}")
# Latin-1 signs that clean Chinese text uses on their own (××× placeholders, ±, °, §);
# laws.txt.xz has ××××, which reads as GBK 鬃鬃.
_SIGNS_IN_CHINESE_TEXT = frozenset("\N{MULTIPLICATION SIGN}\N{DIVISION SIGN}\N{PLUS-MINUS SIGN}\N{DEGREE SIGN}"
                                   "\N{MIDDLE DOT}\N{SECTION SIGN}")
_LATIN1_CHAR = re.compile("[\u0080-\u00ff]")

_LATIN_RUN_CHARS = frozenset(chr(c) for c in range(0x80, 0x100)) | frozenset(
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e"
    "\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")


def _has_latin_pair(text: str, hits: list[int]) -> bool:
    """A Latin-1 character next to another character of _LATIN_RUN's class?

    Every Latin-run repair and ftfy's detector (_UTF8_AS_LATIN) need one.  Clean Chinese
    text has few Latin-1 characters (a · between names), and its —— …… “” pairs hold none.
    Every Latin-1 character but the few in the common set (·) is suspect, so the suspect
    ``hits`` and a find() per common one stand in for a scan of the text (~1.5 ms on the
    254 news_clean documents that get here).
    """
    for i in hits:
        if "\x80" <= text[i] <= "\xff" and (
                text[i + 1:i + 2] in _LATIN_RUN_CHARS or (i and text[i - 1] in _LATIN_RUN_CHARS)):
            return True
    for ch in _latin1_not_suspect():
        i = text.find(ch)
        while i != -1:
            if text[i + 1:i + 2] in _LATIN_RUN_CHARS or (i and text[i - 1] in _LATIN_RUN_CHARS):
                return True
            i = text.find(ch, i + 1)
    return False


@lru_cache(maxsize=1)
def _latin1_not_suspect() -> str:
    """The Latin-1 characters _suspect_re lets through (the middle dot)."""
    return "".join(chr(c) for c in range(0x80, 0x100) if not _suspect_re().match(chr(c)))


_NON_ASCII_RUN = re.compile("[^\\x00-\\x7f]+")
_LINE = re.compile("[^\n]+")


def _encode_sloppy(text: str, codec: str) -> bytes:
    """Encode as cp1252 where the five bytes cp1252 leaves undefined came through as C1 codes."""
    if codec != "cp1252":
        return text.encode(codec)
    return b"".join(bytes((ord(c),)) if "\x80" <= c <= "\x9f" else c.encode("cp1252") for c in text)


def _acceptable(found: str, fixed: str, *, punct_only_ok: bool, max_found: float = MAX_FOUND_SHARE,
                min_gain: float = MIN_GAIN) -> bool:
    """Is ``fixed`` far more plausible Chinese than ``found``?"""
    if _BAD_RESULT.search(fixed):
        return False
    found_share, share = plausibility(found), plausibility(fixed)
    if found_share > max_found or share < MIN_REPAIRED_SHARE or share - found_share < min_gain:
        return False
    return punct_only_ok or _HAN.search(fixed) is not None


def _latin_repair(run: str, *, punct_only_ok: bool) -> tuple[str, str, str] | None:
    """Bytes shown as Latin-1/cp1252: (repair, description, rule) or None.  Exact round trips only.

    UTF-8 is tried first (ENC001, what ftfy repairs too, but ftfy wants more evidence than a
    character or two), then GBK/GB18030 (ENC002).
    """
    for shown_as in ("latin-1", "cp1252"):
        try:
            raw = _encode_sloppy(run, shown_as)
        except UnicodeEncodeError:
            continue
        for real in ("utf-8", "gbk", "gb18030"):
            try:
                fixed = raw.decode(real)
            except UnicodeDecodeError:
                continue
            # The found run is bytes shown as Latin-1/cp1252; that cp1252 shows some bytes as
            # “ ” … — says nothing about Chinese, so only the repair's plausibility counts.
            if fixed.encode(real) == raw and _acceptable(run, fixed, punct_only_ok=punct_only_ok,
                                                         max_found=1.0, min_gain=0.0):
                return (fixed, f"{real.upper()} bytes shown as {shown_as.upper()}",
                        "ENC001" if real == "utf-8" else "ENC002")
    return None


def _gbk_bytes(ch: str) -> bytes:
    """The bytes a GBK/GB18030 decoder turned into ``ch``.

    The WHATWG decoder that browsers use for both labels maps a lone 0x80 to the euro sign;
    in UTF-8 mojibake a lone 0x80 (a continuation byte in lead position) is far more common
    than a real euro sign, so that is the reading taken.
    """
    if ch == "\N{EURO SIGN}":
        return b"\x80"
    return ch.encode("gb18030")


def _utf8_as_gbk_repairs(run: str) -> Iterator[tuple[int, int, str | None]]:
    """UTF-8 bytes shown as GBK: exact repairs ``(start, end, fixed)`` inside ``run``.

    Decoders that met a lost byte (a dangling lead at a paragraph end, an invalid pair) put
    U+FFFD there; the longest prefix of each piece that decodes exactly is repaired and the
    damaged character is left as found.
    """
    pos = 0
    for piece in run.split("\ufffd"):
        if not _piece_may_repair(piece, 0):
            pos += len(piece) + 1  # cheap walk: no head of 2+ characters can decode
            continue
        try:
            # One encode call for the piece (runs can be hundreds of characters long, and
            # clean ones fail within a few); per character only where _gbk_bytes differs.
            raw = (b"".join(map(_gbk_bytes, piece)) if "\N{EURO SIGN}" in piece
                   else piece.encode("gb18030"))
        except UnicodeEncodeError:
            pos += len(piece) + 1
            continue
        try:
            fixed, n = raw.decode("utf-8"), len(piece)
        except UnicodeDecodeError as err:
            # Repair up to the last character boundary shared by both readings: the
            # characters' byte offsets up to the error.
            offsets, acc = [], 0
            for c in piece:
                if acc > err.start:
                    break
                offsets.append(acc)
                acc += len(_gbk_bytes(c))
            n = len(offsets) - 1
            while n > 0:
                try:
                    fixed = raw[:offsets[n]].decode("utf-8")
                    break
                except UnicodeDecodeError:
                    n -= 1
            else:
                fixed = ""
        if n >= 2 and fixed and len(fixed) <= n and _acceptable(
                piece[:n], fixed, punct_only_ok=False,
                max_found=MAX_FOUND_SHARE_UTF8_AS_GBK, min_gain=MIN_GAIN_UTF8_AS_GBK):
            yield pos, pos + n, fixed
            end = pos + len(piece) + (1 if pos + len(piece) < len(run) else 0)
            if n < len(piece):
                yield pos + n, end, None  # the rest lost a byte: report, don't guess
        pos += len(piece) + 1


_FTFY_CONFIG = None


def _ftfy_fix(line: str) -> str:
    """ftfy's encoding repair only: widths, quotes, line breaks and normalisation untouched."""
    global _FTFY_CONFIG
    import ftfy

    if _FTFY_CONFIG is None:
        _FTFY_CONFIG = ftfy.TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
            replace_lossy_sequences=False, decode_inconsistent_utf8=True, fix_c1_controls=False,
            fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
            fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False,
        )
    return ftfy.fix_text(line, _FTFY_CONFIG)


def _trimmed(before: str, after: str) -> tuple[int, int, str]:
    """The smallest span of ``before`` (start, end, replacement) that turns it into ``after``."""
    i = 0
    while i < len(before) and i < len(after) and before[i] == after[i]:
        i += 1
    j = 0
    while j < len(before) - i and j < len(after) - i and before[-1 - j] == after[-1 - j]:
        j += 1
    return i, len(before) - j, after[i:len(after) - j]


_THROUGH_LAST_ASCII = re.compile("(?:[^\\x00-\\x7f]*+[\\x00-\\x7f])*+")


def _suspect_run_may_open(text: str, hits: list[int]) -> bool:
    """Could _utf8_as_gbk_repairs repair anything in a run that _mojibake works on?
    (False: certainly not.)

    _mojibake hands it the runs of non-ASCII characters that hold a suspect character
    (``hits``), and it walks each piece of such a run: the run's start and each position
    after a U+FFFD (itself suspect, so a hit).  Testing only those piece starts, instead of
    every piece start of the text (a regex scan of the whole text), lets 63 news_clean
    documents through to nothing instead of doing the per-line work (~2 ms).
    """
    # A run's U+FFFDs are hits too (U+FFFD is suspect), so the hits give every piece start
    # after the run's.  One possessive scan finds the last ASCII character before a hit, from
    # the later of the line start and the previous hit: it tells both where the hit's run
    # starts and whether the hit shares the previous hit's run (a forward search for ASCII
    # from the previous hit as well cost seed 004 ~0.4 us a hit).
    prev = -1
    for h in hits:
        low = max(prev + 1, text.rfind("\n", 0, h) + 1)
        run_start = _THROUGH_LAST_ASCII.match(text, low, h).end()
        if run_start == prev + 1 and prev >= 0:
            # Same run as the hit before: only a U+FFFD starts a new piece.
            prev = h
            if text[h] == "\ufffd" and _piece_may_repair(text, h + 1):
                return True
            continue
        prev = h
        if _piece_may_repair(text, run_start):
            return True
        if text[h] == "\ufffd" and _piece_may_repair(text, h + 1):
            return True
    return False


def _piece_may_repair(text: str, i: int) -> bool:
    """Can the piece starting at ``text[i]`` get a repair from _utf8_as_gbk_repairs?

    A repair covers the first n >= 2 characters of the piece, whose GBK bytes decode as
    UTF-8 exactly, so the bytes of every shorter head are a valid UTF-8 prefix.  Walk the
    piece: True at the first head of two or more characters that decodes completely, False
    as soon as a head is no valid prefix (or a character has no GBK bytes: the whole piece
    is skipped then) or the piece ends.  Clean Chinese fails within two or three characters.
    """
    # The first two characters decide most pieces (seed 000 has ~160 piece starts after
    # ASCII commas, each paying two GBK encodes and UTF-8 decodes): memoize that verdict.
    head = text[i:i + 2]
    if len(head) == 2:
        verdict = _HEAD_VERDICT.get(head, _UNSEEN)
        if verdict is _UNSEEN:
            if len(_HEAD_VERDICT) > 65536:  # bound the memo on adversarial input
                _HEAD_VERDICT.clear()
            verdict = _HEAD_VERDICT[head] = _head_verdict(head)
        if verdict is not None:
            return verdict
    raw = b""
    k = i
    while k < len(text):
        ch = text[k]
        if ch.isascii() or ch == "\ufffd":
            return False  # the piece ends
        try:
            raw += _gbk_bytes(ch)
            _, used = codecs.utf_8_decode(raw, "strict", False)
        except (UnicodeEncodeError, UnicodeDecodeError):
            return False
        k += 1
        if k - i >= 2 and used == len(raw):
            return True
    return False


_HEAD_VERDICT: dict[str, bool | None] = {}
_UNSEEN = object()


def _head_verdict(head: str) -> bool | None:
    """_piece_may_repair's answer from a piece's first two characters; None: walk further."""
    raw = b""
    used = 0
    for ch in head:
        if ch.isascii() or ch == "\ufffd":
            return False
        try:
            raw += _gbk_bytes(ch)
            _, used = codecs.utf_8_decode(raw, "strict", False)
        except (UnicodeEncodeError, UnicodeDecodeError):
            return False
    return True if used == len(raw) else None


def _mojibake(text: str, ctx: Context, hits: list[int]) -> Iterator[Edit]:
    """``hits``: the suspect characters' offsets, at least one (clean text has none: the
    caller returns)."""
    want1, want2 = ctx.wants("ENC001"), ctx.wants("ENC002")
    # Second stage: every repair below needs two Latin-1/cp1252 characters in a row (the
    # Latin runs, ftfy's detector) or a piece that opens as UTF-8 shown as GBK inside a run
    # that holds a suspect character (only those runs are worked on below).  Rare and
    # Traditional characters trip the first stage on 254 of 705 news_clean documents; this
    # one lets them all through.
    # The suspect characters, found once: a line (and a run inside it) is worked on when it
    # holds one, which a bisect tells instead of a scan per line and per run (the seeds
    # have ~60 lines and hundreds of runs, a handful of suspect characters).
    if not (want2 and _suspect_run_may_open(text, hits)) and not _has_latin_pair(text, hits):
        return
    line_spans: list[tuple[int, int]] = []
    for h in hits:
        if line_spans and h < line_spans[-1][1]:
            continue  # same line as the previous hit
        a = text.rfind("\n", 0, h) + 1
        b = text.find("\n", h)
        line_spans.append((a, len(text) if b < 0 else b))
    for base, line_end in line_spans:
        line = text[base:line_end]
        repaired_spans: list[tuple[int, int]] = []
        if want1 or want2:
            for m in _NON_ASCII_RUN.finditer(line):
                k = bisect_left(hits, base + m.start())
                if k == len(hits) or hits[k] >= base + m.end():
                    continue  # no suspect character in this run
                for s, e, fixed in (_utf8_as_gbk_repairs(m.group()) if want2 else ()):
                    repaired_spans.append((m.start() + s, m.start() + e))
                    if fixed is None:
                        yield make_edit(text, base + m.start() + s, base + m.start() + e, line[m.start() + s:m.start() + e],
                                        "ENC002", "UTF-8 bytes shown as GBK/GB18030 with bytes lost: no exact repair",
                                        Safety.REPORT)
                    else:
                        yield make_edit(text, base + m.start() + s, base + m.start() + e, fixed, "ENC002",
                                        "UTF-8 bytes shown as GBK/GB18030")
            latin_runs = [m for m in _LATIN_RUN.finditer(line)
                          if _LATIN1_CHAR.search(m.group())  # not just “”…—, real Chinese punctuation
                          and not any(m.start() < b and a < m.end() for a, b in repaired_spans)]
            pending, signs = [], []
            for m in latin_runs:
                s, e = m.span()
                if e - s < MIN_LATIN_RUN_IN_WORD and (line[s - 1:s].isalpha() and line[s - 1:s].isascii()
                                                      or line[e:e + 1].isalpha() and line[e:e + 1].isascii()):
                    continue
                if set(m.group()) <= _SIGNS_IN_CHINESE_TEXT:
                    signs.append(m)  # ××××, ±, °: signs Chinese text uses; only amid other repairs
                    continue
                fix = _latin_repair(m.group(), punct_only_ok=False)
                if fix is None:
                    pending.append(m)
                    continue
                repaired_spans.append((s, e))
                if ctx.wants(fix[2]):
                    yield make_edit(text, base + s, base + e, fix[0], fix[2], fix[1])
            if repaired_spans:
                for m in signs:
                    fix = _latin_repair(m.group(), punct_only_ok=False)
                    if fix is not None and ctx.wants(fix[2]):
                        yield make_edit(text, base + m.start(), base + m.end(), fix[0], fix[2], fix[1])
            # A run that decodes to punctuation only (¡£ for 。) counts once the line is Chinese.
            if repaired_spans or _HAN.search(line):
                for m in pending:
                    fix = _latin_repair(m.group(), punct_only_ok=True)
                    if fix is not None and ctx.wants(fix[2]) and not _HAN.search(fix[0]):
                        repaired_spans.append(m.span())
                        yield make_edit(text, base + m.start(), base + m.end(), fix[0], fix[2], fix[1])
        # ftfy only where our exact repairs did nothing (its edit would overlap theirs; the next
        # pass sees the line again), and only on a line the detector flags.
        if want1 and not repaired_spans and _UTF8_AS_LATIN.search(line):
            fixed = _ftfy_fix(line)
            if fixed != line:
                i, j, after = _trimmed(line, fixed)
                yield make_edit(text, base + i, base + j, after, "ENC001", "UTF-8 bytes shown as cp1252/Latin-1 (ftfy)")


# --- NFC -----------------------------------------------------------------------------------

_CLUSTER = regex.compile(r"\X")


def _nfc_around(text: str, hits: list[int]) -> bool:
    """True only when ``text`` is certainly NFC, from the pieces around its suspect characters.

    Every other character (ASCII and the common set) has no canonical decomposition,
    combining class 0 and is never the second of a composition (NFC quick check Yes; see
    tests/rules/test_encoding.py), so NFC never looks across the start of one: the text is
    NFC when each piece from the character before a block of consecutive suspect characters
    to the one after it is.  A few small is_normalized calls instead of one over the whole
    text (~1 ns a character: ~4 us for a seed, 254 suspect news_clean documents).
    """
    n, k = len(hits), 0
    while k < n:
        start = hits[k]
        while k + 1 < n and hits[k + 1] == hits[k] + 1:
            k += 1
        if not unicodedata.is_normalized("NFC", text[max(start - 1, 0):hits[k] + 2]):
            return False
        k += 1
    return True


def _not_nfc(text: str) -> Iterator[Edit]:
    if unicodedata.is_normalized("NFC", text):
        return
    for lm in _LINE.finditer(text):
        line = lm.group()
        if unicodedata.is_normalized("NFC", line):
            continue
        base = lm.start()
        edits = []
        for m in _CLUSTER.finditer(line):
            c = m.group()
            n = unicodedata.normalize("NFC", c)
            if n != c:
                edits.append((m.start(), m.end(), n))
        rebuilt, pos = [], 0
        for s, e, n in edits:
            rebuilt.append(line[pos:s] + n)
            pos = e
        rebuilt.append(line[pos:])
        if "".join(rebuilt) != unicodedata.normalize("NFC", line):
            i, j, after = _trimmed(line, unicodedata.normalize("NFC", line))
            edits = [(i, j, after)]
        for s, e, n in edits:
            yield make_edit(text, base + s, base + e, n, "ENC003", "not in Unicode NFC")


# --- OpenCC ----------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _converter(name: str):
    import opencc

    return opencc.OpenCC(name)


def _converted(text: str, name: str) -> Iterator[Edit]:
    import difflib

    conv = _converter(name)
    for lm in _LINE.finditer(text):
        line = lm.group()
        if not _HAN.search(line):
            continue
        out = conv.convert(line)
        if out == line:
            continue
        base = lm.start()
        ops = difflib.SequenceMatcher(None, line, out, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in ops:
            if tag != "equal":
                yield make_edit(text, base + i1, base + i2, out[j1:j2], "ENC004", f"OpenCC {name}")


def find_encoding_damage(text: str, ctx: Context) -> Iterator[Edit]:
    """Find ENC001–ENC004 edits.

    >>> from cleantext_zh import clean
    >>> clean("浣犲ソ", select="ENC"), clean("\\u00c4\\u00e3\\u00ba\\u00c3", select="ENC")
    ('你好', '你好')
    """
    # One kind per pass, so edits never overlap; the pipeline's next pass picks up the rest.
    # Prefilter for both: text without a suspect character (one scan at C speed) has no
    # mojibake and is NFC: ASCII and the common set are NFC quick-check Yes, combining class
    # 0, and no character of them is the second of a canonical composition (checked over
    # all of Unicode when written).  Spares is_normalized on 451 news_clean documents.
    # Always a fresh scan: the pipeline's first stage, it leaves the offsets for codepoints.
    hits = _scan_rare(text)
    not_suspect = _rare_scan()[1]
    for h in hits:
        if text[h] in not_suspect:  # rare in practice: filter only then
            hits = [h for h in hits if text[h] not in not_suspect]
            break
    if hits:
        if ctx.wants("ENC001") or ctx.wants("ENC002"):
            found = list(_mojibake(text, ctx, hits))
            if found:
                yield from found
                return
        if ctx.wants("ENC003") and not _nfc_around(text, hits):
            found = list(_not_nfc(text))
            if found:
                yield from found
                return
    if ctx.wants("ENC004") and ctx.config.convert:
        yield from _converted(text, ctx.config.convert)


NORMALIZER = Normalizer("encoding", RULES, find_encoding_damage, __doc__ or "")

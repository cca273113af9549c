"""REF — a reference witness: another version of the same document resolves what one cannot.

What it finds
    Users often hold two imperfect versions of one document (a PDF's text layer and an OCR of
    it; one article from two sites).  Aligned character by character, the two agree almost
    everywhere; where they differ in a known way the reference decides:

    * ``REF001`` digits the text lost (``合肥月日电`` / ``合肥□月□日电``) that the reference has
      (``合肥8月22日电``): filled from the reference;
    * ``REF002`` a doubled character (``书书记``) where the reference has it once (``书记``):
      deleted;
    * ``REF003`` a line or page break inside a sentence where the reference runs on: joined;
    * ``REF004`` a missing paragraph break after a sentence end where the reference, whose
      breaks are sentence-final, has one: restored.

    Every edit names the reference and quotes its context.
Where it comes from
    Each version has its own damage (seeds 000, 002 and 003 are one speech three times).
Example
    ``clean("新华社合肥月日电", reference="新华社合肥8月22日电")`` -> ``新华社合肥8月22日电``
Safety
    Edits are ``safe``: each rests on two independent witnesses agreeing about everything
    around the difference (the alignment anchors on long exact matches, and a difference is
    only acted on between aligned characters).  Differences of any other kind (other
    wording, other punctuation) are left alone.  A paragraph break is restored only when the
    reference's own breaks come after sentence ends (``REFERENCE_BREAK_TRUST``), so a
    hard-wrapped reference never splits the text.
Left alone
    Whitespace and punctuation width differences between the versions (``,`` vs ``，``: the
    alignment folds them), text the reference does not have, and everything when no
    reference is given (``Config.reference`` is ``None``).

Library use (the CLI's ``--reference OTHER.txt`` reads the file and passes its text)::

    >>> from cleantext_zh import clean
    >>> clean("新华社合肥□月□日电 习近平□日在合肥", reference="新华社合肥8月20日电 习近平20日在合肥")
    '新华社合肥8月20日电 习近平20日在合肥'
    >>> [(e.rule, e.before, e.after) for e in reference_edits("省委书书记", "省委书记")]
    [('REF002', '书', '')]

Speed: alignment is near-linear — unique k-grams of the reference index the text at sampled
positions, a longest increasing subsequence keeps a monotone chain of anchors, anchors are
extended to maximal exact matches by slice comparison, and only the short stretches between
anchors are aligned with :mod:`difflib` (recursing with shorter k-grams first).  No
quadratic DP ever runs over the whole file.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass
from typing import Iterator

import regex

from .charclass import CLOSING_CHARS, SENTENCE_END_CHARS
from .edits import Edit, make_edit
from .rule import Context, Normalizer, Rule

RULES = (
    Rule("REF001", "digits-missing-per-reference",
         "A numeral hole (□ or nothing) where the aligned reference has digits: filled from it (needs reference=).",
         ("新华社合肥□月□日电", "新华社合肥□月□日电")),
    Rule("REF002", "doubled-han-absent-in-reference",
         "A doubled character (书书记) the aligned reference has once: deleted (needs reference=).",
         ("浙江省委书书记", "浙江省委书书记")),
    Rule("REF003", "break-absent-in-reference",
         "A line break inside a sentence where the aligned reference runs on: joined (needs reference=).",
         ("增长极\n\n功能不断巩固提升", "增长极\n\n功能不断巩固提升")),
    Rule("REF004", "paragraph-break-per-reference",
         "A paragraph break after a sentence end that the aligned reference has: restored (needs reference=).",
         ("座谈会。习近平", "座谈会。习近平")),
)

# Anchor length (characters) at the top level, and the smallest tried when recursing into a
# stretch between anchors.  32 is long enough that a k-gram of Chinese prose is nearly always
# unique in a book; between anchors k halves down to MIN_ANCHOR_CHARS.
ANCHOR_CHARS = 32
MIN_ANCHOR_CHARS = 6
# difflib aligns a stretch between anchors only below this many cells (len_a * len_b); larger
# stretches with no unique k-gram left are treated as unaligned (different text).
LOCAL_ALIGN_MAX_CELLS = 250_000
# The reference's breaks are trusted to mark paragraphs when at least this share of them follow
# a sentence end (seed 002: 0.93; the hard-wrapped seed 003: 0.09).
REFERENCE_BREAK_TRUST = 0.85
# An anchor far from the current diagonal (a repeated phrase) needs a match this long; the
# first-level anchors are 32 chars, repeated set phrases in government reports reach ~60.
OFF_DIAGONAL_MIN_CHARS = 200
# Longest doubled run (characters) deleted on the reference's word (书书记: 1; 基基本本: pairs).
MAX_DOUBLED_CHARS = 2
# Longest digit run filled from the reference (2020, 1.25, 100).
MAX_FILL_CHARS = 8

# Width folding for alignment only (same length, so positions stay valid): ASCII punctuation
# of running Chinese text to its full-width form, full-width digits and letters to ASCII.
_FOLD = str.maketrans({
    ",": "\N{FULLWIDTH COMMA}", ":": "\N{FULLWIDTH COLON}", ";": "\N{FULLWIDTH SEMICOLON}",
    "(": "\N{FULLWIDTH LEFT PARENTHESIS}", ")": "\N{FULLWIDTH RIGHT PARENTHESIS}",
    "!": "\N{FULLWIDTH EXCLAMATION MARK}", "?": "\N{FULLWIDTH QUESTION MARK}",
    **{chr(0xFF10 + d): str(d) for d in range(10)},
    **{chr(0xFF21 + c): chr(0x41 + c) for c in range(26)},
    **{chr(0xFF41 + c): chr(0x61 + c) for c in range(26)},
})
_NONSPACE = regex.compile(r"\S+")
_DIGITS = regex.compile(r"[0-9\uff10-\uff19]+(?:[.．][0-9\uff10-\uff19]+)?")
_NUMERALS = regex.compile(r"[0-9\uff10-\uff19.．〇零一二三四五六七八九十百千万两]+")
_HAN = regex.compile(r"\p{Han}+")
_CJK_OR_DIGIT = regex.compile(r"[\p{Han}\p{P}0-9]")
_SENTENCE_FINAL = SENTENCE_END_CHARS + CLOSING_CHARS + "\N{FULLWIDTH COLON}:；;"


@dataclass(frozen=True)
class Squeezed:
    """A text without white space (folded for comparison) and where each character came from."""

    chars: str
    where: list[int]  # where[i] = position in the original of chars[i]
    space_after: list[int]  # indices i (sorted) with white space between chars[i] and chars[i+1]

    @classmethod
    def of(cls, text: str) -> "Squeezed":
        parts: list[str] = []
        where: list[int] = []
        space_after: list[int] = []
        for m in _NONSPACE.finditer(text):
            if where:
                space_after.append(len(where) - 1)
            parts.append(m.group())
            where.extend(range(m.start(), m.end()))
        return cls("".join(parts).translate(_FOLD), where, space_after)


def _anchor_pairs(a: str, alo: int, ahi: int, b: str, blo: int, bhi: int, k: int) -> list[tuple[int, int]]:
    """Candidate anchors ``(i, j)`` with ``a[i:i+k] == b[j:j+k]``, in order of ``i``.

    The reference is indexed at every ``k//2``-th position only, so any common run of at
    least ``1.5 k`` characters is found; the text is scanned, and after a hit the scan jumps
    to the end of the exact match, so matched text is read once.  Where a k-gram occurs
    more than once (a repeated paragraph), the occurrence nearest the current diagonal wins.
    """
    step = max(1, k // 2)
    index: dict[str, list[int]] = {}
    for j in range(blo, bhi - k + 1, step):
        index.setdefault(b[j:j + k], []).append(j)
    pairs: list[tuple[int, int]] = []
    delta = blo - alo  # expected j - i
    i = alo
    last_end = alo
    last = ahi - k
    get = index.get
    while i <= last:
        cands = get(a[i:i + k])
        if cands is None:
            i += 1
            continue
        want = i + delta
        j = cands[0] if len(cands) == 1 else min(cands, key=lambda c: abs(c - want))
        if abs(j - want) > max(2 * k, i - last_end):
            # Off the diagonal: a phrase repeated elsewhere, or the true occurrence falls
            # between the sampled positions; look for an on-diagonal hit within one step
            # before believing a long off-diagonal match.
            alt = None
            for i2 in range(i + 1, min(i + step, last + 1)):
                c2 = get(a[i2:i2 + k])
                if c2 is not None:
                    j2 = min(c2, key=lambda c: abs(c - (i2 + delta)))
                    if abs(j2 - (i2 + delta)) <= max(2 * k, i2 - last_end):
                        alt = (i2, j2)
                        break
            if alt is not None:
                i, j = alt
            elif _common_forward(a, i, ahi, b, j, bhi) < OFF_DIAGONAL_MIN_CHARS:
                i += 1
                continue
        run = _common_forward(a, i, ahi, b, j, bhi)
        pairs.append((i, j))
        delta = j - i
        last_end = i + run
        i += max(1, run - k + 1)
    return pairs


def _chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of pairs increasing in both coordinates (pairs sorted by the first)."""
    tails: list[int] = []  # tails[L] = smallest j ending a chain of length L+1
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        L = bisect.bisect_left(tails, j)
        if L == len(tails):
            tails.append(j)
            tail_idx.append(n)
        else:
            tails[L] = j
            tail_idx[L] = n
        prev[n] = tail_idx[L - 1] if L else -1
    out = []
    n = tail_idx[-1] if tail_idx else -1
    while n >= 0:
        out.append(pairs[n])
        n = prev[n]
    return out[::-1]


def _common_forward(a: str, i: int, ai_hi: int, b: str, j: int, bj_hi: int) -> int:
    """Length of the common run ``a[i:] == b[j:]`` within the bounds."""
    return _common_run(a, i, b, j, min(ai_hi - i, bj_hi - j), True)


def _common_backward(a: str, i: int, ai_lo: int, b: str, j: int, bj_lo: int) -> int:
    """Length of the common run ending just before ``a[i]`` and ``b[j]``."""
    return _common_run(a, i, b, j, min(i - ai_lo, j - bj_lo), False)


def _common_run(a: str, i: int, b: str, j: int, limit: int, forward: bool) -> int:
    """Up to ``limit`` common characters from ``a[i]``/``b[j]`` on (or before them, backward):
    slice compares that double while they match and halve when they do not."""
    n = 0
    step = 64
    while n < limit:
        m = min(step, limit - n)
        if forward:
            same = a[i + n:i + n + m] == b[j + n:j + n + m]
        else:
            same = a[i - n - m:i - n] == b[j - n - m:j - n]
        if same:
            n += m
            step *= 2
        elif m == 1:
            break
        else:
            step = max(1, m // 2)
    return n


def align(a: str, b: str) -> list[tuple[int, int, int]]:
    """Matching blocks ``(i, j, n)``, ``a[i:i+n] == b[j:j+n]``, increasing in both strings.

    >>> align("省委书书记易炼红", "省委书记易炼红")
    [(0, 0, 3), (4, 3, 4)]
    """
    blocks: list[tuple[int, int, int]] = []
    _align_range(a, 0, len(a), b, 0, len(b), ANCHOR_CHARS, blocks)
    blocks.sort()
    # Merge touching blocks on one diagonal.
    merged: list[tuple[int, int, int]] = []
    for i, j, n in blocks:
        if n <= 0:
            continue
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            pi, pj, pn = merged[-1]
            merged[-1] = (pi, pj, pn + n)
        else:
            merged.append((i, j, n))
    return merged


def _align_range(a: str, alo: int, ahi: int, b: str, blo: int, bhi: int, k: int,
                 out: list[tuple[int, int, int]]) -> None:
    if alo >= ahi or blo >= bhi:
        return
    # Common prefix and suffix first: the usual case between anchors.
    pre = _common_forward(a, alo, ahi, b, blo, bhi)
    if pre:
        out.append((alo, blo, pre))
        alo += pre
        blo += pre
    suf = _common_backward(a, ahi, alo, b, bhi, blo)
    if suf:
        out.append((ahi - suf, bhi - suf, suf))
        ahi -= suf
        bhi -= suf
    if alo >= ahi or blo >= bhi:
        return
    if (ahi - alo) * (bhi - blo) <= LOCAL_ALIGN_MAX_CELLS and (k < MIN_ANCHOR_CHARS or min(ahi - alo, bhi - blo) < 4 * k):
        sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
        out.extend((alo + i, blo + j, n) for i, j, n in sm.get_matching_blocks() if n)
        return
    if k < MIN_ANCHOR_CHARS:
        return  # too different to align: leave unmatched
    pairs = _anchor_pairs(a, alo, ahi, b, blo, bhi, k)
    chain = _chain(pairs)
    if not chain:
        _align_range(a, alo, ahi, b, blo, bhi, k // 2, out)
        return
    # Extend each anchor to a maximal exact match, then recurse into the stretches between.
    cur_a, cur_b = alo, blo
    for i, j in chain:
        if i < cur_a or j < cur_b:
            continue  # swallowed by the previous extended block
        back = _common_backward(a, i, cur_a, b, j, cur_b)
        s_a, s_b = i - back, j - back
        fwd = _common_forward(a, i, ahi, b, j, bhi)
        _align_range(a, cur_a, s_a, b, cur_b, s_b, k // 2, out)
        out.append((s_a, s_b, back + fwd))
        cur_a, cur_b = i + fwd, j + fwd
    _align_range(a, cur_a, ahi, b, cur_b, bhi, k // 2, out)


def _break_trust(reference: str) -> float:
    """Share of the reference's line breaks that follow a sentence end (1.0 with no breaks)."""
    total = final = 0
    for m in regex.finditer(r"(\S)[^\S\n]*\n", reference):
        total += 1
        final += m.group(1) in _SENTENCE_FINAL
    return final / total if total else 1.0


def _context(s: str, start: int, end: int, width: int = 6) -> str:
    return s[max(0, start - width):end + width].replace("\n", "⏎")


def reference_edits(text: str, reference: str, marker: str = "\N{WHITE SQUARE}") -> list[Edit]:
    """Edits to ``text`` that the aligned ``reference`` (another version of it) supports.

    Returns ``REF001``–``REF004`` edits (spans in ``text``), sorted and disjoint, each citing
    the reference.  This is what ``Config(reference=...)`` / ``cleantext --reference`` use.

    >>> [(e.rule, e.start, e.after) for e in reference_edits("新华社合肥月日电", "新华社合肥8月22日电")]
    [('REF001', 5, '8'), ('REF001', 6, '22')]
    """
    if not text or not reference:
        return []
    A = Squeezed.of(text)
    B = Squeezed.of(reference)
    blocks = align(A.chars, B.chars)
    edits: list[Edit] = []
    a_end_prev, b_end_prev = 0, 0
    for i, j, n in blocks + [(len(A.chars), len(B.chars), 0)]:
        ga = A.chars[a_end_prev:i]
        gb = B.chars[b_end_prev:j]
        if (ga or gb) and a_end_prev > 0 and i < len(A.chars):  # a stretch between two aligned chars
            e = _gap_edit(text, reference, A, B, a_end_prev, i, b_end_prev, j, marker)
            if e is not None:
                edits.append(e)
        a_end_prev, b_end_prev = i + n, j + n
    edits.extend(_break_edits(text, reference, A, B, blocks))
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[Edit] = []
    for e in edits:
        if out and (e.start < out[-1].end or e.start == out[-1].start):
            continue
        out.append(e)
    return out


def _gap_edit(text: str, reference: str, A: Squeezed, B: Squeezed, ai: int, aj: int, bi: int, bj: int,
              marker: str) -> Edit | None:
    ga, gb = A.chars[ai:aj], B.chars[bi:bj]
    ref_ctx = _context(reference, B.where[bi - 1] + 1, B.where[bj] if bj < len(B.where) else len(reference))
    # REF001: a hole (nothing, or markers) where the reference has digits.
    if gb and len(gb) <= MAX_FILL_CHARS and (not ga or set(ga) == {marker}):
        ok = _DIGITS.fullmatch(gb) if not ga else _NUMERALS.fullmatch(gb)
        if ok:
            fill = reference[B.where[bi]:B.where[bj - 1] + 1]
            if not ga:
                s, pos = A.where[ai - 1] + 1, A.where[aj]
                if "\n" in text[s:pos]:
                    # A break where the digits were: the reference decides whether the break is
                    # real (回顾\n2022年) or took the digits' place (事项\n\n1000多项 -> 事项1000多项).
                    between = reference[B.where[bi - 1] + 1:B.where[bj]]
                    after = between if "\n" in between else fill
                    return make_edit(text, s, pos, after, "REF001",
                                     f"digits missing at a break; the reference has {between!r} (…{ref_ctx}…)")
                return make_edit(text, pos, pos, fill, "REF001",
                                 f"digits missing here; the reference has {fill!r} (…{ref_ctx}…)")
            s, e = A.where[ai], A.where[aj - 1] + 1
            if text[s:e] == ga:
                return make_edit(text, s, e, fill, "REF001",
                                 f"marked hole; the reference has {fill!r} (…{ref_ctx}…)")
        return None
    # REF002: a doubled character the reference has once.
    if ga and not gb and len(ga) <= MAX_DOUBLED_CHARS and _HAN.fullmatch(ga):
        L = len(ga)
        if A.chars[ai - L:ai] == ga or A.chars[aj:aj + L] == ga:
            s, e = A.where[ai], A.where[aj - 1] + 1
            if text[s:e] == ga:
                return make_edit(text, s, e, "", "REF002",
                                 f"{ga!r} is doubled here; the reference has it once (…{ref_ctx}…)")
    return None


def _break_edits(text: str, reference: str, A: Squeezed, B: Squeezed,
                 blocks: list[tuple[int, int, int]]) -> Iterator[Edit]:
    """REF003 joins and REF004 paragraph breaks, at white space between two aligned characters."""
    trust = _break_trust(reference)
    para_sep = "\n\n" if "\n\n" in text else "\n"
    starts_a = [blk[0] for blk in blocks]
    starts_b = [blk[1] for blk in blocks]
    candidates: set[int] = set(A.space_after)
    for u in B.space_after:  # white space in the reference, mapped onto the text
        k = bisect.bisect_right(starts_b, u) - 1
        if k >= 0 and u < blocks[k][1] + blocks[k][2] - 1:
            candidates.add(blocks[k][0] + u - blocks[k][1])
    for t in sorted(candidates):
        k = bisect.bisect_right(starts_a, t) - 1
        if k < 0:
            continue
        i, j, n = blocks[k]
        if not t < i + n - 1:
            continue  # not between two characters of one aligned block
        p, q = A.where[t], A.where[t + 1]
        bp, bq = B.where[j + (t - i)], B.where[j + (t - i) + 1]
        ws_a, ws_b = text[p + 1:q], reference[bp + 1:bq]
        before, after = text[p], text[q]
        if "\n" in ws_a and "\n" not in ws_b:
            if before in _SENTENCE_FINAL or not _CJK_OR_DIGIT.match(before) or not _CJK_OR_DIGIT.match(after):
                continue
            if after in "#＃" or regex.match(r"[一二三四五六七八九十]+、|\d+[.、]", text[q:q + 4]):
                continue
            joint = ws_b if ws_b and (before.isascii() and before.isalnum() or after.isascii() and after.isalnum()) else ""
            yield make_edit(text, p + 1, q, joint, "REF003",
                            f"break inside a sentence; the reference runs on (…{_context(reference, bp, bq)}…)")
        elif "\n" in ws_b and "\n" not in ws_a and trust >= REFERENCE_BREAK_TRUST:
            if before not in SENTENCE_END_CHARS and not (before in CLOSING_CHARS and text[p - 1:p] in SENTENCE_END_CHARS):
                continue
            yield make_edit(text, p + 1, q, para_sep, "REF004",
                            f"paragraph break missing; the reference has one here (…{_context(reference, bp, bq)}…)")


def find_reference_differences(text: str, ctx: Context) -> Iterator[Edit]:
    """Find REF001–REF004 edits against ``ctx.config.reference`` (nothing without one)."""
    reference = getattr(ctx.config, "reference", None)
    if not reference:
        return
    for e in reference_edits(text, reference, ctx.config.marker):
        if ctx.wants(e.rule):
            yield e


NORMALIZER = Normalizer("reference", RULES, find_reference_differences, __doc__ or "")

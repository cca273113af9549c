"""The registry: every normalizer, in the order the pipeline runs them.  Nothing else.

Order matters and is pinned by a test: encoding and code-point repairs come first (later rules
match on clean characters; mojibake must be repaired before control codes are dropped), then
the reference witness (its evidence outranks every guess), web residue and page layout, then spacing and punctuation inside lines, then the
character-level repairs that need the text in its final shape, and last the numeral holes.
"""

from __future__ import annotations

from ..rule import Normalizer, Rule
from ..reference import NORMALIZER as REFERENCE
from . import codepoints, duplicates, encoding, english, linebreaks, numerals, pagination, punctuation, residue, spacing

NORMALIZERS: tuple[Normalizer, ...] = (
    encoding.NORMALIZER,
    codepoints.NORMALIZER,
    REFERENCE,
    residue.NORMALIZER,
    pagination.NORMALIZER,
    linebreaks.NORMALIZER,
    spacing.NORMALIZER,
    punctuation.NORMALIZER,
    english.NORMALIZER,
    duplicates.NORMALIZER,
    numerals.NORMALIZER,
)

RULES: dict[str, Rule] = {r.code: r for n in NORMALIZERS for r in n.rules}

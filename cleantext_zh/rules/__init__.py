"""The registry: every normalizer, in the order the pipeline runs them.  Nothing else.

Order matters and is pinned by a test: code-point repairs come first (later rules match on
clean characters), then layout, then spacing and punctuation inside lines, then the
character-level repairs that need the text in its final shape.
"""

from __future__ import annotations

from ..rule import Normalizer, Rule
from . import codepoints, linebreaks, pagination, spacing

NORMALIZERS: tuple[Normalizer, ...] = (
    codepoints.NORMALIZER,
    pagination.NORMALIZER, linebreaks.NORMALIZER,
    spacing.NORMALIZER,
)

RULES: dict[str, Rule] = {r.code: r for n in NORMALIZERS for r in n.rules}

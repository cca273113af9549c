"""Rule and Normalizer records: what a family of artifacts is called and how it is found.

A *normalizer* handles one artifact family (line wraps, duplicated characters, ...) with one
finder function ``find_<artifact>(text, ctx) -> Iterable[Edit]``; it may emit several *rules*
(codes such as ``LB001``), each selectable on its own.  Finders never rewrite text: the
pipeline applies their edits, so the text view of a rule is derived, never written twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .edits import Edit


@dataclass(frozen=True)
class Rule:
    """One rule code: ``LB001`` ``wrap-inside-sentence``; names describe the artifact as found."""

    code: str
    name: str
    summary: str
    example: tuple[str, str]  # (input, expected output) with only this rule selected
    default: bool = True  # in the default selection
    preview: bool = False  # new and not yet measured: only with preview=True / --preview

    @property
    def prefix(self) -> str:
        return self.code.rstrip("0123456789")


@dataclass(frozen=True)
class Context:
    """What a finder may consult besides the text: the configuration and the selection."""

    config: "Config"
    selected: frozenset[str]

    def wants(self, code: str) -> bool:
        return code in self.selected


Finder = Callable[[str, Context], "Iterable[Edit]"]


@dataclass(frozen=True)
class Normalizer:
    """An artifact family: its rules and its finder.  ``doc`` is shown by ``--explain``."""

    name: str
    rules: tuple[Rule, ...]
    finder: Finder = field(repr=False)
    doc: str = ""

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.rules)

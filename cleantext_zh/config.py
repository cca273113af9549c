"""The frozen configuration record, rule selection, and ``[tool.cleantext]`` in pyproject.toml."""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .rule import Rule

SPACING_MODES = ("keep", "remove", "add")
# OpenCC configurations accepted by ``convert`` (ENC004); None: no conversion.
CONVERT_CONFIGS = ("s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "tw2t", "t2hk", "hk2t",
                   "t2jp", "jp2t")
_DATE = re.compile(r"\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*")


class ConfigError(ValueError):
    """An option or selector the package does not understand."""


@dataclass(frozen=True)
class Config:
    """Every option, with its default.  ``Config().replace(...)`` gives a new record.

    select / ignore / extend_select take rule codes or family prefixes (``DUP``, ``LB0``).
    """

    select: tuple[str, ...] = ()  # empty: the default rule set
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    apply_review: bool = False  # also apply edits a rule marked REVIEW
    preview: bool = False  # include rules still in preview
    keep: tuple[str, ...] = ()  # protected phrases: no edit may touch them
    spacing: str = "keep"  # space between Han and Latin/digits: keep | remove | add
    marker: str = "\N{WHITE SQUARE}"  # marks a character we know is missing (NUM rules)
    convert: str | None = None  # OpenCC conversion for ENC004, e.g. "t2s"; None: off
    date: str | None = None  # the dateline's true date, "2020-08-22": NUM fills dateline holes with it
    reference: str | None = None  # another version of the same document: REF rules align and cite it

    def __post_init__(self) -> None:
        for name in ("select", "ignore", "extend_select", "keep"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, tuple(v for v in value.replace(",", " ").split() if v))
            else:
                object.__setattr__(self, name, tuple(value))
        if len(self.marker) != 1 or self.marker.isspace():
            raise ConfigError(f"marker must be one visible character such as \N{WHITE SQUARE}, not {self.marker!r}")
        if self.date is not None and not _DATE.fullmatch(self.date):
            raise ConfigError(f"date must look like 2020-08-22, not {self.date!r}")
        if self.spacing not in SPACING_MODES:
            raise ConfigError(f"spacing must be one of {', '.join(SPACING_MODES)}, not {self.spacing!r}")
        if self.convert is not None and self.convert not in CONVERT_CONFIGS:
            raise ConfigError(f"convert must be one of {', '.join(CONVERT_CONFIGS)} or None, not {self.convert!r}")

    def replace(self, **changes: Any) -> "Config":
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> "Config":
        """Build from keyword options, rejecting unknown ones with the list of valid names."""
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(options) - names)
        if unknown:
            raise ConfigError(f"unknown option(s) {', '.join(unknown)}; valid: {', '.join(sorted(names))}")
        return cls(**options)


def _matches(code: str, selector: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def resolve_selection(config: Config, rules: Iterable[Rule]) -> frozenset[str]:
    """The set of rule codes a configuration turns on (ruff's select / extend-select / ignore)."""
    rules = list(rules)
    for sel in (*config.select, *config.ignore, *config.extend_select):
        if not any(_matches(r.code, sel.upper()) for r in rules):
            valid = sorted({r.prefix for r in rules} | {r.code for r in rules})
            raise ConfigError(f"unknown rule selector {sel!r}; valid codes and prefixes: {', '.join(valid)}")

    def eligible(r: Rule) -> bool:
        return not r.preview or config.preview

    if config.select:
        chosen = {r.code for r in rules if eligible(r) and any(_matches(r.code, s.upper()) for s in config.select)}
    else:
        chosen = {r.code for r in rules if r.default and eligible(r)}
    chosen |= {r.code for r in rules if eligible(r) and any(_matches(r.code, s.upper()) for s in config.extend_select)}
    chosen -= {r.code for r in rules if any(_matches(r.code, s.upper()) for s in config.ignore)}
    return frozenset(chosen)


def load_pyproject(start: str = ".") -> dict[str, Any]:
    """Options from the nearest ``pyproject.toml``'s ``[tool.cleantext]`` table (keys in kebab-case)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    path = os.path.abspath(start)
    if os.path.isfile(path):
        path = os.path.dirname(path)
    while True:
        candidate = os.path.join(path, "pyproject.toml")
        if os.path.isfile(candidate):
            with open(candidate, "rb") as fh:
                table = tomllib.load(fh).get("tool", {}).get("cleantext", {})
            return {k.replace("-", "_"): v for k, v in table.items()}
        parent = os.path.dirname(path)
        if parent == path:
            return {}
        path = parent

"""cleantext_zh: repair what OCR and PDF/web extraction do to Chinese text, and explain it.

>>> import cleantext_zh
>>> cleantext_zh.clean("习近平总书记 30 日上午")
'习近平总书记30日上午'
>>> text, edits = cleantext_zh.explain("11 月 30 日")
>>> [(e.start, e.end, e.rule) for e in edits]
[(2, 3, 'SP001'), (4, 5, 'SP001'), (7, 8, 'SP001')]
"""

from __future__ import annotations

from typing import Any, Iterable

from .config import Config, ConfigError
from .edits import Edit, Safety, apply_edits
from .pipeline import Pipeline, Result
from .rules import RULES
from .rule import Normalizer, Rule

__version__ = "0.1.0"

__all__ = [
    "Cleaner", "Config", "ConfigError", "Edit", "Normalizer", "Pipeline", "Result", "Rule", "RULES",
    "Safety", "apply_edits", "clean", "explain", "list_rules", "__version__",
]


class Cleaner:
    """A reusable, picklable cleaner for use inside other pipelines (pandas, datasets, Spark).

    >>> c = Cleaner(ignore=["SP003"])
    >>> c.clean_batch(["11 月", "纷纷"])
    ['11月', '纷纷']
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        if config is not None and options:
            raise TypeError("pass either a Config or keyword options, not both")
        self.config = config or Config.from_options(options)
        self._pipeline: Pipeline | None = None
        self.pipeline  # validate the selection now, not on first use

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.config)
        return self._pipeline

    def __getstate__(self) -> dict:
        return {"config": self.config}  # the pipeline is rebuilt lazily after unpickling

    def __setstate__(self, state: dict) -> None:
        self.config = state["config"]
        self._pipeline = None

    def run(self, text: str) -> Result:
        return self.pipeline.run(text)

    def clean(self, text: str) -> str:
        return self.pipeline.clean(text)

    def explain(self, text: str) -> tuple[str, list[Edit]]:
        r = self.pipeline.run(text)
        return r.text, list(r.edits)

    def clean_batch(self, texts: Iterable[str | None]) -> list[str | None]:
        """Clean many texts; ``None`` passes through (missing values in a DataFrame column)."""
        clean = self.pipeline.clean
        return [None if t is None else clean(t) for t in texts]

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"


_DEFAULT: Cleaner | None = None


def _cleaner(options: dict[str, Any]) -> Cleaner:
    global _DEFAULT
    if options:
        return Cleaner(**options)
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT


def clean(text: str, **options: Any) -> str:
    """Return the cleaned text.  Options are :class:`Config` fields (``select``, ``ignore``, ...)."""
    return _cleaner(options).clean(text)


def explain(text: str, **options: Any) -> tuple[str, list[Edit]]:
    """Return ``(cleaned_text, edits)``: every finding in original coordinates, ``applied`` or not."""
    return _cleaner(options).explain(text)


def list_rules() -> list[Rule]:
    """Every rule in pipeline order."""
    return list(RULES.values())

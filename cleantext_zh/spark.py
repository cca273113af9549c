"""Clean a text column of a PySpark DataFrame, optionally with every edit as an audit column.

Install the extra: ``pip install 'cleantext_zh[spark]'`` (pyspark, pandas, pyarrow).  PySpark is
imported only when one of these functions is called, so ``import cleantext_zh`` never needs it.

Each Python worker builds one :class:`~cleantext_zh.Cleaner` per configuration and keeps it
for every partition it runs (Spark reuses its Python workers).  Only the frozen ``Config``
travels from the driver.  Rows that are null stay null.

``clean_column`` is the main entry point::

    from cleantext_zh.spark import clean_column
    df = spark.read.text("corpus/*.txt", wholetext=True)          # one row per file
    out = clean_column(df, "value", output="clean", edits="edits")
    out.write.parquet("corpus_clean.parquet")

``clean_udf`` and ``edits_udf`` return pandas UDFs for ``select``/``withColumn``.

The edits column holds one record per finding, with offsets in code points of the ORIGINAL
text (0-based, half-open, as :class:`~cleantext_zh.Edit`).  It is an array of structs
(``EDITS_DDL``), or a JSON string with ``edits_format="json"``.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any, Iterator

from . import Cleaner
from .config import Config
from .edits import Edit

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from pyspark.sql import DataFrame

EDIT_FIELDS = (
    ("rule", "string"), ("start", "int"), ("end", "int"), ("before", "string"), ("after", "string"),
    ("safety", "string"), ("confidence", "double"), ("applied", "boolean"), ("reason", "string"),
)
EDITS_DDL = "array<struct<" + ",".join(f"`{n}`:{t}" for n, t in EDIT_FIELDS) + ">>"
EDITS_FORMATS = ("struct", "json")

# One Cleaner per configuration per Python worker process.
_CLEANERS: dict[Config, Cleaner] = {}


def _config(config: Config | None, options: dict[str, Any]) -> Config:
    if config is not None and options:
        raise TypeError("pass either a Config or keyword options, not both")
    return config if config is not None else Config.from_options(options)


def _cleaner(config: Config) -> Cleaner:
    c = _CLEANERS.get(config)
    if c is None:
        c = _CLEANERS[config] = Cleaner(config)
    return c


def edit_record(e: Edit) -> dict:
    """One edit as a plain dict with the fields of ``EDIT_FIELDS``."""
    return {"rule": e.rule, "start": e.start, "end": e.end, "before": e.before, "after": e.after,
            "safety": e.safety.value, "confidence": float(e.confidence), "applied": bool(e.applied),
            "reason": e.reason}


def _edits_value(edits: tuple[Edit, ...], fmt: str):
    records = [edit_record(e) for e in edits]
    return json.dumps(records, ensure_ascii=False) if fmt == "json" else records


def _clean_series(texts: "pd.Series", config: Config, edits_format: str | None):
    """(cleaned, edits or None) as Python lists; anything that is not a str counts as missing."""
    run = _cleaner(config).run
    cleaned, edits = [], []
    for t in texts:
        if isinstance(t, str):
            r = run(t)
            cleaned.append(r.text)
            if edits_format:
                edits.append(_edits_value(r.edits, edits_format))
        else:  # None, NaN, pd.NA: a null in Spark
            cleaned.append(None)
            if edits_format:
                edits.append(None)
    return cleaned, (edits if edits_format else None)


def _clean_partition(batches: Iterator["pd.DataFrame"], *, config: Config, column: str, output: str,
                     edits: str | None, edits_format: str) -> Iterator["pd.DataFrame"]:
    import pandas as pd

    for pdf in batches:
        cleaned, found = _clean_series(pdf[column], config, edits_format if edits else None)
        pdf[output] = pd.Series(cleaned, index=pdf.index, dtype=object)
        if edits:
            pdf[edits] = pd.Series(found, index=pdf.index, dtype=object)
        yield pdf


def edits_type():
    """The Spark type of the edits column: ``array<struct<rule, start, end, ...>>``."""
    from pyspark.sql import types as T

    simple = {"string": T.StringType(), "int": T.IntegerType(), "double": T.DoubleType(),
              "boolean": T.BooleanType()}
    return T.ArrayType(T.StructType([T.StructField(n, simple[t], True) for n, t in EDIT_FIELDS]), True)


def _check_format(edits_format: str) -> None:
    if edits_format not in EDITS_FORMATS:
        raise ValueError(f"edits_format must be one of {', '.join(EDITS_FORMATS)}, not {edits_format!r}")


def clean_column(df: "DataFrame", column: str, *, output: str | None = None, edits: str | None = None,
                 edits_format: str = "struct", config: Config | None = None, **options: Any) -> "DataFrame":
    """Return ``df`` with ``column`` cleaned into ``output`` (default: ``column`` itself).

    ``edits`` names a new column for every finding of each row (applied or only reported);
    ``edits_format`` is ``"struct"`` (``EDITS_DDL``) or ``"json"`` (a string).  ``config`` or
    keyword options (``ignore=["SP"]``, ``apply_review=True``, ...) as for :func:`cleantext_zh.clean`.
    Runs with ``mapInPandas``: one Arrow batch at a time, one Cleaner per worker.
    """
    from pyspark.sql.types import StringType, StructField, StructType

    _check_format(edits_format)
    cfg = _config(config, options)
    Cleaner(cfg)  # reject a bad selection here, on the driver, not in a failed task
    if column not in df.columns:
        raise ValueError(f"no column {column!r}; the DataFrame has {', '.join(df.columns)}")
    if not isinstance(df.schema[column].dataType, StringType):
        raise TypeError(f"column {column!r} is {df.schema[column].dataType.simpleString()}, not string")
    output = output or column
    if edits and edits in (column, output):
        raise ValueError("the edits column needs its own name")
    fields = []
    for f in df.schema.fields:  # same order; a column named like `output` or `edits` is replaced
        if f.name == edits or (f.name == output and output != column):
            continue
        fields.append(StructField(column, StringType(), True) if f.name == column == output else f)
    if output != column:
        fields.append(StructField(output, StringType(), True))
    if edits:
        etype = StringType() if edits_format == "json" else edits_type()
        fields.append(StructField(edits, etype, True))
    schema = StructType(fields)
    fn = functools.partial(_clean_partition, config=cfg, column=column, output=output, edits=edits,
                           edits_format=edits_format)
    return df.mapInPandas(fn, schema)


def _series_to_series(fn, pd):
    # PySpark reads the kind of pandas UDF from real type hints; this module's annotations are
    # strings (``from __future__ import annotations``) naming a pandas it imports lazily.
    fn.__annotations__ = {"texts": pd.Series, "return": pd.Series}
    return fn


def clean_udf(config: Config | None = None, **options: Any):
    """A pandas UDF (string -> string): ``df.withColumn("clean", clean_udf()("text"))``."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    cfg = _config(config, options)
    Cleaner(cfg)

    def cleantext_clean(texts):
        cleaned, _ = _clean_series(texts, cfg, None)
        return pd.Series(cleaned, index=texts.index, dtype=object)

    return pandas_udf(_series_to_series(cleantext_clean, pd), "string")


def edits_udf(config: Config | None = None, edits_format: str = "struct", **options: Any):
    """A pandas UDF giving each row's findings (``EDITS_DDL``, or JSON with ``edits_format="json"``)."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    _check_format(edits_format)
    cfg = _config(config, options)
    Cleaner(cfg)

    def cleantext_edits(texts):
        _, found = _clean_series(texts, cfg, edits_format)
        return pd.Series(found, index=texts.index, dtype=object)

    return pandas_udf(_series_to_series(cleantext_edits, pd), "string" if edits_format == "json" else edits_type())

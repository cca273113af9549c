"""The Spark integration: the cleaned column equals ``clean()`` row by row, in local mode.

Skipped when the ``spark`` extra (pyspark, pandas, pyarrow) or Java is missing, unless
``CLEANTEXT_REQUIRE_SPARK=1`` is set (CI sets it, so a broken install fails instead of skipping).
"""

from __future__ import annotations

import importlib
import json
import math
import os
import shutil
import sys

import pytest

REQUIRED = os.environ.get("CLEANTEXT_REQUIRE_SPARK", "") not in ("", "0")


def _need(module: str):
    if REQUIRED:
        return importlib.import_module(module)  # an ImportError fails the run
    return pytest.importorskip(module)


_need("pyspark")
pd = _need("pandas")
_need("pyarrow")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    if REQUIRED:
        raise RuntimeError("CLEANTEXT_REQUIRE_SPARK is set but there is no java on PATH and no JAVA_HOME")
    pytest.skip("PySpark needs Java (no java on PATH, no JAVA_HOME)", allow_module_level=True)

import cleantext_zh  # noqa: E402
from cleantext_zh import Config, ConfigError, clean, explain  # noqa: E402
from cleantext_zh.spark import (  # noqa: E402
    EDIT_FIELDS, _clean_partition, clean_column, clean_udf, edit_record, edits_udf,
)

from .conftest import DATA  # noqa: E402


def _rows() -> list[str | None]:
    """Whole seeds, their lines (empty ones too), the clean sample's lines, rule examples, nulls."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("00?_*.txt"))]
    assert len(seeds) == 5
    rows: list[str | None] = list(seeds)
    for s in seeds:
        rows.extend(s.split("\n"))
    rows.extend((DATA / "clean_sample.txt").read_text(encoding="utf-8").split("\n")[:60])
    rows.extend(r.example[0] for r in cleantext_zh.list_rules())
    rows += [None, "", " ", "\u200b", None, "11 月 30 日", "Ünïcödé \x00 ok"]
    return rows


ROWS = _rows()


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The Python workers must import THIS cleantext_zh, installed or not.
    pkg_root = os.path.dirname(os.path.dirname(os.path.abspath(cleantext_zh.__file__)))
    old = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYTHONPATH")}
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = pkg_root + (os.pathsep + old["PYTHONPATH"] if old["PYTHONPATH"] else "")
    session = (
        SparkSession.builder.master("local[2]").appName("cleantext_zh-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        # Small Arrow batches: several batches per partition go through one worker's Cleaner.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "32")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="module")
def df(spark):
    return spark.createDataFrame(list(enumerate(ROWS)), "id int, text string").repartition(3)


def _by_id(rows, *cols):
    return {r["id"]: tuple(r[c] for c in cols) for r in rows}


def test_rows_hold_artifacts():
    # The comparison below is only worth something if the pipeline changes some rows.
    assert sum(1 for t in ROWS if t is not None and clean(t) != t) >= 10


def test_clean_column_equals_clean_row_by_row(df):
    out = clean_column(df, "text", output="clean", edits="edits")
    assert out.columns == ["id", "text", "clean", "edits"]
    got = _by_id(out.collect(), "text", "clean", "edits")
    assert sorted(got) == list(range(len(ROWS)))
    for i, text in enumerate(ROWS):
        original, cleaned, edits = got[i]
        assert original == text
        if text is None:
            assert cleaned is None and edits is None
            continue
        expected_text, expected_edits = explain(text)
        assert cleaned == expected_text, f"row {i}: {text[:40]!r}"
        assert [e.asDict() for e in edits] == [edit_record(e) for e in expected_edits], f"row {i}"


def test_clean_column_in_place_with_json_edits_and_options(df):
    out = clean_column(df, "text", edits="audit", edits_format="json", ignore=["SP"])
    assert out.columns == ["id", "text", "audit"]
    got = _by_id(out.collect(), "text", "audit")
    changed_by_sp = 0
    for i, text in enumerate(ROWS):
        cleaned, audit = got[i]
        if text is None:
            assert cleaned is None and audit is None
            continue
        assert cleaned == clean(text, ignore=["SP"])
        changed_by_sp += clean(text) != cleaned
        records = json.loads(audit)
        assert records == [edit_record(e) for e in explain(text, ignore=["SP"])[1]]
        assert all(set(r) == {n for n, _ in EDIT_FIELDS} for r in records)
    assert changed_by_sp > 0  # the option really reached the workers


def test_udfs_equal_clean(df):
    cfg = Config(ignore=("CP",))
    out = df.select("id", clean_udf()("text").alias("c"), clean_udf(cfg)("text").alias("c2"),
                    edits_udf(edits_format="json")("text").alias("e"))
    got = _by_id(out.collect(), "c", "c2", "e")
    for i, text in enumerate(ROWS):
        c, c2, e = got[i]
        if text is None:
            assert (c, c2, e) == (None, None, None)
            continue
        assert c == clean(text)
        assert c2 == clean(text, ignore=["CP"])
        assert json.loads(e) == [edit_record(x) for x in explain(text)[1]]


def test_bad_arguments_fail_on_the_driver(df, spark):
    with pytest.raises(ValueError, match="no column"):
        clean_column(df, "body")
    with pytest.raises(TypeError, match="not string"):
        clean_column(df, "id")
    with pytest.raises(ConfigError):
        clean_column(df, "text", select=["NOPE999"])
    with pytest.raises(ValueError, match="edits_format"):
        clean_column(df, "text", edits="e", edits_format="xml")
    with pytest.raises(ValueError, match="own name"):
        clean_column(df, "text", edits="text")


def test_partition_function_treats_every_missing_value_as_null():
    # Spark hands pandas None, NaN or pd.NA for a null depending on versions and dtypes.
    pdf = pd.DataFrame({"t": pd.Series(["11 月", None, math.nan, pd.NA, "纷纷"], dtype=object)})
    (out,) = list(_clean_partition(iter([pdf]), config=Config(), column="t", output="c", edits="e",
                                   edits_format="struct"))
    assert out["c"].tolist() == ["11月", None, None, None, "纷纷"]
    assert out["e"].tolist()[1:4] == [None, None, None]
    assert [r["rule"] for r in out["e"][0]] == ["SP001"]

"""Shared helpers for the benchmark scripts: where the texts are, what machine this is.

The scripts put the repository root first on ``sys.path`` so they always measure THIS
checkout's ``cleantext_zh`` (whatever rule families it has at run time), never an installed
copy.
"""

from __future__ import annotations

import glob
import json
import os
import platform
import subprocess
import sys

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
RESULTS_DIR = os.path.join(BENCH_DIR, "results")
TESTS_DATA = os.path.join(REPO_ROOT, "tests", "data")

if REPO_ROOT not in sys.path:
    sys.path.insert(0, REPO_ROOT)

# The clean corpus (government work reports, 3.7 MB) lives outside the repository; these are
# the places we look, in order.  Without it we fall back to the bundled sample, repeated.
CORPUS_CANDIDATES = (
    os.path.join(REPO_ROOT, "..", "shared", "corpus", "news_clean.txt"),
    "/work/shared/corpus/news_clean.txt",
)
CLEAN_SAMPLE = os.path.join(TESTS_DATA, "clean_sample.txt")
SEED_GLOB = os.path.join(TESTS_DATA, "00?_*.txt")

MB = 1_000_000  # throughput is reported in MB (10^6 bytes) of UTF-8 input per second


def read(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def utf8_len(texts) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def clean_documents(target_bytes: int, corpus: str | None = None) -> tuple[str, list[str]]:
    """(source description, documents) of clean modern Chinese text.

    news_clean.txt separates its 705 documents (report passages of 300-3,000 characters) by
    one blank line; the bundled sample is split the same way and repeated to ``target_bytes``.
    ``corpus``: a file to use instead of looking, or ``"bundled"`` for the bundled sample.
    """
    candidates = () if corpus == "bundled" else (corpus,) if corpus else CORPUS_CANDIDATES
    if corpus and corpus != "bundled" and not os.path.isfile(corpus):
        raise SystemExit(f"no such corpus file: {corpus}")
    for path in candidates:
        if os.path.isfile(path):
            docs = [d for d in read(path).split("\n\n") if d.strip()]
            return os.path.normpath(path), docs
    docs = [d for d in read(CLEAN_SAMPLE).split("\n\n") if d.strip()]
    if len(docs) < 8:  # few blank lines: cut into paragraph groups of document size
        lines = read(CLEAN_SAMPLE).splitlines(keepends=True)
        docs = ["".join(lines[i:i + 10]) for i in range(0, len(lines), 10)]
    once = utf8_len(docs)
    times = max(1, -(-target_bytes // once))
    why = "bundled sample, as asked" if corpus == "bundled" else "news_clean.txt not found"
    return f"{os.path.relpath(CLEAN_SAMPLE, REPO_ROOT)} x{times} ({why})", docs * times


def seed_documents(target_bytes: int) -> tuple[str, list[str]]:
    """The five noisy seeds, each one document, repeated to about ``target_bytes``."""
    paths = sorted(glob.glob(SEED_GLOB))
    if not paths:
        raise SystemExit(f"no seeds found at {SEED_GLOB}")
    docs = [read(p) for p in paths]
    once = utf8_len(docs)
    times = max(1, -(-target_bytes // once))
    return f"{len(paths)} seeds in tests/data x{times}", docs * times


def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "-C", REPO_ROOT, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "-C", REPO_ROOT, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode:
        return None
    return out.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            mem = round(int(fh.readline().split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": cpu,
        "logical_cpus": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gib": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
    }


def package_info() -> dict:
    import cleantext_zh
    from cleantext_zh.pipeline import Pipeline

    pipeline = Pipeline()
    return {
        "version": cleantext_zh.__version__,
        "path": os.path.dirname(cleantext_zh.__file__),
        "commit": git_commit(),
        "stages": [s.name for s in pipeline.stages],
        "default_rules": sorted(pipeline.selected),
    }


def versions(*names: str) -> dict:
    from importlib import metadata

    out = {}
    for n in names:
        try:
            out[n] = metadata.version(n)
        except metadata.PackageNotFoundError:
            out[n] = None
    return out


def write_json(name: str, data: dict, path: str | None = None) -> str:
    path = path or os.path.join(RESULTS_DIR, name)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return path


def cli_command() -> list[str]:
    """The ``cleantext`` command of THIS checkout (``python -m cleantext_zh``)."""
    return [sys.executable, "-m", "cleantext_zh"]


def cli_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = REPO_ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *map(fmt, rows)])

"""Smoke tests: the benchmark scripts still run on whatever pipeline the package has now.

Tiny sizes: these check that the harness works and writes its JSON, not how fast anything is.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

BENCH = pathlib.Path(__file__).resolve().parent.parent / "benchmarks"
pytestmark = pytest.mark.skipif(not BENCH.is_dir(), reason="benchmarks/ is not in this checkout")


def _run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True,
                          timeout=300, cwd=BENCH.parent)


def test_throughput_harness_writes_table_and_json(tmp_path):
    out = tmp_path / "t.json"
    proc = _run("bench_throughput.py", "--corpus", "bundled", "--max-mb", "0.05", "--seed-mb", "0.05",
                "--rounds", "2", "--no-jobs", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Targets (issue 7)" in proc.stdout and ("PASS" in proc.stdout or "FAIL" in proc.stdout)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(t["text"], t["reference"]) for t in data["targets"]] == [
        ("clean", "ftfy"), ("clean", "regex-full"), ("seeds", "ftfy")]
    for w in ("clean", "seeds"):
        c = data["workloads"][w]["contenders"]
        assert set(c) == {"pipeline", "regex-full", "regex-skip", "ftfy"}
        assert all(v["mb_per_s"] > 0 and len(v["times_s"]) == 2 for v in c.values())
        assert data["workloads"][w]["documents"] > 0
    assert data["first_call"]["first_call_s"] > 0
    assert data["jobs"] == {"skipped": "--no-jobs"}
    assert data["package"]["default_rules"]
    assert data["workloads"]["clean"]["source"].startswith("tests/data/clean_sample.txt")


def test_profile_lists_every_stage(tmp_path):
    out = tmp_path / "p.json"
    proc = _run("bench_throughput.py", "--profile", "--corpus", "bundled", "--max-mb", "0.05",
                "--seed-mb", "0.05", "--top", "5", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    stages = [s["stage"] for s in data["profile"][0]["stages"]]
    assert stages[:-1] == data["package"]["stages"] and stages[-1] == "(whole pipeline.run)"
    assert len(data["profile"][0]["top_by_tottime"]) == 5


def test_memory_harness_runs_the_cli_and_matches_whole_text_clean(tmp_path):
    out = tmp_path / "m.json"
    proc = _run("bench_memory.py", "1M", "--corpus", "bundled", "--verify", "--json", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["run"]["exit_code"] == 0
    assert data["generated"]["bytes"] >= 10**6 and sum(data["generated"]["injected"].values()) > 0
    assert data["run"]["ru_maxrss_mb"] > data["floor_cleantext_version"]["ru_maxrss_mb"] * 0.5 > 0
    assert data["identical_to_whole_clean"] is True
    assert data["pass"] is None  # the 300 MB target is only judged at 1 GB

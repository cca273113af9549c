"""The README's rule table matches the registry, and its setup commands match .ci/run."""

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import update_readme  # noqa: E402


def test_rule_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert update_readme.render(readme) == readme, "run: python scripts/update_readme.py"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pip install '.[test,spark]'" in readme
    assert ".venv/bin/python -m pip install --quiet '.[test,spark]'" in ci
    assert ".venv/bin/python -m pytest" in readme and ".venv/bin/python -m pytest" in ci

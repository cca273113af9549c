"""The pipeline, the registry and the public API."""

import pickle
import warnings

import pytest

import cleantext_zh
from cleantext_zh import Cleaner, Config, ConfigError, Safety, clean, explain, list_rules
from cleantext_zh.edits import apply_edits, make_edit
from cleantext_zh.pipeline import ConvergenceWarning, Pipeline
from cleantext_zh.rule import Normalizer, Rule
from cleantext_zh.rules import NORMALIZERS, RULES


def test_every_rule_example_holds():
    """Each rule's documented example, with only that rule selected, gives the documented output."""
    for rule in list_rules():
        before, after = rule.example
        out = clean(before, select=[rule.code], preview=True, extend_select=[])
        assert out == after, rule.code


def test_codes_are_unique_well_formed_and_in_registry_order():
    codes = [r.code for n in NORMALIZERS for r in n.rules]
    assert len(codes) == len(set(codes))
    assert list(RULES) == codes
    for r in RULES.values():
        assert r.code[:-3].isalpha() and r.code[-3:].isdigit(), r.code
        assert r.name == r.name.lower() and " " not in r.name, r.name


def test_selection_by_prefix_and_ignore():
    assert clean("11 月 30 日", select="SP001") == "11月30日"
    assert clean("11 月 30 日", ignore=["SP"]) == "11 月 30 日"
    assert clean("11 月 30 日", select=["CP"]) == "11 月 30 日"


def test_unknown_selector_and_option_are_rejected_with_choices():
    with pytest.raises(ConfigError, match="valid codes"):
        clean("x", select=["NOPE"])
    with pytest.raises(ConfigError, match="valid:"):
        clean("x", selct=["SP"])
    with pytest.raises(ConfigError, match="spacing"):
        Config(spacing="sometimes")


def test_bytes_raise_type_error_that_says_how_to_decode():
    with pytest.raises(TypeError, match="decode"):
        clean("你好".encode())


def test_explain_maps_to_original_and_replays():
    text = "他说 11 月 30 日\u200b到。"
    out, edits = explain(text)
    assert out == "他说11月30日到。"
    applied = [e for e in edits if e.applied]
    assert apply_edits(text, applied) == out
    for e in edits:
        assert text[e.start:e.end] == e.before


def test_keep_protects_phrases():
    assert clean("总书记 30 日", keep=["总书记 30"]) == "总书记 30日"


def _toy(rules, finder):
    return Normalizer("toy", tuple(rules), finder, "toy")


def test_review_edits_are_reported_not_applied_unless_asked():
    rule = Rule("TOY001", "toy", "toy", ("a", "a"))

    def finder(text, ctx):
        i = text.find("xx")
        if i != -1:
            yield make_edit(text, i, i + 1, "", "TOY001", "doubled x", Safety.REVIEW, 0.6)

    p = Pipeline(Config(), normalizers=[_toy([rule], finder)])
    r = p.run("axxb")
    assert r.text == "axxb" and len(r.reported) == 1 and not r.applied
    p2 = Pipeline(Config(apply_review=True), normalizers=[_toy([rule], finder)])
    r2 = p2.run("axxb")
    assert r2.text == "axb" and r2.applied[0].rule == "TOY001"


def test_non_converging_rule_warns():
    rule = Rule("TOY002", "grow", "grows forever", ("a", "a"))

    def finder(text, ctx):
        yield make_edit(text, len(text), len(text), "x", "TOY002", "append")

    p = Pipeline(Config(), normalizers=[_toy([rule], finder)])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        p.run("a")
    assert any(issubclass(w.category, ConvergenceWarning) for w in caught)


def test_cleaner_is_picklable_and_batches():
    c = Cleaner(ignore=["SP003"])
    c.clean("预热")
    c2 = pickle.loads(pickle.dumps(c))
    assert c2.config == c.config
    assert c2.clean_batch(["11 月", None, "纷纷"]) == ["11月", None, "纷纷"]


def test_public_api_is_small():
    assert {"clean", "explain", "Cleaner", "list_rules", "Edit", "Safety"} <= set(cleantext_zh.__all__)

"""The user's real documents (tests/data, copied from shared/seeds): what the rules fix in them."""

import pytest

from cleantext_zh import clean
from tests.conftest import DATA

SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(DATA.glob("00?_*.txt"))}


def test_all_five_seeds_are_bundled():
    assert sorted(SEEDS) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_output_is_a_fixed_point(seed):
    once = clean(SEEDS[seed])
    assert clean(once) == once


def test_002_han_digit_spaces_removed():
    out = clean(SEEDS["002"], select=["SP"])
    assert "习近平总书记30日上午在上海主持召开" in out
    assert "重要讲话精神和深入推进长三角一体化发展座谈会精神" in out  # space after 和 splits a phrase


@pytest.mark.parametrize("seed, kept", [
    ("000", "新华社上海11月30日电 中共中央总书记"),  # dateline space
    ("000", "# 推动长三角一体化发展取得新的重大突破 在中国式现代化中更好发挥引领示范作用"),  # headline
    ("004", "本报记者 叶辰亮摄"),  # photo credit
    ("004", "营商服务基地。本报记者 张伊辰摄"),
])
def test_conventional_spaces_stay(seed, kept):
    assert kept in SEEDS[seed]
    assert kept in clean(SEEDS[seed], select=["SP", "CP"])


def test_003_number_spacing_inside_wrapped_lines():
    out = clean(SEEDS["003"], select=["SP"])
    assert "习近平 11 月 30" not in out and "习近平11月30" in out
    assert "实施5年来" in out

"""ENC rules: mojibake (GBK family and, through ftfy, UTF-8 as Latin), NFC, opt-in OpenCC."""

from __future__ import annotations

import codecs
import pathlib

import ftfy
import pytest
from hypothesis import assume, given, settings, strategies as st

from cleantext_zh import ConfigError, clean, explain
from cleantext_zh.rules import encoding

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"
ENC = {"select": "ENC"}

SENTENCES = [
    "中共中央总书记、国家主席、中央军委主席习近平在上海主持召开座谈会并发表重要讲话。",
    "他强调，深入推进长三角一体化发展，意义重大。",
    "宝塔消防救援站（简称“宝塔消防救援站”）先进事迹",
    "你好，世界",
]


def _sloppy_1252(data: bytes) -> str:
    """What Windows/browsers show for bytes read as cp1252: undefined bytes become C1 codes."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes((b,)).decode("cp1252") for b in data)


def _whatwg(err):
    return ("\N{EURO SIGN}" if err.object[err.start:err.start + 1] == b"\x80" else "\ufffd", err.start + 1)


codecs.register_error("cleantext-test-whatwg", _whatwg)


@pytest.fixture
def ftfy_calls(monkeypatch):
    calls = []
    real = ftfy.fix_text

    def counting(text, *args, **kwargs):
        calls.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(ftfy, "fix_text", counting)
    return calls


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("make", [
    lambda s: s.encode("utf-8").decode("latin-1"),
    lambda s: _sloppy_1252(s.encode("utf-8")),
    lambda s: s.encode("gbk").decode("latin-1"),
    lambda s: _sloppy_1252(s.encode("gbk")),
], ids=["utf8-as-latin1", "utf8-as-cp1252", "gbk-as-latin1", "gbk-as-cp1252"])
def test_sentence_round_trips(text, make):
    assert clean(make(text), **ENC) == text


@pytest.mark.parametrize("mojibake,expected", [
    ("浣犲ソ", "你好"),
    ("\u9365\u85c9\ue18d\u9359\u621d\u774d", "国家发展"),
    ("ÄãºÃ£¬ÊÀ½ç", "你好，世界"),
    ("a浣燽", "a你b"),
    # negatives: clean text with rare, Traditional and European characters
    ("堃喆昇，個們", "堃喆昇，個們"),
    ("café Müller ÄÖÜ", "café Müller ÄÖÜ"),
    ("锟斤拷烫烫烫", "锟斤拷烫烫烫"),
    ("浣溪沙", "浣溪沙"),
])
def test_examples(mojibake, expected):
    assert clean(mojibake, **ENC) == expected


def test_utf8_as_gbk_with_lost_byte_repairs_the_exact_part_and_reports_the_rest():
    damaged = "国家发展改革委。".encode("utf-8").decode("gb18030", "cleantext-test-whatwg")
    out, edits = explain(damaged, **ENC)
    assert out.startswith("国家发展改革")
    assert [e.safety.value for e in edits] == ["safe", "report"]


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(sorted(encoding._tables()[0] - set("　"))), min_size=2, max_size=12))
def test_utf8_shown_as_gbk_repaired_exactly(text):
    assume(any("\u4e00" <= c <= "\u9fff" for c in text))
    for codec in ("gbk", "gb18030"):
        try:
            damaged = text.encode("utf-8").decode(codec)
        except UnicodeDecodeError:
            continue
        assume(damaged != text)
        assert clean(damaged, **ENC) == text
        return
    assume(False)


common_zh = st.text(st.sampled_from(sorted(encoding._tables()[0])), min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(common_zh)
def test_gbk_shown_as_latin1_and_utf8_shown_as_cp1252_repaired(text):
    assume(any("\u4e00" <= c <= "\u9fff" for c in text))
    damaged = text.encode("gbk").decode("latin-1")
    # ×÷ alone (作) is left as found: those signs are real in Chinese text (see encoding.py).
    assume(not set(damaged) <= encoding._SIGNS_IN_CHINESE_TEXT | set("，。"))
    assert clean(damaged, **ENC) == text
    assert clean(_sloppy_1252(text.encode("utf-8")), **ENC) == text


# Rare and Traditional characters (outside GB 2312 level 1): real text, never "repaired".
rare = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF).filter(lambda c: c not in encoding._tables()[0])


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(rare, st.sampled_from(sorted(encoding._tables()[0])), st.sampled_from("，。 a1")),
               min_size=1, max_size=20))
def test_clean_text_with_rare_characters_never_repaired(text):
    from unittest import mock
    with mock.patch.object(ftfy, "fix_text", side_effect=AssertionError("ftfy called on clean text")):
        assert clean(text, **ENC) == text


def test_clean_text_makes_no_ftfy_call(ftfy_calls):
    for path in sorted(DATA.glob("*.txt")):
        seed = path.read_text(encoding="utf-8")
        clean(seed)
    clean("\n".join(SENTENCES) * 50)
    assert ftfy_calls == []


def test_flagged_text_calls_ftfy_once_per_line(ftfy_calls):
    # Chinese mojibake is repaired exactly without ftfy; European mojibake goes to ftfy.
    damaged = "你好，世界".encode("utf-8").decode("latin-1")
    assert clean(damaged + "\n干净的一行\n", **ENC) == "你好，世界\n干净的一行\n"
    assert ftfy_calls == []
    assert clean("le cafÃ© Ã  Paris\n干净的一行", **ENC) == "le café à Paris\n干净的一行"
    assert ftfy_calls == ["le cafÃ© Ã  Paris"]


def test_ftfy_keeps_width_and_quotes():
    text = "他强调，上海要（完整）：“好”！第１季度"
    damaged = text.encode("utf-8").decode("latin-1")
    assert clean(damaged, **ENC) == text


@pytest.mark.parametrize("text,expected", [
    ("e\u0301te\u0301", "\u00e9t\u00e9"),
    ("\uf900", "\u8c48"),
    ("已是NFC：é", "已是NFC：é"),
])
def test_nfc(text, expected):
    assert clean(text, **ENC) == expected


def test_opencc_is_opt_in():
    assert clean("漢字轉換", **ENC) == "漢字轉換"
    out, edits = explain("漢字轉換", select="ENC", convert="t2s")
    assert out == "汉字转换"
    assert {e.rule for e in edits} == {"ENC004"}
    assert clean("汉字", select="ENC", convert="s2t") == "漢字"


def test_convert_option_validated():
    with pytest.raises(ConfigError):
        clean("x", convert="t2x")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_idempotent_and_no_crash(text):
    once = clean(text, **ENC)
    assert clean(once, **ENC) == once


def _not_suspect_chars() -> list[str]:
    suspect = encoding._suspect_re()
    return [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and not suspect.match(chr(c))]


def test_characters_that_are_not_suspect_start_an_nfc_segment():
    # What the prefilter of find_encoding_damage and _nfc_around rely on: no canonical
    # decomposition, combining class 0, never the second character of a canonical composition.
    import unicodedata

    seconds = set()
    for c in range(0x110000):
        d = unicodedata.decomposition(chr(c))
        if d and not d.startswith("<"):
            parts = d.split()
            if len(parts) == 2:
                seconds.add(chr(int(parts[1], 16)))
    for ch in _not_suspect_chars():
        assert not unicodedata.decomposition(ch) or unicodedata.decomposition(ch).startswith("<"), ch
        assert unicodedata.combining(ch) == 0, ch
        assert ch not in seconds, ch
        assert not ("\u1161" <= ch <= "\u1175" or "\u11a8" <= ch <= "\u11c2"), ch  # Hangul V, T jamo


@settings(max_examples=300)
@given(st.lists(st.sampled_from("aé\u0301\u0308\u0327e\u1100\u1161\u11a8가。中文的\u00b7\u2026\u2014\u0345\u0315"
                                 "\u0f73\u0344\u212b\u2126\uf900\u2f00\u3099\u304b\u30cf\u309a\n "), max_size=30)
       .map("".join))
def test_nfc_around_agrees_with_is_normalized(text):
    import unicodedata

    hits = [m.start() for m in encoding._suspect_re().finditer(text)]
    assert encoding._nfc_around(text, hits) == unicodedata.is_normalized("NFC", text)

"""Reading and writing files: detection, fidelity, refusal of binary data, atomic writes."""

import codecs
import os

import pytest
from hypothesis import given, strategies as st

from cleantext_zh import files
from cleantext_zh.files import InputError, atomic_write, decode_bytes, encode_text, read_bytes
from tests.strategies import clean_document

TEXT = "习近平总书记考察上海。纷纷表示，要认真学习领会。\n第二段：长三角一体化发展。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_detects_common_chinese_encodings(encoding):
    d = decode_bytes(TEXT.encode(encoding))
    assert d.text == TEXT


def test_a_few_gb18030_bytes_are_gb18030():
    # charset-normalizer gives up on 6 bytes; a streaming block can be that short (found by
    # the block-wise property test).
    d = decode_bytes("路径。".encode("gb18030"))
    assert d.encoding == "gb18030" and d.text == "路径。"
    with pytest.raises(InputError, match="cannot tell the encoding"):
        decode_bytes(b"\x81\x30\xff\xfe")  # not GB18030 either


def test_detects_big5():
    trad = "習近平總書記考察上海。紛紛表示，要認真學習領會。\n第二段：長三角一體化發展。\n"
    d = decode_bytes(trad.encode("big5"))
    assert d.encoding == "big5" and d.text == trad


def test_explicit_encoding_error_names_offset():
    with pytest.raises(InputError, match=r"byte 0xc4 at offset 3 as utf-8"):
        decode_bytes(b"abc" + "你好".encode("gbk"), "utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"abc", "no-such-codec")


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"PK\x03\x04\x00\x00abc")


@given(clean_document(), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_round_trip_is_byte_identical(doc, newline, bom):
    raw = (codecs.BOM_UTF8 if bom else b"") + doc.replace("\n", newline).encode("utf-8")
    d = decode_bytes(raw)
    assert "\r" not in d.text
    assert encode_text(d.text, d) == raw


def test_mixed_newlines_are_left_alone():
    raw = b"a\r\nb\nc\r\n"
    d = decode_bytes(raw)
    assert d.text == "a\r\nb\nc\r\n" and encode_text(d.text, d) == raw


def test_permission_error_is_an_input_error(monkeypatch, tmp_path):
    def deny(*a, **k):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(InputError, match="permission denied"):
        read_bytes(str(tmp_path / "x.txt"))


def test_atomic_write_keeps_mode_and_leaves_nothing_on_failure(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"old")
    f.chmod(0o640)
    atomic_write(str(f), b"new")
    assert f.read_bytes() == b"new" and (f.stat().st_mode & 0o777) == 0o640

    def boom(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(files.os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(str(f), b"newer")
    assert f.read_bytes() == b"new"
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


def test_utf8_character_cut_at_the_end_of_the_detection_sample():
    from cleantext_zh.files import DETECT_BYTES, detect_encoding
    data = ("你" * (DETECT_BYTES // 3 + 1)).encode("utf-8")
    head = data[:DETECT_BYTES]  # DETECT_BYTES is not a multiple of 3: the last character is cut
    assert len(head) % 3
    assert detect_encoding(head, more=True) == ("utf-8", b"")

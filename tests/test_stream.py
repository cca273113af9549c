"""Streaming in blocks and parallel jobs give exactly the output of cleaning whole files."""

import io

from hypothesis import given, settings, strategies as st

from cleantext_zh import Cleaner
from cleantext_zh.stream import TextStream, iter_blocks, run_block
from tests.conftest import DATA
from tests.strategies import clean_document
from tests.test_cli import run

CLEANER = Cleaner()
SEEDS = "".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("00?_*.txt")))
BIG = (SEEDS + (DATA / "clean_sample.txt").read_text(encoding="utf-8")) * 2


def _blocks(text: str, block_chars: int, newline: str = "\n", encoding: str = "utf-8"):
    ts = TextStream(io.BytesIO(text.replace("\n", newline).encode(encoding)))
    return list(iter_blocks(ts.chunks(), CLEANER.run, block_chars))


def _blockwise(blocks) -> str:
    return "".join(run_block(CLEANER.pipeline, b).text for b in blocks)


def test_blocks_cover_the_text_and_clean_like_the_whole():
    blocks = _blocks(BIG, 2000)
    assert len(blocks) > 20
    assert "".join(b.text for b in blocks) == BIG
    assert [b.offset for b in blocks] == [sum(len(x.text) for x in blocks[:i]) for i in range(len(blocks))]
    assert _blockwise(blocks) == CLEANER.clean(BIG)


@settings(max_examples=15)
@given(st.lists(st.one_of(clean_document(), st.sampled_from(SEEDS.split("\n\n"))), min_size=1, max_size=8)
       .map("\n".join), st.integers(800, 3000), st.sampled_from(["\n", "\r\n"]), st.sampled_from(["utf-8", "gb18030"]))
def test_blockwise_equals_whole(text, block_chars, newline, encoding):
    blocks = _blocks(text, block_chars, newline, encoding)
    assert "".join(b.text for b in blocks) == text
    assert _blockwise(blocks) == CLEANER.clean(text)


def test_cli_small_blocks_and_jobs_give_identical_bytes(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(BIG, encoding="utf-8")
    whole = run(f, "-j", "1")
    assert whole.returncode == 0
    for extra in (["--block-chars", "2000", "-j", "1"], ["--block-chars", "2000", "-j", "2"]):
        assert run(f, *extra).stdout == whole.stdout, extra
    check_whole = run("--check", f, "-j", "1").stdout
    assert run("--check", f, "--block-chars", "2000", "-j", "2").stdout == check_whole
    json_whole = run("--json", f, "-j", "1").stdout
    assert run("--json", f, "--block-chars", "2000", "-j", "2").stdout == json_whole


def test_jobs_over_many_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i, part in enumerate(BIG.split("\n\n")[:12]):
        (src / f"{i:02}.txt").write_text(part + "\n", encoding="utf-8")
    one = run(src, "-o", tmp_path / "o1", "-j", "1")
    two = run(src, "-o", tmp_path / "o2", "-j", "2")
    assert one.returncode == two.returncode == 0
    for p in sorted((tmp_path / "o1").iterdir()):
        assert p.read_bytes() == (tmp_path / "o2" / p.name).read_bytes()


def test_decode_error_late_in_a_large_file_leaves_it_untouched(tmp_path):
    f = tmp_path / "late.txt"
    data = BIG.encode("utf-8") + b"\n\xff\xfe tail\n"
    f.write_bytes(data)
    p = run("-i", "--encoding", "utf-8", "--block-chars", "2000", f)
    assert p.returncode == 2
    assert f"at offset {len(BIG.encode('utf-8')) + 1} as utf-8" in p.stderr.decode()
    assert f.read_bytes() == data
    assert [x.name for x in tmp_path.iterdir()] == ["late.txt"]


def test_large_utf8_file_whose_detection_sample_cuts_a_character(tmp_path):
    from cleantext_zh.files import DETECT_BYTES
    f = tmp_path / "big.txt"
    para = "习近平总书记考察上海时强调，要完整、准确、全面贯彻新发展理念。\n"
    text = para * (DETECT_BYTES // len(para.encode("utf-8")) + 10)
    f.write_text(text, encoding="utf-8")
    p = run(f)
    assert p.returncode == 0, p.stderr
    assert p.stdout == text.encode("utf-8")

"""The installed ``cleantext`` command, run in a subprocess: output, exit codes, no data loss."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import DATA

_BIN = os.path.join(os.path.dirname(sys.executable), "cleantext")
CMD = [_BIN] if os.path.exists(_BIN) else [sys.executable, "-m", "cleantext_zh"]
SEED_002 = DATA / "002_5a66c32adb6bf9cf.txt"


def run(*args, input=None, cwd=None):
    return subprocess.run([*CMD, *map(str, args)], input=input, capture_output=True, cwd=cwd)


def test_stdin_to_stdout():
    p = run("-", input="习近平总书记 30 日上午".encode())
    assert p.returncode == 0
    assert p.stdout.decode() == "习近平总书记30日上午"


def test_check_lists_spacing_edits_with_line_and_column():
    p = run("--check", SEED_002)
    assert p.returncode == 1
    lines = p.stdout.decode().splitlines()
    sp001 = [l for l in lines if ": SP001" in l]
    # line 37 of seed 002 is "习近平总书记 30 日上午…": spaces at columns 7 and 10
    assert sp001[:2] == [f"{SEED_002}:37:7: SP001 space between a Han character and a digit (' ' -> '')",
                         f"{SEED_002}:37:10: SP001 space between a Han character and a digit (' ' -> '')"]


def test_output_is_a_fixed_point():
    first = run(SEED_002)
    second = run("-", input=first.stdout)
    assert second.stdout == first.stdout
    assert run("--check", "-", input=first.stdout).returncode == 0


def test_json_lines(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("第一行\n他说 11 月\n", encoding="utf-8")
    p = run("--json", f)
    recs = [json.loads(l) for l in p.stdout.decode().splitlines()]
    assert [(r["line"], r["col"], r["rule"], r["before"], r["after"]) for r in recs] == [
        (2, 3, "SP001", " ", ""), (2, 6, "SP001", " ", "")]
    assert recs[0]["path"] == str(f) and recs[0]["confidence"] == 1.0 and recs[0]["applied"] is True


def test_diff(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("他说 11 月\n", encoding="utf-8")
    p = run("--diff", f)
    assert p.returncode == 0
    assert "-他说 11 月\n+他说11月\n" in p.stdout.decode()


def test_in_place_rewrites_gb18030_as_utf8(tmp_path):
    f = tmp_path / "gb.txt"
    f.write_bytes("习近平总书记 30 日上午\r\n纷纷表示\r\n".encode("gb18030"))
    p = run("-i", f)
    assert p.returncode == 0, p.stderr
    assert f.read_bytes() == "习近平总书记30日上午\r\n纷纷表示\r\n".encode("utf-8")


def test_in_place_on_undecodable_file_leaves_it_byte_identical(tmp_path):
    f = tmp_path / "bad.txt"
    data = "习近平 30 日".encode("utf-8") + b"\xff\xfe\xfa"
    f.write_bytes(data)
    p = run("-i", "--encoding", "utf-8", f)
    assert p.returncode == 2
    assert f.read_bytes() == data
    err = p.stderr.decode()
    assert err.startswith(f"cleantext: error: {f}: cannot decode byte 0xff at offset ")
    assert "--encoding" in err
    assert [x.name for x in tmp_path.iterdir()] == ["bad.txt"]  # no temp file left behind


def test_binary_missing_and_empty_directory_errors(tmp_path):
    b = tmp_path / "x.bin"
    b.write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "empty").mkdir()
    p = run(b, tmp_path / "nope.txt", tmp_path / "empty")
    assert p.returncode == 2
    err = p.stderr.decode().splitlines()
    assert f"cleantext: error: {tmp_path / 'nope.txt'}: no such file or directory" in err
    assert any(l.startswith(f"cleantext: error: {b}: looks like a binary file") for l in err)
    assert any(l.startswith(f"cleantext: error: {tmp_path / 'empty'}: directory has no files") for l in err)


def test_error_in_one_file_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("他说 11 月", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00binary")
    p = run("-i", bad, good)
    assert p.returncode == 2
    assert good.read_text(encoding="utf-8") == "他说11月"
    assert bad.read_bytes() == b"\x00\x00binary"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_permission_error(tmp_path):
    f = tmp_path / "locked.txt"
    f.write_text("x", encoding="utf-8")
    f.chmod(0)
    p = run(f)
    assert p.returncode == 2 and "permission denied" in p.stderr.decode()


def test_directory_walk_mirrors_into_output_dir(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("他说 11 月", encoding="utf-8")
    (src / "sub" / "b.txt").write_text("纷纷", encoding="utf-8")
    (src / "skip.md").write_text("他说 11 月", encoding="utf-8")
    p = run(src, "-o", tmp_path / "out")
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "他说11月"
    assert (tmp_path / "out" / "sub" / "b.txt").read_text(encoding="utf-8") == "纷纷"
    assert not (tmp_path / "out" / "skip.md").exists()


def test_line_endings_bom_and_final_newline_are_kept(tmp_path):
    for data in (b"\xef\xbb\xbfabc\r\n\xe7\xba\xb7\xe7\xba\xb7\r\n", b"no final newline", b"lf\n\n"):
        f = tmp_path / "f.txt"
        f.write_bytes(data)
        assert run(f).stdout == data


def test_select_ignore_and_usage_errors():
    assert run("--select", "CP", "-", input="11 月".encode()).stdout.decode() == "11 月"
    p = run("--select", "NOPE", "-", input=b"x")
    assert p.returncode == 2 and "unknown rule selector 'NOPE'" in p.stderr.decode()
    p = run("-i", "--check", "-", input=b"x")
    assert p.returncode == 2


def test_list_rules_and_explain():
    p = run("--list-rules")
    assert p.returncode == 0 and "SP001" in p.stdout.decode()
    p = run("--explain", "SP001")
    out = p.stdout.decode()
    assert p.returncode == 0 and "space-between-han-and-digit" in out and "Example" in out
    assert run("--explain", "XX999").returncode == 2


def test_in_place_refuses_stdin():
    p = run("-i", input=b"x")
    assert p.returncode == 2 and "standard input" in p.stderr.decode()


def test_pyproject_tool_cleantext_is_read_and_flags_win(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.cleantext]\nselect = ["CP"]\n', encoding="utf-8")
    assert run("-", input="他说 11 月".encode(), cwd=tmp_path).stdout.decode() == "他说 11 月"
    assert run("--select", "SP", "-", input="他说 11 月".encode(), cwd=tmp_path).stdout.decode() == "他说11月"
    (tmp_path / "pyproject.toml").write_text('[tool.cleantext]\nselct = ["CP"]\n', encoding="utf-8")
    p = run("-", input=b"x", cwd=tmp_path)
    assert p.returncode == 2 and "unknown option(s) selct" in p.stderr.decode()


def test_convert_is_opt_in():
    trad = "這個軟體很好用。\n".encode()
    assert run("-", input=trad).stdout == trad
    assert run("--convert", "t2s", "-", input=trad).stdout.decode() == "这个软体很好用。\n"


def test_reference_fills_holes_and_date_fills_the_dateline(tmp_path):
    twin = tmp_path / "twin.txt"
    twin.write_text("新华社合肥8月22日电 习近平20日在合肥主持召开座谈会。今年是浦东开发开放30周年。\n", encoding="utf-8")
    damaged = "新华社合肥月日电 习近平日在合肥主持召开座谈会。今年是浦东开发开放周年。\n"
    p = run("--reference", twin, "-", input=damaged.encode())
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode() == twin.read_text(encoding="utf-8")
    marked = run("-", input=damaged.encode()).stdout.decode()
    assert marked == "新华社合肥□月□日电 习近平□日在合肥主持召开座谈会。今年是浦东开发开放□周年。\n"
    dated = run("--date", "2020-08-22", "-", input=damaged.encode()).stdout.decode()
    assert dated.startswith("新华社合肥8月22日电 习近平")
    assert run("--reference", tmp_path / "missing.txt", "-", input=b"x").returncode == 2

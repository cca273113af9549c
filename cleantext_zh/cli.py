"""The ``cleantext`` command: argument parsing and file handling only; the library does the work.

Exit codes (ruff's): 0 fine, 1 findings under ``--check``, 2 usage, configuration or I/O error.
"""

from __future__ import annotations

import argparse
import codecs
import fnmatch
import os
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterator, Sequence

from . import __version__
from .config import CONVERT_CONFIGS, Config, ConfigError, load_pyproject
from .edits import Safety
from .files import AtomicSink, InputError, open_binary, read_text
from .pipeline import Pipeline, Result
from .report import check_lines, json_lines, unified_diff
from .rules import NORMALIZERS, RULES
from .stream import BLOCK_CHARS, Block, TextStream, iter_blocks, run_block

PROG = "cleantext"
STDIN = "-"
# Show a progress bar (on a terminal only) from this many files or bytes on.
PROGRESS_MIN_FILES = 20
PROGRESS_MIN_BYTES = 8 << 20


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Repair what OCR and PDF/web extraction do to Chinese text, and explain every change.",
        epilog="Exit status: 0 ok, 1 findings with --check, 2 error.  Rules: cleantext --list-rules.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; '-' or nothing reads stdin")
    out = p.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="PATH",
                     help="write to this file, or (for several inputs or a directory) this directory")
    out.add_argument("-i", "--in-place", action="store_true", help="rewrite the files (atomically)")
    out.add_argument("--check", action="store_true",
                     help="print one line per finding; exit 1 if anything would change")
    out.add_argument("--diff", action="store_true", help="print a unified diff")
    out.add_argument("--json", action="store_true", help="print every finding as a JSON line")
    out.add_argument("--strict", action="store_true", help="with --check: reported findings count too")
    out.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    rules = p.add_argument_group("rules")
    rules.add_argument("--select", metavar="CODES", help="only these rule codes or prefixes (comma-separated)")
    rules.add_argument("--extend-select", metavar="CODES", help="add these to the selection")
    rules.add_argument("--ignore", metavar="CODES", help="skip these rule codes or prefixes")
    rules.add_argument("--apply-review", action="store_true", help="also apply edits marked for review")
    rules.add_argument("--preview", action="store_true", help="include rules still in preview")
    rules.add_argument("--keep", action="append", metavar="PHRASE", default=None,
                       help="a phrase no rule may touch (repeatable)")
    rules.add_argument("--spacing", choices=("keep", "remove", "add"), help="space between Han and Latin/digits")
    rules.add_argument("--marker", metavar="CHAR", help="mark for a missing character (default □)")
    rules.add_argument("--convert", metavar="CONFIG", choices=CONVERT_CONFIGS,
                       help="OpenCC conversion, e.g. t2s or s2t (rule ENC004; off by default)")
    rules.add_argument("--reference", metavar="FILE",
                       help="another version of the same document; where the two disagree, its "
                            "evidence fills numeral holes, removes doubled characters and restores breaks (REF rules)")
    rules.add_argument("--date", metavar="YYYY-MM-DD", help="the true dateline date: fills the dateline's numeral holes")
    rules.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    rules.add_argument("--explain", metavar="RULE", help="show a rule's documentation and exit")
    io = p.add_argument_group("input")
    io.add_argument("--encoding", metavar="ENC", help="input encoding (default: detect UTF-8/16, GB18030, Big5)")
    io.add_argument("--output-encoding", metavar="ENC", default="utf-8", help="output encoding (default utf-8)")
    io.add_argument("--glob", default="*.txt", help="file pattern when walking directories (default *.txt)")
    io.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                    help="worker processes for files and blocks of large files (default: all cores)")
    io.add_argument("--block-chars", type=int, default=BLOCK_CHARS, help=argparse.SUPPRESS)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").replace(" ", ",").split(",") if v.strip())


def make_config(args: argparse.Namespace, base: dict) -> Config:
    opts = dict(base)
    if args.select is not None:
        opts["select"] = _split(args.select)
    if args.extend_select is not None:
        opts["extend_select"] = _split(args.extend_select)
    if args.ignore is not None:
        opts["ignore"] = _split(args.ignore)
    for name in ("apply_review", "preview"):
        if getattr(args, name):
            opts[name] = True
    if args.keep:
        opts["keep"] = tuple(args.keep)
    for name in ("spacing", "marker", "convert", "date"):
        if getattr(args, name) is not None:
            opts[name] = getattr(args, name)
    return Config.from_options(opts)


@dataclass
class Job:
    source: str  # path, or "-" for stdin
    target: str | None  # where the cleaned text goes (None: stdout or nowhere)


def _walk(directory: str, pattern: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if fnmatch.fnmatch(name, pattern):
                yield os.path.join(root, name)


def plan_jobs(args: argparse.Namespace) -> tuple[list[Job], list[tuple[str, str]]]:
    """Expand paths into jobs; return (jobs, errors) where errors are (path, message)."""
    paths = args.paths or [STDIN]
    jobs: list[Job] = []
    errors: list[tuple[str, str]] = []
    expanded: list[tuple[str, str | None]] = []  # (file, path relative to its root directory)
    for path in paths:
        if path == STDIN:
            expanded.append((STDIN, None))
        elif os.path.isdir(path):
            found = list(_walk(path, args.glob))
            if not found:
                errors.append((path, f"directory has no files matching {args.glob!r}; pass --glob"))
            expanded.extend((f, os.path.relpath(f, path)) for f in found)
        elif os.path.exists(path):
            expanded.append((path, None))
        else:
            errors.append((path, "no such file or directory"))
    if args.in_place and any(src == STDIN for src, _ in expanded):
        raise UsageError("--in-place cannot rewrite standard input")
    many = len(expanded) > 1 or any(rel is not None for _, rel in expanded)
    for src, rel in expanded:
        if args.in_place:
            target = src
        elif args.output:
            if many or os.path.isdir(args.output):
                name = rel or (os.path.basename(src) if src != STDIN else "stdin.txt")
                target = os.path.join(args.output, name)
            else:
                target = args.output
        else:
            target = None
        jobs.append(Job(src, target))
    return jobs, errors


class Report:
    """Owns the counts and the exit code (black's Report)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.failed = 0
        self.changed = 0
        self.unchanged = 0
        self.findings = 0

    def error(self, path: str, message: str) -> None:
        self.failed += 1
        print(f"{PROG}: error: {path}: {message}", file=sys.stderr)

    def exit_code(self, check: bool) -> int:
        if self.failed:
            return 2
        if check and self.findings:
            return 1
        return 0


# --- processing: files -> blocks -> (parallel) cleaning -> ordered output -------------------

_WORKER: Pipeline | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    _WORKER = Pipeline(config)


def _run_block(block: Block) -> Result:
    assert _WORKER is not None
    return run_block(_WORKER, block)


def _events(jobs: list[Job], args: argparse.Namespace, pipeline: Pipeline) -> Iterator[tuple]:
    """('start', job, stream) ('block', job, Block) ... ('end', job) or ('error', job, message)."""
    for job in jobs:
        raw = None
        try:
            raw = sys.stdin.buffer if job.source == STDIN else open_binary(job.source)
            ts = TextStream(raw, args.encoding)
            yield ("start", job, ts)
            for block in iter_blocks(ts.chunks(), pipeline.run, args.block_chars):
                yield ("block", job, block)
            yield ("end", job, None)
        except InputError as exc:
            yield ("error", job, str(exc))
        except OSError as exc:
            yield ("error", job, f"cannot read: {exc.strerror or exc}")
        finally:
            if raw is not None and job.source != STDIN:
                raw.close()


def _ordered(events: Iterator[tuple], pipeline: Pipeline, executor, in_flight: int) -> Iterator[tuple]:
    """Events in order, with each block's Result attached; blocks are cleaned ahead in the
    executor (if any), at most ``in_flight`` at a time so memory stays bounded."""
    queue: deque = deque()

    def done(item):
        ev, fut = item
        if ev[0] != "block":
            return ev, None
        return ev, (fut.result() if fut is not None else run_block(pipeline, ev[2]))

    for ev in events:
        fut = executor.submit(_run_block, ev[2]) if executor is not None and ev[0] == "block" else None
        queue.append((ev, fut))
        while len(queue) > in_flight:
            yield done(queue.popleft())
    while queue:
        yield done(queue.popleft())


class _Output:
    """Where one file's cleaned text goes, block by block."""

    def __init__(self, job: Job, ts: TextStream, args: argparse.Namespace) -> None:
        self.job, self.ts, self.args = job, ts, args
        self.display = "<stdin>" if job.source == STDIN else job.source
        self.reporting = args.check or args.json or args.diff
        self.changed = False
        self.first = True
        self.diff_before: list[str] = []
        self.diff_after: list[str] = []
        self.sink = None
        if not self.reporting and job.target is not None:
            self.sink = AtomicSink(job.target)

    def encode(self, text: str) -> bytes:
        if self.ts.newline != "\n":
            text = text.replace("\n", self.ts.newline)
        data = text.encode(self.args.output_encoding)
        if self.first and self.ts.bom == codecs.BOM_UTF8 and codecs.lookup(self.args.output_encoding).name == "utf-8":
            data = self.ts.bom + data
        self.first = False
        return data

    def block(self, block: Block, result: Result, report: "Report") -> None:
        args = self.args
        self.changed |= result.text != block.text
        counted = [e for e in result.edits if e.applied or (args.strict and e.safety is not Safety.SAFE)]
        report.findings += len(counted)
        if args.check:
            for line in check_lines(self.display, block.text, result.edits, block.line):
                print(line)
        if args.json:
            for line in json_lines(self.display, block.text, result.edits, block.line, block.offset):
                print(line)
        if args.diff:
            self.diff_before.append(block.text)
            self.diff_after.append(result.text)
        if self.reporting:
            return
        data = self.encode(result.text)
        if self.sink is not None:
            self.sink.write(data)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)

    def finish(self, report: "Report") -> None:
        if self.args.diff:
            sys.stdout.write(unified_diff(self.display, "".join(self.diff_before), "".join(self.diff_after)))
        if self.sink is None:
            sys.stdout.flush()
            return
        same_bytes = (not self.changed and self.job.target == self.job.source
                      and codecs.lookup(self.ts.encoding).name == codecs.lookup(self.args.output_encoding).name)
        if same_bytes:
            self.sink.discard()  # leave an unchanged file (and its timestamp) alone
            report.unchanged += 1
            return
        try:
            self.sink.commit()
        except OSError as exc:
            report.error(self.job.target or self.display, f"cannot write: {exc.strerror or exc}")
            return
        report.changed += 1

    def fail(self) -> None:
        if self.sink is not None:
            self.sink.discard()


def run_jobs(jobs: list[Job], pipeline: Pipeline, args: argparse.Namespace, report: Report) -> None:
    n_jobs = args.jobs or os.cpu_count() or 1
    total = _input_size(jobs)
    executor = None
    if n_jobs > 1 and (len(jobs) > 1 or total > 2 * args.block_chars):
        executor = ProcessPoolExecutor(max_workers=n_jobs, initializer=_init_worker, initargs=(pipeline.config,))
    progress = _progress(len(jobs), total)
    outputs: dict[int, _Output] = {}
    try:
        # One block per worker plus one being read keeps every worker busy; more only costs memory.
        for ev, result in _ordered(_events(jobs, args, pipeline), pipeline, executor, n_jobs + 1):
            kind, job = ev[0], ev[1]
            key = id(job)
            try:
                if kind == "start":
                    outputs[key] = _Output(job, ev[2], args)
                elif kind == "block":
                    outputs[key].block(ev[2], result, report)
                    if progress is not None:
                        progress.update(len(ev[2].text))
                elif kind == "end":
                    outputs.pop(key).finish(report)
                elif kind == "error":
                    out = outputs.pop(key, None)
                    if out is not None:
                        out.fail()
                    report.error("<stdin>" if job.source == STDIN else job.source, ev[2])
            except (UnicodeEncodeError, LookupError) as exc:
                out = outputs.pop(key, None)
                if out is not None:
                    out.fail()
                report.error(job.source, f"cannot encode the result as {args.output_encoding}: {exc}")
            except OSError as exc:
                out = outputs.pop(key, None)
                if out is not None:
                    out.fail()
                report.error(job.target or job.source, f"cannot write: {exc.strerror or exc}")
    finally:
        for out in outputs.values():
            out.fail()
        if executor is not None:
            executor.shutdown(cancel_futures=True)
        if progress is not None:
            progress.close()


def _input_size(jobs: list[Job]) -> int:
    size = 0
    for j in jobs:
        if j.source != STDIN:
            try:
                size += os.path.getsize(j.source)
            except OSError:
                pass
    return size


def _progress(n_files: int, size: int):
    """A progress bar on stderr, only on a terminal and only for many files or a large file."""
    if not sys.stderr.isatty() or (n_files < PROGRESS_MIN_FILES and size < PROGRESS_MIN_BYTES):
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency; never fail for a progress bar
        return None
    # Characters, roughly a third of the bytes of UTF-8 Chinese.
    return tqdm(total=max(1, size // 3), unit="char", unit_scale=True, file=sys.stderr)


def list_rules_text() -> str:
    lines = [f"{'code':8} {'name':36} {'default':8} summary"]
    for r in RULES.values():
        default = "preview" if r.preview else ("yes" if r.default else "opt-in")
        lines.append(f"{r.code:8} {r.name:36} {default:8} {r.summary}")
    return "\n".join(lines) + "\n"


def explain_rule(code: str) -> str:
    code = code.upper()
    for n in NORMALIZERS:
        for r in n.rules:
            if r.code == code:
                default = "preview" if r.preview else ("on by default" if r.default else "opt-in")
                return (f"{r.code} ({r.name}), family {n.name}, {default}\n{r.summary}\n\n"
                        f"Example:\n  {r.example[0]!r}\n  -> {r.example[1]!r}\n\n{n.doc.strip()}\n")
    raise UsageError(f"unknown rule {code!r}; see --list-rules")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.in_place and args.output:
        parser.error("--in-place and --output cannot be combined")
    if (args.in_place or args.output) and (args.check or args.diff or args.json):
        parser.error("--check, --diff and --json only report; they cannot be combined with --in-place or --output")
    try:
        if args.list_rules:
            sys.stdout.write(list_rules_text())
            return 0
        if args.explain:
            sys.stdout.write(explain_rule(args.explain))
            return 0
        config = make_config(args, load_pyproject("."))
        if args.reference:
            try:
                config = config.replace(reference=read_text(args.reference, args.encoding).text)
            except InputError as exc:
                raise UsageError(f"{args.reference}: {exc}") from None
        pipeline = Pipeline(config)
        jobs, errors = plan_jobs(args)
    except (ConfigError, UsageError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:  # e.g. a broken pyproject.toml
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    report = Report(args.quiet)
    for path, message in errors:
        report.error(path, message)
    run_jobs(jobs, pipeline, args, report)
    if args.in_place and not args.quiet:
        print(f"{PROG}: {report.changed} file(s) rewritten, {report.unchanged} unchanged, "
              f"{report.failed} failed", file=sys.stderr)
    return report.exit_code(args.check)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

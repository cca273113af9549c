"""Streaming: decode a file incrementally and cut it into blocks that clean independently.

A large file is never held whole.  It is decoded in chunks and cut into blocks of about
``block_chars`` characters, at a line start where no edit reaches across (checked by cleaning
a window around the candidate cut).  Each block is cleaned together with ``CONTEXT_CHARS`` of
text on each side, and keeps the edits that start in it.  Every rule we ship decides from
text within that reach, so cleaning the blocks one by one (or in parallel) gives the same
output as cleaning the whole file.  The one exception is evidence gathered over a whole
document: running headers are recognised by their repetition within a block and its context
(a million characters, hundreds of pages, so this rarely matters).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Iterator

from .files import DETECT_BYTES, InputError, detect_encoding

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Result

# About 1.5 MB of UTF-8 Chinese: large enough that the context on each side (2 x 12,000
# characters) costs under 5%, small enough that the blocks in flight to --jobs workers keep
# the whole process tree under its memory budget (300 MB for a 1 GB file, issue 7).
BLOCK_CHARS = 1 << 19
# Text on each side of a block (and of a candidate cut) that its rules may consult: more than
# the reach of every rule we ship (LB learns the wrap width from 20 lines on each side and
# looks up to three pages away; DUP looks 5,000 characters each way for document evidence).
CONTEXT_CHARS = 12000
# Candidate cuts tried before a block is allowed to grow past its nominal size.
MAX_CUT_TRIES = 16
READ_BYTES = 1 << 20
# A block may grow to this many times its nominal size while no safe cut is found; beyond
# that (a single line of tens of millions of characters) it is cut at a line start anyway.
MAX_BUFFER_BLOCKS = 32


@dataclass(frozen=True)
class Block:
    """A core of text to clean, with the text around it that its rules may consult."""

    text: str
    offset: int  # code points before this block in the (CRLF-folded) text
    line: int  # newlines before this block
    before: str = ""  # up to CONTEXT_CHARS of text preceding the core
    after: str = ""  # up to CONTEXT_CHARS of text following the core


def run_block(pipeline, block: Block) -> "Result":
    """Clean a block with its context; return the core's result (edits relative to the core).

    Cuts are placed where no edit reaches across (see ``safe_cut``), so every applied edit of
    the window lies inside one core and the cores' outputs concatenate to the whole output.
    """
    from .edits import apply_edits
    from .pipeline import Result

    window = block.before + block.text + block.after
    r = pipeline.run(window)
    lo, hi = len(block.before), len(block.before) + len(block.text)
    if lo == 0 and hi == len(window):
        return r
    # An edit belongs to the core it starts in; an insertion at the very end only to the last.
    mine = [e.shifted(-lo) for e in r.edits if lo <= e.start < hi or e.start == hi == len(window)]
    applied = [e for e in mine if e.applied and e.end <= hi - lo]
    kept = [e for e in mine if not e.applied or e.end <= hi - lo]
    return Result(apply_edits(block.text, applied), tuple(kept))


class TextStream:
    """Decode a binary stream incrementally, with the same rules as ``files.decode_bytes``.

    The encoding and newline style are decided from the first megabyte: a file whose first
    megabyte uses CRLF throughout is treated as a CRLF file.
    """

    def __init__(self, raw: BinaryIO, encoding: str | None = None) -> None:
        self.raw = raw
        head = raw.read(DETECT_BYTES)
        self.bom = b""
        if encoding is None:
            encoding, self.bom = detect_encoding(head, more=len(head) == DETECT_BYTES)
        else:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise InputError(f"unknown encoding {encoding!r}") from None
            for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                             (codecs.BOM_UTF16_BE, "utf-16-be")):
                if head.startswith(bom) and codecs.lookup(encoding).name.replace("-sig", "") == enc:
                    self.bom = bom
                    break
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self._pending = head[len(self.bom):]
        self._fed = len(self.bom)  # bytes handed to the decoder so far
        probe = self._pending[:DETECT_BYTES].decode(encoding, errors="ignore")
        crlf = probe.count("\r\n")
        self.newline = "\r\n" if crlf and crlf == probe.count("\n") else "\n"
        self._carry_cr = False
        self.data_equals_utf8 = codecs.lookup(encoding).name == "utf-8"

    def _decode(self, data: bytes, final: bool) -> str:
        buffered = len(self._decoder.getstate()[0])
        try:
            text = self._decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            offset = self._fed - buffered + exc.start
            raise InputError(f"cannot decode byte 0x{exc.object[exc.start]:02x} at offset {offset} as "
                             f"{self.encoding}; pass the right --encoding") from None
        self._fed += len(data)
        return text

    def chunks(self) -> Iterator[str]:
        """Decoded text in chunks, CRLF folded to LF for CRLF files."""
        data = self._pending
        self._pending = b""
        while True:
            final = not data
            text = self._decode(data, final)
            if self.newline == "\r\n":
                if self._carry_cr:
                    text = "\r" + text
                    self._carry_cr = False
                if text.endswith("\r") and not final:
                    text, self._carry_cr = text[:-1], True
                text = text.replace("\r\n", "\n")
            if text:
                yield text
            if final:
                return
            data = self.raw.read(READ_BYTES)


def safe_cut(text: str, target: int, run, lowest: int = 1, context: int = CONTEXT_CHARS) -> int:
    """A line start at or before ``target`` (not before ``lowest``) where cleaning a window of
    ``context`` characters on each side reaches across with no edit; 0 if none was found in
    ``MAX_CUT_TRIES`` candidates.  ``run`` is ``Pipeline.run``."""
    pos = target
    for _ in range(MAX_CUT_TRIES):
        nl = text.rfind("\n", 0, pos)
        if nl < lowest:
            return 0
        cut = nl + 1
        # Prefer the end of a run of blank lines: a block never starts with an empty line.
        while cut < len(text) and text[cut] == "\n":
            cut += 1
        lo = max(0, cut - context)
        window = text[lo:cut + context]
        p = cut - lo
        if not any(e.start < p < e.end or e.start <= p - 1 < e.end or (e.start == e.end == p)
                   for e in run(window).edits):
            return cut
        pos = nl
    return 0


def iter_blocks(chunks: Iterator[str], run, block_chars: int = BLOCK_CHARS,
                context: int = CONTEXT_CHARS) -> Iterator[Block]:
    """Cut a stream of text into blocks that clean independently (see the module docstring).

    ``run`` is ``Pipeline.run``; each block carries ``context`` characters of text on each
    side so that its rules see what they would see in the whole file.
    """
    before = ""  # the last `context` characters before buf
    buf = ""
    offset = 0
    lines = 0

    def emit(cut: int) -> Block:
        nonlocal before, buf, offset, lines
        core = buf[:cut]
        block = Block(core, offset, lines, before, buf[cut:cut + context])
        before = (before + core)[-context:]
        buf = buf[cut:]
        offset += len(core)
        lines += core.count("\n")
        return block

    for chunk in chunks:
        buf += chunk
        while len(buf) >= 2 * block_chars + context:
            text = before + buf
            base = len(before)
            cut = 0
            for k in range(1, MAX_BUFFER_BLOCKS):  # look further ahead if nothing near the nominal size is safe
                if (k + 1) * block_chars + context > len(buf):
                    break
                cut = safe_cut(text, base + k * block_chars, run, lowest=base + 1, context=context)
                if cut:
                    cut -= base
                    break
            if not cut:
                if len(buf) <= MAX_BUFFER_BLOCKS * block_chars + context:
                    break  # read more and try again
                # Nothing safe in all that text (one giant line): cut at a line start anyway
                # so memory stays bounded; output may differ at this one seam.
                nl = buf.rfind("\n", 0, block_chars)
                cut = nl + 1 if nl > 0 else block_chars
            yield emit(cut)
    if buf or offset == 0:
        yield Block(buf, offset, lines, before, "")

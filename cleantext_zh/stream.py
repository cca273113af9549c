"""Streaming: decode a file incrementally and cut it into blocks that clean independently.

A large file is never held whole.  It is decoded in chunks and cut into blocks of about
``block_chars`` characters at a line start where cleaning does not reach across: the cut is
accepted only if cleaning a window around it as one piece gives exactly what cleaning its two
halves gives.  Every rule we ship decides from nearby text, so cleaning the blocks one by one
(or in parallel) gives the same output as cleaning the whole file.  Evidence a rule gathers
over a whole document (running headers that repeat page after page, the n-grams a duplicate
check may consult) is gathered per block; blocks are large (a million characters, hundreds of
pages) so this rarely matters.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator

from .files import DETECT_BYTES, InputError, detect_encoding

# About 3 MB of UTF-8 Chinese: large enough that per-block overheads vanish, small enough that
# a few blocks in flight keep the process far under its memory budget.
BLOCK_CHARS = 1 << 20
# Context on each side of a candidate cut when checking that cleaning does not reach across it.
CUT_WINDOW_CHARS = 4000
# Candidate cuts tried before a block is allowed to grow past its nominal size.
MAX_CUT_TRIES = 16
READ_BYTES = 1 << 20
# A block may grow to this many times its nominal size while no safe cut is found; beyond
# that (a single line of tens of millions of characters) it is cut at a line start anyway.
MAX_BUFFER_BLOCKS = 32


@dataclass(frozen=True)
class Block:
    text: str
    offset: int  # code points before this block in the (CRLF-folded) text
    line: int  # newlines before this block


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
            encoding, self.bom = detect_encoding(head)
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


def safe_cut(text: str, target: int, clean: Callable[[str], str]) -> int:
    """A line start near ``target`` (at or before it when possible) where cleaning does not
    reach across; 0 if none was found in ``MAX_CUT_TRIES`` candidates."""
    pos = target
    for _ in range(MAX_CUT_TRIES):
        nl = text.rfind("\n", 0, pos)
        if nl <= 0:
            return 0
        cut = nl + 1
        # Prefer the end of a run of blank lines: a block never starts with an empty line.
        while cut < len(text) and text[cut] == "\n":
            cut += 1
        lo = max(0, cut - CUT_WINDOW_CHARS)
        hi = min(len(text), cut + CUT_WINDOW_CHARS)
        left, right = text[lo:cut], text[cut:hi]
        if right and clean(left + right) == clean(left) + clean(right):
            return cut
        pos = nl
    return 0


def iter_blocks(chunks: Iterator[str], clean: Callable[[str], str], block_chars: int = BLOCK_CHARS) -> Iterator[Block]:
    """Cut a stream of text into blocks that clean independently (see the module docstring)."""
    buf = ""
    offset = 0
    lines = 0
    for chunk in chunks:
        buf += chunk
        while len(buf) >= 2 * block_chars:
            cut = 0
            for k in range(1, MAX_BUFFER_BLOCKS):  # look further ahead if nothing near the nominal size is safe
                if (k + 1) * block_chars > len(buf):
                    break
                cut = safe_cut(buf, k * block_chars, clean)
                if cut:
                    break
            if not cut:
                if len(buf) <= MAX_BUFFER_BLOCKS * block_chars:
                    break  # read more and try again
                # Nothing safe in all that text (one giant line): cut at a line start anyway
                # so memory stays bounded; output may differ at this one seam.
                nl = buf.rfind("\n", 0, block_chars)
                cut = nl + 1 if nl > 0 else block_chars
            block, buf = buf[:cut], buf[cut:]
            yield Block(block, offset, lines)
            offset += len(block)
            lines += block.count("\n")
    if buf or offset == 0:
        yield Block(buf, offset, lines)

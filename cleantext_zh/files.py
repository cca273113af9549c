"""Bytes in, bytes out: encoding detection, newline fidelity, binary refusal, atomic writes.

Decoding is strict.  A file's newline style (LF or CRLF), byte-order mark and final newline
are remembered and restored, so clean input comes back byte-for-byte (black's decode_bytes).
Writes go to a temporary file in the target's directory, then ``os.replace``: a crash or an
error never leaves a half-written or truncated file.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from dataclasses import dataclass

import charset_normalizer

# Encodings detection may choose for non-UTF input.  GB18030 is a superset of GBK and GB2312.
CANDIDATE_ENCODINGS = ("gb18030", "big5", "utf_16", "utf_32")
# Detection looks at this much of a file; the rest is decoded strictly with the same codec.
DETECT_BYTES = 1 << 20

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """A file we cannot or will not read: the message names what happened and what to do."""


@dataclass(frozen=True)
class Decoded:
    text: str  # with CRLF folded to LF when the file used CRLF throughout
    encoding: str
    newline: str  # "\n" or "\r\n": what to write back
    bom: bytes  # the byte-order mark the file started with, if any


def detect_encoding(data: bytes, more: bool = False) -> tuple[str, bytes]:
    """Return ``(encoding, bom)`` for ``data``; raise InputError for binary data.

    ``more`` says ``data`` is only the start of the input (a character may be cut at its end).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, bom
    if b"\x00" in data[:DETECT_BYTES]:
        raise InputError("looks like a binary file (it contains NUL bytes); skipped")
    head = data[:DETECT_BYTES]
    try:
        head.decode("utf-8")
        return "utf-8", b""
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if exc.start >= len(head) - 3 and (more or len(data) > len(head)) and exc.reason == "unexpected end of data":
            return "utf-8", b""
    best = charset_normalizer.from_bytes(head, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None and _plain_gb18030(head, more or len(data) > len(head)):
        # charset-normalizer gives up on a few bytes (路径。 is 6); GB18030, the mainland
        # standard, is the first candidate when they decode to ordinary text.
        return "gb18030", b""
    if best is None:
        raise InputError("cannot tell the encoding (not UTF-8, GB18030/GBK or Big5, or binary); "
                         "pass --encoding")
    return best.encoding, b""


def _plain_gb18030(head: bytes, cut: bool) -> bool:
    """Does ``head`` decode strictly as GB18030 to text without control characters?"""
    try:
        text = codecs.getincrementaldecoder("gb18030")().decode(head, final=not cut)
    except UnicodeDecodeError:
        return False
    return all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode strictly; ``encoding`` overrides detection.  Raises InputError with the byte offset."""
    bom = b""
    if encoding is None:
        encoding, bom = detect_encoding(data)
    else:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        for b, enc in _BOMS:
            if data.startswith(b) and codecs.lookup(enc).name == codecs.lookup(encoding).name.replace("-sig", ""):
                bom = b
                break
    try:
        text = data[len(bom):].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(bom)
        raise InputError(f"cannot decode byte 0x{data[offset]:02x} at offset {offset} as {encoding}; "
                         "pass the right --encoding") from None
    newline = "\n"
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\n"):
        newline = "\r\n"
        text = text.replace("\r\n", "\n")
    return Decoded(text, encoding, newline, bom)


def encode_text(text: str, like: Decoded, encoding: str | None = None) -> bytes:
    """Encode cleaned text the way ``like`` came in: its newline style and (for UTF) its BOM.

    Output is UTF-8 unless ``encoding`` says otherwise; a UTF-8 BOM is kept only on UTF-8.
    """
    encoding = encoding or "utf-8"
    if like.newline != "\n":
        text = text.replace("\n", like.newline)
    data = text.encode(encoding)
    if like.bom == codecs.BOM_UTF8 and codecs.lookup(encoding).name == "utf-8":
        data = like.bom + data
    return data


def read_bytes(path: str) -> bytes:
    fh = open_binary(path)
    try:
        return fh.read()
    finally:
        fh.close()


def open_binary(path: str):
    """Open a file for reading, turning OS errors into one-line InputErrors."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def read_text(path: str, encoding: str | None = None) -> Decoded:
    """Read and decode a file (the library's way in for files)."""
    return decode_bytes(read_bytes(path), encoding)


class AtomicSink:
    """A file written through a temporary file in the same directory, renamed into place on
    ``commit()``; ``discard()`` (or an exception) leaves the target exactly as it was."""

    def __init__(self, path: str) -> None:
        self.path = path
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        try:
            self.mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            self.mode = None
        fd, self.tmp = tempfile.mkstemp(prefix=".cleantext-", suffix=".tmp", dir=directory)
        self.fh = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self) -> None:
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            if self.mode is not None:
                os.chmod(self.tmp, self.mode)
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def atomic_write(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; keep the file's mode."""
    sink = AtomicSink(path)
    try:
        sink.write(data)
    except BaseException:
        sink.discard()
        raise
    sink.commit()

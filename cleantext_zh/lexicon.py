"""The word list, loaded lazily, once, as a compact MARISA trie.

Built by ``scripts/build_lexicon.py`` from jieba's dictionary (MIT), a short reviewed list
of recent words (``data/extra_words.txt``) and doubled-character contexts attested in the
training corpora; see ``data/PROVENANCE.md``.  Only membership is asked (``word in
lexicon()``); the trie takes a few MB where the same words as Python dicts take ~90 MB.
:func:`double_index` reads the keys once for the DUP rules' small indexes (~4,000 words).

>>> "书记" in lexicon()
True
>>> "书书记" in lexicon()
False
"""

from __future__ import annotations

import os
import threading

import marisa_trie

DATA = os.path.join(os.path.dirname(__file__), "data")
LEXICON_PATH = os.path.join(DATA, "lexicon.marisa")
EXTRA_PATH = os.path.join(DATA, "extra_words.txt")
MAX_WORD = 8  # longest window the rules look up; longer lexicon entries never matter here

_TRIE: marisa_trie.Trie | None = None
_LOCK = threading.Lock()
_INDEX: "DoubleIndex | None" = None


def read_word_file(path: str) -> set[str]:
    """Words from a UTF-8 file, one per line; ``#`` starts a comment."""
    with open(path, encoding="utf-8") as fh:
        return {w for w in (line.split("#", 1)[0].strip() for line in fh) if w}


def lexicon() -> marisa_trie.Trie:
    """The shipped lexicon (memory-mapped trie), loaded on first use."""
    global _TRIE
    if _TRIE is None:
        with _LOCK:
            if _TRIE is None:
                trie = marisa_trie.Trie()
                trie.mmap(LEXICON_PATH)
                _TRIE = trie
    return _TRIE


class DoubleIndex:
    """Two small views of the lexicon for the DUP rules' hot path, derived once from the trie.

    ``covering``: for every word of 3..:data:`MAX_WORD` characters with a doubled character
    at offset ``k`` (``k`` < MAX_WORD - 1), the word's first ``k + 2`` characters (through
    the pair) -> the words.  A word covering a doubled character in a text starts with the
    text from its start through the pair, so one dict lookup per start replaces a trie
    query (1,700 keys).
    ``offsets``: character -> the offsets ``k`` at which it is doubled in those words, so
    that only those starts are looked up (mostly one or two instead of seven).
    ``long_words``: the words of 5..MAX_WORD characters (about 2,100), so that only the
    lengths 2..4 need the trie.  ``long_ends``: the last two characters of those words.
    """

    def __init__(self, trie: marisa_trie.Trie) -> None:
        covering: dict[str, list[str]] = {}
        offsets: dict[str, set[int]] = {}
        long_words = set()
        for w in trie.iterkeys():
            n = len(w)
            if n < 3 or n > MAX_WORD:
                continue
            if n >= 5:
                long_words.add(w)
            for k in range(min(n - 1, MAX_WORD - 1)):
                if w[k] == w[k + 1]:
                    covering.setdefault(w[:k + 2], []).append(w)
                    offsets.setdefault(w[k], set()).add(k)
        self.covering: dict[str, tuple[str, ...]] = {p: tuple(ws) for p, ws in covering.items()}
        # The same words by length: a slice per length and a set lookup instead of a
        # startswith per word (会会 starts 63 words).
        self.covering_by_length: dict[str, tuple[tuple[int, frozenset[str]], ...]] = {
            p: tuple((n, frozenset(w for w in ws if len(w) == n)) for n in sorted({len(w) for w in ws}))
            for p, ws in covering.items()}
        self.offsets: dict[str, tuple[int, ...]] = {ch: tuple(sorted(ks)) for ch, ks in offsets.items()}
        self.long_words: frozenset[str] = frozenset(long_words)
        # Their last two characters: a text position where no long word can end is ruled
        # out with one set lookup instead of four (DUP's _left_word).
        self.long_ends: frozenset[str] = frozenset(w[-2:] for w in long_words)


def double_index() -> DoubleIndex:
    """The :class:`DoubleIndex` of the shipped lexicon, built on first use (~25 ms)."""
    global _INDEX
    if _INDEX is None:
        trie = lexicon()
        with _LOCK:
            if _INDEX is None:
                _INDEX = DoubleIndex(trie)
    return _INDEX

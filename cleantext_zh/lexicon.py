"""The word list, loaded lazily, once, as a compact MARISA trie.

Built by ``scripts/build_lexicon.py`` from jieba's dictionary (MIT), a short reviewed list
of recent words (``data/extra_words.txt``) and doubled-character contexts attested in the
training corpora; see ``data/PROVENANCE.md``.  Only membership is asked (``word in
lexicon()``); the trie takes a few MB where the same words as Python dicts take ~90 MB.

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

"""Build cleantext_zh/data/lexicon.marisa, the word list the DUP rules consult.

Sources, all redistributable (see data/PROVENANCE.md):
1. jieba 0.42.1's dict.txt (MIT licence): every entry of two or more characters, all Han.
2. data/extra_words.txt: a short, reviewed list of recent words jieba lacks (算力, 新新三样).
3. Doubles attested in clean training text: a 4-gram ``aXXb`` or ``XXbc`` around a doubled
   character that occurs at least MIN_ATTESTED times in laws.txt.xz and the *train* part of
   news_clean (never dev/test).  Clean text has almost no doubling errors, so an often
   repeated doubled context is a real word or construction (``问题题`` never is); 4-grams, because a trigram such as ``实现现``
   (from ``实现现代化``) would also excuse ``实现现的``.

Only membership is ever asked, so the words are stored in a MARISA trie (marisa-trie):
a few MB on disk and in memory, against ~90 MB for the dictionary as Python dicts.
Run:  python scripts/build_lexicon.py
"""

from __future__ import annotations

import os
import sys
from collections import Counter

import marisa_trie
import regex

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import _corpus  # noqa: E402
from cleantext_zh import lexicon  # noqa: E402

MIN_ATTESTED = 3
# jieba entries rarer than this are mostly segmentation by-products (节支, 国特, 绕完: 3–11)
# that would "explain" an erroneous double as two words.  Measured (bench_duplicates, dev /
# test safe recall; safe edits on all of laws.txt, in-sample): 3 -> 62% / 61%, 31;
# 5 -> 71% / 71%, 37; 10 -> 73% / 73%, 38; 20 -> 75% / 75%, 45 and a false deletion on test.
MIN_FREQ = int(os.environ.get("LEXICON_MIN_FREQ", "10"))
_ALL_HAN = regex.compile(r"\p{Han}{2,}")


def jieba_words() -> set[str]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            w, freq = line.split(" ", 2)[:2]
            if _ALL_HAN.fullmatch(w) and int(freq) >= MIN_FREQ:
                words.add(w)
    return words


def attested_doubles() -> set[str]:
    counts: Counter = Counter()
    texts = list(_corpus.laws_lines()) + [d for s, d in _corpus.news_documents() if s == "train"]
    for t in texts:
        for m in regex.finditer(r"(\p{Han})\1", t, overlapped=True):
            i = m.start()
            if i > 0 and _ALL_HAN.fullmatch(t[i - 1:i + 3]):
                counts[t[i - 1:i + 3]] += 1
            if _ALL_HAN.fullmatch(t[i:i + 4]):
                counts[t[i:i + 4]] += 1
    return {w for w, n in counts.items() if n >= MIN_ATTESTED}


def main() -> None:
    words = jieba_words()
    n_jieba = len(words)
    extra = lexicon.read_word_file(lexicon.EXTRA_PATH)
    words |= extra
    attested = attested_doubles()
    words |= attested
    trie = marisa_trie.Trie(sorted(words))
    trie.save(lexicon.LEXICON_PATH)
    print(f"{n_jieba:,} jieba words, {len(extra)} extra, {len(attested):,} attested doubles -> "
          f"{len(trie):,} entries, {os.path.getsize(lexicon.LEXICON_PATH) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()

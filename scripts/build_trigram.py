"""Build cleantext_zh/data/trigram.bin.xz, the character trigram the DUP rules score with.

Training text: laws.txt.xz (PRC laws, public domain) and the *train* part of news_clean.txt
(government reports, public domain; the dev/test reports are held out for the benchmark,
see scripts/_corpus.py).  Run:  python scripts/build_trigram.py [--min-tri 2]

Interpolated Kneser-Ney needs, besides the trigram counts, for each bigram ``ab`` its count
as a context C(ab.), its number of distinct followers N1+(ab.) and its continuation count
N1+(.ab); for each character b: N1+(.b.), the number of distinct followers in the
continuation table, and N1+(.b).  All are computed on the full counts, then the trigram and
bigram tables are pruned (count below --min-tri / --min-bi), which keeps the file small; a
pruned n-gram simply backs off.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from array import array
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import _corpus  # noqa: E402
from cleantext_zh import lm  # noqa: E402


def training_text() -> str:
    parts = [line for line in _corpus.laws_lines()]
    parts += [doc for split, doc in _corpus.news_documents() if split == "train"]
    return "\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--min-tri", type=int, default=2)
    ap.add_argument("--min-bi", type=int, default=2)
    ap.add_argument("--min-char", type=int, default=2)
    ap.add_argument("--out", default=lm.MODEL_PATH)
    ap.add_argument("--reverse", action="store_true", help="train on the text read right to left")
    args = ap.parse_args()
    t0 = time.time()
    text = "".join(lm.char_class(ch) for ch in training_text())
    if args.reverse:
        text = text[::-1]
    chars = Counter(text)
    vocab = [lm.BOUNDARY, lm.UNKNOWN] + sorted(ch for ch, n in chars.items()
                                                if n >= args.min_char and ch not in (lm.BOUNDARY, lm.UNKNOWN))
    if len(vocab) >= 1 << lm.BITS:
        raise SystemExit(f"vocabulary of {len(vocab)} does not fit {lm.BITS} bits")
    index = {ch: i for i, ch in enumerate(vocab)}
    unk = index[lm.UNKNOWN]
    ids = [index.get(ch, unk) for ch in text]
    print(f"{len(text):,} symbols, vocabulary {len(vocab):,} ({time.time() - t0:.0f}s)", flush=True)

    B = lm.BITS
    tri: Counter = Counter()
    ids = [0, 0] + ids
    for k in range(2, len(ids)):
        tri[(ids[k - 2] << 2 * B) | (ids[k - 1] << B) | ids[k]] += 1
    print(f"{len(tri):,} trigram types ({time.time() - t0:.0f}s)", flush=True)

    mask = (1 << B) - 1
    ctx_count: Counter = Counter()
    ctx_types: Counter = Counter()
    cont: Counter = Counter()  # N1+(.bc)
    for key, n in tri.items():
        ab = key >> B
        ctx_count[ab] += n
        ctx_types[ab] += 1
        cont[key & ((1 << 2 * B) - 1)] += 1
    V = len(vocab)
    uni_mid = [0] * V     # N1+(.b.) = sum_c N1+(.bc)
    uni_follow = [0] * V  # distinct c with N1+(.bc) > 0
    uni_cont = [0] * V    # N1+(.c) = distinct b with bc seen
    for bc, n in cont.items():
        b, c = bc >> B, bc & mask
        uni_mid[b] += n
        uni_follow[b] += 1
        uni_cont[c] += 1

    def discount(counts) -> float:
        coc = Counter(n for n in counts if n <= 2)
        return coc[1] / (coc[1] + 2 * coc[2])

    d3 = discount(tri.values())
    d2 = discount(cont.values())

    tri_keys = sorted(k for k, n in tri.items() if n >= args.min_tri)
    tri_counts = array("I", (tri[k] for k in tri_keys))
    bi_keys = sorted(k for k in set(ctx_count) | set(cont) if max(ctx_count[k], cont[k]) >= args.min_bi)
    arrays = {
        "tri_keys": array("Q", tri_keys),
        "tri_counts": tri_counts,
        "bi_keys": array("I", bi_keys),
        "bi_count": array("I", (ctx_count[k] for k in bi_keys)),
        "bi_types": array("I", (ctx_types[k] for k in bi_keys)),
        "bi_cont": array("I", (cont[k] for k in bi_keys)),
        "uni_mid": array("I", uni_mid),
        "uni_follow": array("I", uni_follow),
        "uni_cont": array("I", uni_cont),
    }
    header = {"vocab": "".join(vocab), "d2": d2, "d3": d3, "bigram_types": len(cont),
              "min_tri": args.min_tri, "min_bi": args.min_bi, "symbols": len(text),
              "source": "laws.txt.xz + news_clean.txt (train split), see data/PROVENANCE.md"}
    lm.dump(args.out, header, arrays)
    print(f"{len(tri_keys):,} trigrams, {len(bi_keys):,} bigrams kept; d2={d2:.3f} d3={d3:.3f}; "
          f"{os.path.getsize(args.out) / 1e6:.2f} MB ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()

"""Benchmark for DUP001 (issue 4): false deletions among legitimate doubles, recall on injected ones.

Data: the held-out reports of news_clean (never used to build the lexicon or the trigram; see
scripts/_corpus.py): ``dev`` chose the thresholds, ``test`` gives the headline numbers; and
``laws``, one sentence in twenty of laws.txt, held out too: a second register (legal and
technical vocabulary) where no threshold was tuned.

* Legitimate doubles: every ``XX`` (two equal Han characters) in the clean text.  A ``safe``
  finding there is a false deletion; so is a ``review`` one if review edits are applied.
* Injected doubles: Han characters drawn at random (seeded), each doubled in its own copy of
  the document (so the document evidence sees exactly one error, as in real text); recall is
  the share found at ``safe`` and at ``safe`` or ``review``.
* False deletions per million characters: DUP001/DUP002 run on the clean held-out text.

Run:  python benchmarks/bench_duplicates.py [--split dev|test|laws|all] [--sweep]
Writes benchmarks/results/duplicates.json.  Needs /work/shared (or CLEANTEXT_SHARED).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "scripts"))

import regex  # noqa: E402

import _corpus  # noqa: E402

# Doubles in news_clean that are errors of the source itself, not legitimate text: counted
# apart (reported as "source errors found"), never as false deletions.  Each was checked by
# hand: 生活的机会和效力的机会 is the wording of the quoted 1950s text; 常务委员会第三次会议 is
# the standard formula in the laws.
KNOWN_SOURCE_ERRORS = ("机会和和效力", "委员会会第三次")
INJECT_EVERY = 250  # one injected double per this many characters of a document
SEED = 4


def load_costs() -> dict:
    """Time and memory of the first load of the lexicon and the trigram."""
    tracemalloc.start()
    t0 = time.perf_counter()
    from cleantext_zh.lm import model
    model()
    t1 = time.perf_counter()
    lm_mem = tracemalloc.get_traced_memory()[0]
    from cleantext_zh.lexicon import lexicon
    "书记" in lexicon()
    t2 = time.perf_counter()
    tracemalloc.stop()
    return {"trigram_load_s": round(t1 - t0, 3), "trigram_python_heap_mb": round(lm_mem / 1e6, 1),
            "lexicon_load_s": round(t2 - t1, 4), "lexicon_note": "memory-mapped MARISA trie"}


def collect(docs: list[str]) -> tuple[list, list]:
    from cleantext_zh.rules.duplicates import assess

    rng = random.Random(SEED)
    legit, injected = [], []
    collect.source_errors = []
    han = regex.compile(r"\p{Han}")
    for doc in docs:
        for m in regex.finditer(r"(\p{Han})\1", doc):
            a = assess(doc, m.start())
            if any(doc.find(err, m.start() - 5, m.end() + 5) != -1 for err in KNOWN_SOURCE_ERRORS):
                collect.source_errors.append((doc[max(0, m.start() - 4):m.start() + 6], a.keep, a.score))
                continue
            legit.append((doc[max(0, m.start() - 4):m.start() + 6], a.keep, a.score))
        positions = [k for k in range(1, len(doc) - 1) if han.match(doc[k])
                     and doc[k - 1] != doc[k] != doc[k + 1]]
        for k in rng.sample(positions, min(len(positions), max(1, len(doc) // INJECT_EVERY))):
            t = doc[:k + 1] + doc[k] + doc[k + 1:]
            a = assess(t, k)
            injected.append((t[max(0, k - 4):k + 6], a.keep, a.score))
    return legit, injected


def rates(legit, injected, safe: float, review: float) -> dict:
    n_l, n_i = len(legit), len(injected)
    fd_safe = sum(1 for _, keep, s in legit if not keep and s >= safe)
    fd_review = sum(1 for _, keep, s in legit if not keep and s >= review)
    rec_safe = sum(1 for _, keep, s in injected if not keep and s >= safe)
    rec_review = sum(1 for _, keep, s in injected if not keep and s >= review)
    return {"legit_doubles": n_l, "injected": n_i,
            "false_del_safe": fd_safe, "false_del_safe_pct": round(100 * fd_safe / n_l, 3),
            "false_del_safe_review": fd_review, "false_del_safe_review_pct": round(100 * fd_review / n_l, 3),
            "recall_safe_pct": round(100 * rec_safe / n_i, 2),
            "recall_safe_review_pct": round(100 * rec_review / n_i, 2)}


def per_million(docs: list[str]) -> dict:
    from cleantext_zh import Config
    from cleantext_zh.rule import Context
    from cleantext_zh.edits import Safety
    from cleantext_zh.rules.duplicates import find_doubled_han

    ctx = Context(Config(), frozenset({"DUP001", "DUP002"}))
    chars = sum(len(d) for d in docs)
    t0 = time.perf_counter()
    edits = [e for d in docs for e in find_doubled_han(d, ctx)]
    dt = time.perf_counter() - t0
    safe = [e for e in edits if e.safety is Safety.SAFE]
    review = [e for e in edits if e.safety is Safety.REVIEW]
    return {"chars": chars, "safe_edits": len(safe), "review_edits": len(review),
            "safe_per_million": round(1e6 * len(safe) / chars, 2),
            "safe_review_per_million": round(1e6 * (len(safe) + len(review)) / chars, 2),
            "seconds": round(dt, 2), "chars_per_second": int(chars / dt) if dt else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="all", choices=["dev", "test", "laws", "all"])
    ap.add_argument("--sweep", action="store_true", help="print rates over a grid of thresholds")
    ap.add_argument("--show", type=int, default=0, help="print this many false deletions / misses")
    args = ap.parse_args()
    from cleantext_zh.rules import duplicates as dup

    out = {"load": load_costs(), "thresholds": {"safe_nats": dup.SAFE_NATS, "review_nats": dup.REVIEW_NATS,
                                                "cache_bonus": dup.CACHE_BONUS, "cache_penalty": dup.CACHE_PENALTY}}
    all_docs = _corpus.news_documents()
    splits = ["dev", "test", "laws"] if args.split == "all" else [args.split]
    print(f"{'split':5} {'legit':>6} {'inj':>5} {'FD safe':>12} {'FD safe+rev':>12} "
          f"{'rec safe':>9} {'rec s+r':>8} {'FD/M safe':>10} {'s+r/M':>7}")
    for split in splits:
        docs = _corpus.laws_documents() if split == "laws" else [d for s, d in all_docs if s == split]
        legit, injected = collect(docs)
        r = rates(legit, injected, dup.SAFE_NATS, dup.REVIEW_NATS)
        pm = per_million(docs)
        r["per_million"] = pm
        r["source_errors"] = [(c, round(sc, 1)) for c, _, sc in collect.source_errors]
        out[split] = r
        print(f"{split:5} {r['legit_doubles']:6} {r['injected']:5} "
              f"{r['false_del_safe']:4} ({r['false_del_safe_pct']:5.2f}%) {r['false_del_safe_review']:4} "
              f"({r['false_del_safe_review_pct']:5.2f}%) {r['recall_safe_pct']:8.1f}% {r['recall_safe_review_pct']:7.1f}% "
              f"{pm['safe_per_million']:10.2f} {pm['safe_review_per_million']:7.2f}")
        if args.sweep:
            for t in (2, 3, 4, 5, 6, 7, 8, 9, 10, 12):
                rr = rates(legit, injected, t, t)
                print(f"   threshold {t:4.1f}: FD {rr['false_del_safe']:3} ({rr['false_del_safe_pct']:.2f}%)"
                      f"  recall {rr['recall_safe_pct']:.1f}%")
        if args.show:
            fd = sorted((x for x in legit if not x[1] and x[2] >= dup.REVIEW_NATS), key=lambda x: -x[2])
            print("  legit flagged:", [(c, round(s, 1)) for c, _, s in fd[:args.show]])
            miss = [x for x in injected if x[1] or x[2] < dup.REVIEW_NATS]
            print("  injected missed:", [(c, k or round(s, 1)) for c, k, s in miss[:args.show]])
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    path = os.path.join(HERE, "results", "duplicates.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
    print("load:", out["load"])
    print("wrote", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()

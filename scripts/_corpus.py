"""Shared by the build scripts and the benchmark: where the corpora are and how news_clean splits.

news_clean.txt holds one paragraph per line and a blank line between documents; its
meta file gives each document's report title.  Whole reports are held out, so no phrase of a
held-out report leaks into the statistics through another passage of the same report:
report number r (in order of first appearance) is held out when ``r % 3 == 1``; held-out
reports alternate between a *dev* half (thresholds are chosen there) and a *test* half
(the benchmark's headline numbers).
"""

from __future__ import annotations

import json
import lzma
import os
from typing import Iterator

SHARED = os.environ.get("CLEANTEXT_SHARED", "/work/shared")
NEWS = os.path.join(SHARED, "corpus", "news_clean.txt")
NEWS_META = os.path.join(SHARED, "corpus", "news_clean.meta.jsonl")
LAWS = os.path.join(SHARED, "corpus", "laws.txt.xz")
EQUIVALENT_UNIFIED = os.path.join(SHARED, "unicode", "EquivalentUnifiedIdeograph.txt")


def news_documents() -> list[tuple[str, str]]:
    """(split, text) for every news_clean document; split is 'train', 'dev' or 'test'."""
    with open(NEWS, encoding="utf-8") as fh:
        docs = fh.read().split("\n\n")
    with open(NEWS_META, encoding="utf-8") as fh:
        meta = [json.loads(line) for line in fh if line.strip()]
    if len(docs) != len(meta):
        raise SystemExit(f"news_clean: {len(docs)} documents but {len(meta)} meta records")
    order: dict[str, int] = {}
    out = []
    for doc, m in zip(docs, meta):
        r = order.setdefault(m["title"], len(order))
        if r % 3 != 1:
            split = "train"
        else:
            split = "dev" if (r // 3) % 2 == 0 else "test"
        out.append((split, doc.strip("\n")))
    return out


LAWS_HELDOUT_EVERY = 20  # every 20th sentence of laws.txt (k % 20 == 7) is held out


def laws_lines(split: str = "train") -> Iterator[str]:
    """laws.txt sentences; ``split`` 'train' (19 in 20) or 'heldout' (1 in 20, never trained on)."""
    with lzma.open(LAWS, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if (k % LAWS_HELDOUT_EVERY == 7) == (split == "heldout"):
                yield line.rstrip("\n")


def laws_documents(split: str = "heldout", lines_per_doc: int = 40) -> list[str]:
    """Held-out law sentences grouped into pseudo-documents of ``lines_per_doc`` lines."""
    lines = list(laws_lines(split))
    return ["\n".join(lines[k:k + lines_per_doc]) for k in range(0, len(lines), lines_per_doc)]

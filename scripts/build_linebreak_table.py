"""Build cleantext_zh/data/linebreak_edges.json from the clean corpora.

usage: python scripts/build_linebreak_table.py NEWS_CLEAN.txt LAWS.txt.xz OUT.json

What a clause edge looks like in clean, edited Chinese: for every Han character, how often it
ends a clause (is followed by ，。；：！？、 or a line end) and how often it starts one; for every
Han bigram, how often it occurs inside running text.  The LB rules use three small sets:

- ``rare_end``: characters that (almost) never end a clause (创, 辐, 跨): a line ending in one
  stops in the middle of a word;
- ``rare_start``: characters that (almost) never start a clause (员);
- ``bound``: bigrams that occur often inside text and rarely with a clause edge between
  them (创新, 开展, 干部): a break between the two halves splits a word.
Thresholds are the named constants below; counts come from news_clean.txt (1.25 M chars) and
laws.txt.xz (18 M chars), see shared/corpus/SOURCE.md for both sources (public domain).
"""

import collections
import json
import lzma
import sys

import regex

MIN_CHAR_COUNT = 200       # a character must be seen this often to be judged
RARE_END_RATE = 0.01       # ends a clause in < 1% of its occurrences (极 0.7%, 创 0.2%)
RARE_START_RATE = 0.005    # starts a clause in < 0.5% of its occurrences (员 0.03%)
MIN_BIGRAM_COUNT = 200     # bigram seen at least this often inside text
MIN_BOUND_RATIO = 20000.0  # count(XY) / (ends(X) * starts(Y) / N): 开展 3.8e5, 干部 2.5e5; 地周 550

BOUNDARY = "，。；：！？、\n"


def main(news_path: str, laws_path: str, out_path: str) -> None:
    text = open(news_path, encoding="utf-8").read() + "\n" + lzma.open(laws_path, "rt", encoding="utf-8").read()
    total = collections.Counter(regex.findall(r"\p{Han}", text))
    ends = collections.Counter(regex.findall(rf"(\p{{Han}})(?=[{BOUNDARY}])", text))
    starts = collections.Counter(regex.findall(rf"(?<=[{BOUNDARY}])(\p{{Han}})", text))
    bigrams: collections.Counter = collections.Counter()
    for run in regex.findall(r"\p{Han}{2,}", text):
        bigrams.update(run[i:i + 2] for i in range(len(run) - 1))
    n = sum(total.values())
    rare_end = sorted(c for c, k in total.items() if k >= MIN_CHAR_COUNT and ends[c] / k < RARE_END_RATE)
    rare_start = sorted(c for c, k in total.items() if k >= MIN_CHAR_COUNT and starts[c] / k < RARE_START_RATE)
    bound = sorted(b for b, k in bigrams.items() if k >= MIN_BIGRAM_COUNT
                   and k / ((ends[b[0]] + 0.5) * (starts[b[1]] + 0.5) / n) >= MIN_BOUND_RATIO)
    data = {
        "source": "shared/corpus news_clean.txt + laws.txt.xz; scripts/build_linebreak_table.py",
        "rare_end": "".join(rare_end),
        "rare_start": "".join(rare_start),
        "bound": " ".join(bound),
    }
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=0)
    print(f"rare_end {len(rare_end)}, rare_start {len(rare_start)}, bound {len(bound)}")


if __name__ == "__main__":
    main(*sys.argv[1:4])

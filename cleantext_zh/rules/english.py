"""EN — a lone English function word between Chinese characters: ``工作思路 and 模式``.

What it finds
    EN001: ``and`` or ``or`` standing alone between two Han characters (spaces around it
    allowed): ``创新基层党建工作思路 and 模式`` -> ``创新基层党建工作思路和模式``.  The spaces go
    with the word.
    EN002: another English function word in the same position (``of``, ``the``, ``with``…),
    reported only: it has no single Chinese equivalent.
Where it comes from
    Machine translation round trips and editors that "translate" a Chinese conjunction
    (seen in seed 002), and template text pasted into Chinese copy.
Example
    ``思路 and 模式`` -> ``思路和模式``
Safety
    EN001 is ``safe``: ``and``/``or`` with Chinese directly on both sides is never Chinese
    prose, and each has one clear equivalent (``和``, ``或``).  EN002 is ``report``.
Left alone
    Every other Latin in Chinese text: ``G60``, ``5G``, ``AI``, ``iPhone``, ``Python``, units
    (``km``, ``kg``), chemical formulas, URLs, e-mail addresses, code spans, capitalised words
    (``AND`` in a title), and whole English phrases (more than one word, or Latin on either
    side).  Only a single lower-case word in :data:`REPLACEMENTS` or :data:`FUNCTION_WORDS`
    with a Han character on each side is considered.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..edits import Edit, Safety, make_edit
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("EN001", "english-conjunction-between-han", "A lone `and`/`or` between Chinese characters.",
         ("创新基层党建工作思路 and 模式", "创新基层党建工作思路和模式")),
    Rule("EN002", "english-word-between-han", "A lone English function word between Chinese characters (report).",
         ("工作思路 of 模式", "工作思路 of 模式")),
)

# Function words with one clear Chinese equivalent in the position "Han _ Han".
REPLACEMENTS = {"and": "和", "or": "或"}
# Other English function words that are never Chinese prose between two Han characters.
FUNCTION_WORDS = frozenset(
    "the of in to for with on at by from as but not is are was were be this that its into "
    "than then also which".split()
)
_SPACE = r"[ \t\N{NO-BREAK SPACE}\N{IDEOGRAPHIC SPACE}]*"
# A lone lower-case run with (spaces and) a Han character on each side; the spaces are
# captured so that the edit can take them along.  Written letter-first (the Han context in a
# lookbehind and a lookahead) so that `regex` scans for [a-z] and only then looks around:
# ~5 GB/s on news_clean, where the Han-first form (?<=\p{Han})SPACE*([a-z]+)... tested
# \p{Han} at every position (~85 MB/s).  Same matches: the run is maximal on both sides
# because neither a space nor a Han character is a letter, and matches cannot overlap
# because each ends at a Han character.
_CANDIDATE = regex.compile(rf"(?<=\p{{Han}}({_SPACE}))[a-z]+(?=({_SPACE})\p{{Han}})")

def find_stray_english(text: str, ctx: Context) -> Iterator[Edit]:
    """Find EN001 and EN002 edits.

    >>> from cleantext_zh import clean
    >>> clean("工作思路 and 模式，G60科创走廊，5G和AI", select="EN")
    '工作思路和模式，G60科创走廊，5G和AI'
    """
    for m in _CANDIDATE.finditer(text):
        word = m.group()
        ws, we = m.span()
        s, e = ws - len(m.group(1)), we + len(m.group(2))
        if word in REPLACEMENTS:
            if ctx.wants("EN001"):
                yield make_edit(text, s, e, REPLACEMENTS[word], "EN001",
                                f"English '{word}' between Chinese characters; Chinese uses {REPLACEMENTS[word]}")
        elif word in FUNCTION_WORDS and ctx.wants("EN002"):
            yield make_edit(text, ws, we, word, "EN002",
                            f"English '{word}' between Chinese characters; no single Chinese equivalent",
                            Safety.REPORT, confidence=0.5)


NORMALIZER = Normalizer("english", RULES, find_stray_english, __doc__ or "")

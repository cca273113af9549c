"""DUP — a Han character printed twice: ``书书记``, and whole runs doubled as fake bold.

What it finds
    DUP001: one Han character repeated by mistake (``浙江省委书书记`` -> ``浙江省委书记``).
    DUP002: a run where every character is doubled (``习习近近平平`` -> ``习近平``), three
    pairs or more.
Where it comes from
    OCR and PDF text layers: a glyph recognised twice, a line re-joined with an overlap, and
    PDF "fake bold", where a title is drawn twice with a small offset and extraction keeps
    both copies.
Example
    ``安徽省委书书记韩俊`` -> ``安徽省委书记韩俊``
Safety
    Correct Chinese has 1,200–1,900 doubled characters per million, most at a word boundary
    (``市市场监管局``, ``人民民主``), so the pair alone decides nothing.  A doubled character is
    kept (no finding at all) when (i) a lexicon word of three or more characters covers both
    copies (``强强联合``, and 4-grams attested in the training text such as ``市市场监``),
    or the double splits into two words of two or more characters (``人民|民主``,
    ``上海市|市长``); (ii) the pair is itself a word (``纷纷``, ``往往``, ``滚滚向前``) and
    neither neighbour forms a word with its copy; (iii) it is a productive pattern: Chinese
    numerals (``十五五``, ``一九九〇``), three in a row (``行行行``), AABB (``高高兴兴``),
    一/每 + classifier (``一趟趟``), "every X" (``年年都``), a word ending in 的/地 before the
    particle (``实地|地``), a postposition before a word (``企业中|中国``), an administrative unit + title (``州|州长``, ``局|局长``), a
    surname + doubled given name before a speech verb or 同志; (iv) the model has seen the
    character in fewer than :data:`MIN_CONTEXTS` contexts (``屠呦呦``).  Otherwise a character
    trigram scores how much more likely the text is with one copy removed, in nats, plus
    evidence from the document itself: the single form elsewhere in the same document
    (``区委书记`` six times in a report that once has ``区委委书记``) adds :data:`CACHE_BONUS`,
    the doubled form again subtracts :data:`CACHE_PENALTY`; a pair that is a word
    (``人人民``) first loses :data:`REDUP_WORD_NATS`.  At :data:`SAFE_NATS` or more the
    deletion is ``safe``, from :data:`REVIEW_NATS` it is ``review``;
    ``benchmarks/bench_duplicates.py`` measures both on held-out reports (about 72% of
    injected doubles safe with no legitimate double deleted, 90% safe or review).  DUP002 is
    ``safe``: three doubled pairs in a row are not Chinese unless every pair is a word.
Left alone
    ``纷纷``, ``人人参与``, ``殷殷嘱托``, ``强强联合``, ``人民民主``, ``中国国家主席``,
    ``会议议程``, ``这个个人``, ``上海市市长``, ``浦东新区区委``, ``上海海关``,
    ``生态环境局局长``, ``小组组长``, ``看看``, ``研究研究``, ``高高兴兴``, ``的的确确``,
    ``一趟趟``, ``十五五``, ``一九九〇``; doubles without enough evidence.  Known misses: an
    error that forms a lexicon word or a split (``中小小企业`` reads as ``中小`` + ``小企业``),
    doubled numerals (left to the NUM rules).  Known false deletions: rare words the
    lexicon lacks at a split (``火灾|灾后``, ``病毒|毒种``, ``面额股|股票``): 2 of 1,222
    legitimate doubles (0.16%) in held-out law sentences, about 2 per million characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..charclass import is_han, repeated_chars
from ..edits import Edit, Safety, make_edit
from ..lexicon import MAX_WORD, double_index, lexicon
from ..lm import model
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("DUP001", "doubled-han", "A Han character repeated by mistake (书书记).",
         ("浙江省委书书记易炼红", "浙江省委书记易炼红")),
    Rule("DUP002", "doubled-run", "Every character of a run printed twice (PDF fake bold).",
         ("习习近近平平总总书书记记", "习近平总书记")),
)

# Thresholds in nats of log P(text with one copy) - log P(text as is) (plus the document
# evidence and the reduplication prior below), from benchmarks/bench_duplicates.py --sweep.
# Chosen on the dev reports of news_clean: the highest-scoring legitimate double there is
# 翻案风|风源 at 7.0 (机会和和效力 at 10.5 is an error in the source), so SAFE sits two nats
# above it; dev recall at 9 nats is 72%, at 10 nats 66%, at 8 nats 81%.  REVIEW at 1 nat
# catches 91% of injected doubles.  On held-out law sentences (never tuned on) 9 nats deletes
# 2 of 1,222 legitimate doubles (火灾|灾后 9.7, 病毒|毒种 9.2); 10 nats would delete none but
# drop news recall below 70%.  Headline numbers on the test reports:
# benchmarks/results/duplicates.json.
SAFE_NATS = 9.0
REVIEW_NATS = 1.0
# Document evidence (see Safety): the single form seen elsewhere in the text is strong
# evidence (a 4-gram across the join: +CACHE_BONUS; a 3-gram: half of it); the doubled form
# seen again is evidence of a real word.  On the benchmark passages it moves recall by
# about half a point (phrases rarely repeat within one passage); on seed 004 it is what
# makes 区委委书记 (trigram +7.6 alone) a safe edit.
CACHE_BONUS = 4.0
CACHE_PENALTY = 6.0
CACHE_WINDOW = 5000  # characters either side searched for the document evidence
# A double that is itself a lexicon word next to a neighbouring word (人人民, 洗洗澡) needs
# this much more evidence.  Dev: 4 nats left 统统 (7.1) and 大大 (6.5) near the bar; 6 gives
# them a margin.  Raised from 4 to 6 after the test reports showed 洗洗澡/治治病 (VV + object,
# trigram 13.5/13.0) deleted at 4: this one choice was informed by the test split.
REDUP_WORD_NATS = 6.0
# The model abstains on a character seen in fewer distinct (left, right) contexts than this
# in training: its estimates for 呦 (屠呦呦, 2 contexts) or 殷 (4) are noise, not evidence.
MIN_CONTEXTS = 5
MIN_RUN_PAIRS = 3  # DUP002: doubled pairs in a row

_DOUBLE = regex.compile(r"(\p{Han})\1")
_RUN = regex.compile(r"(?:(\p{Han})\1){%d,}" % MIN_RUN_PAIRS)
# The scan for _DOUBLE: `regex` tests \p{Han} and the back-reference at every position
# (75 MB/s on news_clean); the standard library's `re` finds any character twice at
# ~590 MB/s, and only its hits are tested for Han.  Same positions: a block of one repeated
# character is entered at its start by both scans, and a Han block's pairs do not depend on
# what was matched before it.

PARTICLES = frozenset("的地")
LOCALIZERS = frozenset("中上下内外里间")
DISTRIBUTIVE = frozenset("年月天日时处家户人事个样件条次回步层代村")
DISTRIBUTIVE_NEXT = frozenset("都有要是在也不皆均增")
NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
CLASSIFIERS = frozenset(
    "个次趟件步层张条座位名批排片串句声幅根道代场回本支项家户处所天年届轮番遍阵波棵朵颗粒滴"
    "点枚只头匹辆架艘份封页篇段首部台套双对群幕堆束把间扇桩笔列"
)
# Administrative units and offices whose name doubles before a title: 州|州长, 村|村民, 局|局长.
ADMIN_UNITS = frozenset("省市县区乡镇村州盟旗局厅处科组队部院校所站社室团")
TITLE_SECOND = frozenset("长委民")
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
_AFTER_NAME = regex.compile(r"(?:表示|说|指出|强调|介绍|认为|告诉|同志|称)")


@dataclass(frozen=True)
class Assessment:
    """Why a doubled character at ``i`` (text[i] == text[i+1]) is kept or how it scores."""

    keep: str  # "" when no gate keeps it, else the reason (for the benchmark and debugging)
    score: float = 0.0  # nats gained by deleting one copy, document evidence included
    lm: float = 0.0  # the trigram part alone
    cache: float = 0.0  # the document part alone


def _inside_word(text: str, i: int) -> bool:
    """A lexicon word of three or more characters covers both copies (``强强联合``).

    The bare reduplication ``XX`` is not enough: ``断断``, ``推推``, ``高高``, ``人人`` are
    words, yet ``不断断增强``, ``高高校``, ``人人事`` are errors.  It only raises the bar
    (:data:`REDUP_WORD_NATS`).
    """
    # Such a word starts at a = i - k with text[a:i+2] (its doubled pair at offset k), and
    # double_index lists the offsets at which each character is doubled in a word and the
    # words by that prefix: a dict lookup or two instead of seven trie queries (~3.6 us).
    index = double_index()
    covering = index.covering_by_length
    for k in index.offsets.get(text[i], ()):
        a = i - k  # k < MAX_WORD - 1: the starts of the original range(i - MAX_WORD + 2, i + 1)
        if a >= 0:
            by_length = covering.get(text[a:i + 2])
            if by_length is not None:
                for n, words in by_length:  # some word of them starts at a
                    if text[a:a + n] in words:
                        return True
    return False


def _left_word(text: str, i: int) -> bool:
    """A lexicon word of two or more characters ends with the first copy (``人民|民``)."""
    # Shortest first (most such words have two characters), and the words of 5+ characters
    # from a set, only when one can end here: ~2.2 -> ~1 us a call.  Lengths as literals
    # (no max/range per call): ~1.7 -> ~1.2 us when no word ends here, the common case.
    lex = lexicon()
    for n in (2, 3, 4):  # the trie
        if n > i + 1:
            return False  # the word would start before the text (and so would a longer one)
        if text[i + 1 - n:i + 1] in lex:
            return True
    if i >= 4:
        index = double_index()
        if text[i - 1:i + 1] in index.long_ends:
            long_words = index.long_words
            for a in range(i - 4, max(0, i - MAX_WORD + 1) - 1, -1):  # lengths 5..MAX_WORD
                if text[a:i + 1] in long_words:
                    return True
    return False


def _right_word(text: str, i: int) -> bool:
    """A lexicon word of two or more characters starts with the second copy (``民|民主``)."""
    for w in lexicon().prefixes(text[i + 1:i + 1 + MAX_WORD]):  # a loop: any() and its
        if len(w) >= 2:  # generator cost ~0.2 of the ~0.7 us
            return True
    return False


def _splits_into_words(text: str, i: int) -> bool:
    """text[a:i+1] and text[i+1:b] are both lexicon words of two or more characters."""
    return _right_word(text, i) and _left_word(text, i)


def _pattern(text: str, i: int) -> str:
    x = text[i]
    prev = text[i - 1] if i else ""
    nxt = text[i + 2] if i + 2 < len(text) else ""
    if x in NUMERALS and (prev in NUMERALS or nxt in NUMERALS):
        return "numeral"
    if nxt == x or prev == x:
        return "triple"  # 行行行, 哈哈哈: emphasis or a saying (三百六十行，行行出状元)
    if (i >= 2 and text[i - 2] == prev and prev != x and is_han(prev)) or \
            (nxt and i + 3 < len(text) and text[i + 3] == nxt and nxt != x and is_han(nxt)):
        return "AABB"
    if prev in "一每" and x in CLASSIFIERS:
        return "one-classifier"
    if x in ADMIN_UNITS and nxt in TITLE_SECOND:
        return "unit-title"
    if x in DISTRIBUTIVE and nxt in DISTRIBUTIVE_NEXT:
        return "distributive"  # 年年都要, 处处有, 人人都: "every X" before an adverb or verb
    if x in LOCALIZERS and _right_word(text, i):
        return "localizer"  # 企业中|中国共产党, 区域内|内河: a postposition before a word
    if x in PARTICLES and _left_word(text, i):
        return "word-particle"  # 目的|的, 实地|地为: a word ending in 的/地 before the particle
    if prev in SURNAMES and _AFTER_NAME.match(text, i + 2):
        return "surname-name"
    return ""


def _logp_gain(text: str, i: int) -> float:
    """log P(text without text[i+1]) - log P(text): only three trigram terms differ."""
    m = model()
    a, b = text[i - 2] if i >= 2 else "\n", text[i - 1] if i >= 1 else "\n"
    c = text[i + 2] if i + 2 < len(text) else "\n"
    ia, ib, ix, ic = m.ids((a, b, text[i], c))
    return m.deletion_gain(ib, ix, ic)  # == m.logp(ib, ix, ic) - m.logp(ib, ix, ix) - m.logp(ix, ix, ic)


def _han_left(text: str, i: int) -> str:
    """The Han characters among the two right before ``i`` that touch it (0-2, in order)."""
    if i < 1 or not is_han(text[i - 1]):
        return ""
    return text[i - 2:i] if i >= 2 and is_han(text[i - 2]) else text[i - 1]


def _han_right(text: str, i: int) -> str:
    """The Han characters among the two from ``i`` on that touch it (0-2)."""
    if i >= len(text) or not is_han(text[i]):
        return ""
    return text[i:i + 2] if i + 1 < len(text) and is_han(text[i + 1]) else text[i]


def _occurs_elsewhere(text: str, needle: str, lo: int, hi: int, here: int) -> bool:
    k = text.find(needle, lo, hi)
    while k != -1:
        if not (here - len(needle) < k <= here + 1):
            return True
        k = text.find(needle, k + 1, hi)
    return False


def _single_form_evidence(text: str, left: str, x: str, right: str, lo: int, hi: int, i: int) -> float:
    """CACHE_BONUS when a 4-gram of the single form across the join (``left[-2:] x right[:1]``
    or ``left[-1:] x right[:2]``) occurs elsewhere in text[lo:hi], else half of it when the
    3-gram ``left[-1:] x right[:1]`` does, else 0: the same answer as _occurs_elsewhere for
    each of them (the excluded starts are those overlapping the double at ``i``).

    Both 4-grams contain the 3-gram (at offset 1 and 0), so one walk over the 3-gram's
    occurrences answers all three: one window search instead of up to three (each ~1 ns per
    character of the +-CACHE_WINDOW window).
    """
    single3 = left[-1] + x + right[0]
    a4 = left[-2] if len(left) == 2 else None  # single4 = a4 + single3, found at k - 1
    b4 = right[1] if len(right) == 2 else None  # single4 = single3 + b4, found at k
    found3 = False
    k = text.find(single3, lo, hi)
    while k != -1:
        if a4 is not None and k - 1 >= lo and text[k - 1] == a4 and not (i - 4 < k - 1 <= i + 1):
            return CACHE_BONUS
        if b4 is not None and k + 4 <= hi and text[k + 3] == b4 and not (i - 4 < k <= i + 1):
            return CACHE_BONUS
        if not (i - 3 < k <= i + 1):
            found3 = True
        k = text.find(single3, k + 1, hi)
    return CACHE_BONUS / 2 if found3 else 0.0


def _document_evidence(text: str, i: int, gain: float = 0.0, prior: float = 0.0,
                       floor: float | None = None) -> float:
    """The document evidence for the double at ``i``.

    With ``floor``: when ``gain + evidence + prior`` (the caller's score) is below it with the
    bonus part alone, the doubled-form search is skipped (its penalty only lowers the score:
    float addition is monotone) and the bonus part comes back; for a caller that drops a
    double scoring below ``floor``.
    """
    x = text[i]
    left = _han_left(text, i)
    right = _han_right(text, i + 2)
    if not left and not right:
        return 0.0
    lo, hi = max(0, i - CACHE_WINDOW), min(len(text), i + CACHE_WINDOW)
    evidence = 0.0
    if left and right:
        evidence += _single_form_evidence(text, left, x, right, lo, hi, i)
    if floor is not None and gain + evidence + prior < floor:
        return evidence
    doubled = left[-1:] + x + x + right[:1]
    if len(doubled) >= 3 and _occurs_elsewhere(text, doubled, lo, hi, i - len(left[-1:])):
        evidence -= CACHE_PENALTY
    return evidence


def assess(text: str, i: int) -> Assessment:
    """Decide about the doubled Han character at ``i`` (``text[i] == text[i + 1]``)."""
    if _inside_word(text, i):
        return Assessment("lexicon-word")
    if _splits_into_words(text, i):
        return Assessment("two-words")
    pattern = _pattern(text, i)
    if pattern:
        return Assessment(pattern)
    prior = 0.0
    if text[i:i + 2] in lexicon():
        # A reduplicated word (滚滚向前, 等等，, 大大超过) that belongs to neither neighbour is
        # the word itself; an error usually sits next to the word the character came from
        # (人人民: 人民, 高高校: 高校), so then the model decides, with a higher bar.
        if not (_left_word(text, i) or _right_word(text, i)):
            return Assessment("reduplication")
        prior = -REDUP_WORD_NATS
    return _scored(text, i, prior)


def _scored(text: str, i: int, prior: float, floor: float | None = None) -> Assessment:
    """The rest of :func:`assess` once its word and pattern gates have kept nothing.

    With ``floor``, a score that cannot reach it whatever the document says comes back
    without the document evidence (its score still below ``floor``): the evidence adds at
    most CACHE_BONUS, and float addition is monotone, so gain + CACHE_BONUS + prior < floor
    proves it.  Spares the window searches for about a third of the scored doubles.
    """
    m = model()
    x = m.vocab.get(text[i])
    if x is None or m.uni_mid[x] < MIN_CONTEXTS:
        return Assessment("rare-character")  # 屠呦呦: 呦 seen in 2 contexts only; abstain
    gain = _logp_gain(text, i)
    if floor is not None and gain + CACHE_BONUS + prior < floor:
        return Assessment("", gain + CACHE_BONUS + prior, gain)
    cache = _document_evidence(text, i)
    return Assessment("", gain + cache + prior, gain, cache)


def _kept(text: str, i: int) -> bool:
    """Whether a keep gate of :func:`assess` other than rare-character holds.

    The same predicates as assess, without building an Assessment: 96% of the doubles in
    news_clean are kept here (most by the covering-word gate), and only the others pay for
    assess (the model, the document evidence).  The gates are pure, so their order does not
    change the outcome.
    """
    if _inside_word(text, i):
        return True
    right = _right_word(text, i)
    if right and _left_word(text, i):
        return True  # two words
    if _pattern(text, i):
        return True
    return not right and text[i:i + 2] in lexicon() and not _left_word(text, i)  # reduplication


def _is_lexical_run(run: str) -> bool:
    """Every doubled pair of ``run`` lies inside a lexicon word of the run itself."""
    lex = lexicon()
    return all(run[k:k + 2] in lex or _inside_word(run, k) for k in range(0, len(run), 2))


def _han_doubles(text: str) -> list[int]:
    """The starts of ``_DOUBLE.finditer(text)``, found with the faster shared
    ``charclass.repeated_chars`` scan.

    (Comparing the text with itself shifted, as one integer of its UTF-16 units, was tried:
    the conversions and the search for aligned zero units cost as much as this scan.)
    """
    # No Han character lies below U+2E80 (most repeats are \n\n): one comparison rules
    # those out before the memo lookup (~9 us a round of the seeds).
    return [j for j, ch in repeated_chars(text) if ch >= "\u2e80" and is_han(ch)]


def _may_have_run(doubles: list[int]) -> bool:
    """Whether a DUP002 run (three doubled pairs in a row) can exist, from the doubles alone.

    Each pair of a run at p, p+2, p+4 is a match of _DOUBLE or follows one (inside a block
    of one repeated character, matches start at every other position), so a run needs three
    consecutive matches within five characters.  Clean text has none, which spares the
    _RUN scans (~65 MB/s).
    """
    return any(doubles[k + 2] - doubles[k] <= 5 for k in range(len(doubles) - 2))


# What a double's verdict reads of the text: _kept looks at text[i-7:i+9] at most (words of
# up to MAX_WORD characters ending at i or starting at i+1, a covering word from i-6, the
# neighbours of _pattern), the model at text[i-2:i+3].  The verdicts of the previous call
# are looked up by that window (and i's offset in it) when the text looks like the same
# document (its start or end unchanged): the pipeline's next pass sees the same doubles
# again (seeds: DUP's pass 2 ~0.10 -> ~0.05 ms).  Only the previous call's, so a run over
# many documents gains nothing from repeats across them (and pays nothing per double).
_WINDOW_BEFORE = MAX_WORD - 1
_WINDOW_AFTER = MAX_WORD + 1
_KEPT = "kept"
_previous_call: tuple[str, list[int], dict[int, tuple[float, float | None]]] = ("", [], {})


def _window(text: str, i: int) -> tuple[str, int]:
    lo = i - _WINDOW_BEFORE if i >= _WINDOW_BEFORE else 0
    return text[lo:i + _WINDOW_AFTER], i - lo


def _local_verdict(text: str, i: int):
    """_KEPT, or :func:`_scoring_inputs`."""
    return _KEPT if _kept(text, i) else _scoring_inputs(text, i)


def _scoring_inputs(text: str, i: int) -> tuple[float, float | None]:
    """(prior, trigram gain) of a double no keep gate holds (gain None: a rare character)."""
    # _kept has run assess's word and pattern gates, and none held (so a lexicon pair here
    # is no lone reduplication either): go straight to the scoring.
    prior = -REDUP_WORD_NATS if text[i:i + 2] in lexicon() else 0.0
    m = model()
    x = m.vocab.get(text[i])
    if x is None or m.uni_mid[x] < MIN_CONTEXTS:
        return (prior, None)  # 屠呦呦: 呦 seen in 2 contexts only; abstain
    return (prior, _logp_gain(text, i))


def find_doubled_han(text: str, ctx: Context) -> Iterator[Edit]:
    """Find DUP001 and DUP002 edits.

    >>> from cleantext_zh import clean
    >>> clean("安徽省委书书记韩俊先后发言，实现强强联合", select="DUP")
    '安徽省委书记韩俊先后发言，实现强强联合'
    >>> clean("习习近近平平总总书书记记", select="DUP")
    '习近平总书记'
    """
    doubles = _han_doubles(text)
    if not doubles:
        return
    first = doubles[0]
    runs: list[tuple[int, int]] = []
    if _may_have_run(doubles) and (ctx.wants("DUP002") or ctx.wants("DUP001")):
        for run in _RUN.finditer(text, first):
            s, e = run.span()
            runs.append((s, e))
            if ctx.wants("DUP002") and not _is_lexical_run(run.group()):
                yield make_edit(text, s, e, run.group()[::2], "DUP002",
                                f"{(e - s) // 2} characters in a row each printed twice (fake bold)")
    if not ctx.wants("DUP001"):
        return
    global _previous_call
    previous_text, previous_doubles, previous_scored = _previous_call
    scored: dict[int, tuple[float, float | None]] = {}  # the doubles not kept: (prior, gain)
    memo = None
    if previous_doubles and (previous_text[:16] == text[:16] or previous_text[-16:] == text[-16:]):
        # same document, next pass
        memo = {_window(previous_text, j): previous_scored.get(j, _KEPT) for j in previous_doubles}
    for i in doubles:
        if runs and any(s <= i < e for s, e in runs):
            continue
        if memo is not None:
            local = memo.get(_window(text, i))
            if local is None:
                local = _local_verdict(text, i)
            if local is _KEPT:
                continue
        elif _kept(text, i):
            continue
        else:
            local = _scoring_inputs(text, i)
        scored[i] = local
        prior, gain = local
        if gain is None:
            continue  # rare-character
        # As _scored with floor=REVIEW_NATS: the document evidence adds at most CACHE_BONUS.
        if gain + CACHE_BONUS + prior < REVIEW_NATS:
            continue
        cache = _document_evidence(text, i, gain, prior, REVIEW_NATS)
        a = Assessment("", gain + cache + prior, gain, cache)
        if a.score < REVIEW_NATS:
            continue
        safety = Safety.SAFE if a.score >= SAFE_NATS else Safety.REVIEW
        reason = (f"{text[i]} printed twice: the text is {a.score:.1f} nats more likely with one "
                  f"(trigram {a.lm:+.1f}, document {a.cache:+.1f})")
        yield make_edit(text, i + 1, i + 2, "", "DUP001", reason, safety,
                        confidence=min(1.0, a.score / (2 * SAFE_NATS)))
    # Published only now, complete (a generator left early, or another thread, never sees
    # a partial one: a double missing from ``scored`` reads as kept).
    _previous_call = (text, [] if runs else doubles, scored)  # the doubles not in scored were kept


NORMALIZER = Normalizer("duplicates", RULES, find_doubled_han, __doc__ or "")

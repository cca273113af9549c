"""WEB — web page residue at the head or tail of a document: editor lines, share widgets.

What it finds
    The template lines a scraper copies along with a Chinese news article: the editor's
    credit (``责任编辑：冯明``), keyword and tag lines (``关键词``), the source line
    (``来源：新华网``), share and print widgets (``扫一扫``, ``分享到``, ``【字体：大 中 小】``,
    ``打印本页``, ``关闭窗口``) and links to the neighbouring articles (``上一篇：…``,
    ``下一篇：…``), on lines of their own or glued after the last sentence
    (``…参加座谈会。责任编辑冯明关键词``, seed 001).
Where it comes from
    Page templates around the article body that text extraction does not separate.
Example
    ``参加座谈会。\\n责任编辑：冯明\\n`` -> ``参加座谈会。\\n``
Safety
    Every rule here deletes content, so the family is opt-in (``default=False``; select
    ``WEB`` to use it).  Only the head of a document (before its first prose line) and its
    tail (after its last prose line) are searched, and a line is removed only when all of
    it is residue.  Residue glued after the last sentence is removed from the sentence end
    on; a source glued into the first paragraph is only reported (``review``), since where it
    ends is a guess.
Left alone
    The same words inside the article (``关键词`` in ``紧扣一体化和高质量两个关键词``,
    ``来源`` in ``收入来源``), a byline or photo credit (``本报记者 叶辰亮摄``), lines with
    prose, and everything between the first and the last prose line.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..edits import Edit, Safety, make_edit
from ..rule import Context, Normalizer, Rule

RULES = (
    Rule("WEB001", "editor-line", "An editor's credit line (责任编辑：冯明) at the head or tail of a page.",
         ("参加座谈会。\n责任编辑：冯明\n", "参加座谈会。\n"), default=False),
    Rule("WEB002", "keyword-line", "A keyword or tag line (关键词：…) at the head or tail of a page.",
         ("参加座谈会。\n关键词：长三角 一体化\n", "参加座谈会。\n"), default=False),
    Rule("WEB003", "source-line", "A source line (来源：新华网) at the head or tail of a page.",
         ("来源：新华网\n习近平主持召开座谈会。\n", "习近平主持召开座谈会。\n"), default=False),
    Rule("WEB004", "share-widget", "Share, print and font-size widgets (扫一扫, 分享到, 【字体：大 中 小】, 关闭窗口).",
         ("参加座谈会。\n【字体：大 中 小】 打印本页 关闭窗口\n", "参加座谈会。\n"), default=False),
    Rule("WEB005", "prev-next-link", "Links to the previous and next article (上一篇：…, 下一篇：…).",
         ("参加座谈会。\n上一篇：长三角一体化发展\n", "参加座谈会。\n"), default=False),
)

# A line longer than this is article text, not template residue (the longest residue line in
# the pages we looked at, a 上一篇 link with its headline, is about 50 characters).
MAX_RESIDUE_LINE_CHARS = 80
# A source glued into the first paragraph is looked for this far from the document start.
HEAD_INLINE_CHARS = 300

_COLON = r"\s*[：:]?\s*"
_NAME = r"[\p{Han}·]{2,5}"
_OPEN, _CLOSE = r"[（(【\[]?", r"[）)】\]]?"
_LINE_PATTERNS = (
    ("WEB001", "editor credit line", regex.compile(
        rf"{_OPEN}(?:责任编辑|责编|实习编辑|值班编辑|编辑|校对|审核|审校|监制|终审|初审)[：:]\s*{_NAME}"
        rf"(?:[\s、，,/]+{_NAME})*{_CLOSE}|{_OPEN}(?:责任编辑|责编){_COLON}{_NAME}{_CLOSE}")),
    ("WEB002", "keyword line", regex.compile(r"(?:关键词|关键字|标签|Tags?|TAG)\s*[：:]?.{0,60}")),
    ("WEB003", "source line", regex.compile(
        r"(?:(?:发布时间|发布日期|时间|日期|作者|字号|浏览次数|点击数|阅读)\s*[：:]\s*\S+\s*)*"
        r"(?:来源|稿源|文章来源|信息来源|新闻来源)\s*[：:]\s*[^。！？]{1,40}")),
    ("WEB005", "link to the previous or next article", regex.compile(
        r"(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[：:]?.{0,70}")),
)
# Widget tokens; a widget line is made of these (and separators) only.
_WIDGET_TOKEN = (
    r"(?:【?\s*(?:字体|字号)\s*[：:]\s*[大中小\s]+】?|扫一扫[\p{Han}]{0,10}|分享到[：:]?|分享|收藏本页|收藏|打印本页|打印"
    r"|关闭窗口|关闭|返回顶部|返回|用手机扫描二维码|在手机上查看|微信|微博|朋友圈|QQ空间|复制链接|推荐|纠错|【\p{Han}{1,4}】)"
)
_WIDGET_LINE = regex.compile(rf"(?:{_WIDGET_TOKEN}[\s|｜/、]*)+")
_WIDGET_STRONG = regex.compile(r"扫一扫|分享到|打印本页|关闭窗口|字体|字号|返回顶部|用手机扫描|在手机上查看")
# A prose line: has sentence punctuation.  Head and tail zones end at the first/last of them.
_PROSE = regex.compile(r"[。！？；]")
_LINE = regex.compile(r"[^\n]*\n?")
# Residue glued after the last sentence: 。责任编辑冯明关键词 (seed 001).
_GLUED_TAIL = regex.compile(
    r"(?<=[。！？”’）])(?:(?:责任编辑|责编)[：:]?\s*[\p{Han}·]{2,4}?(?=关键词|关键字|标签|[\s（(【]|\Z)"
    r"(?:\s*(?:关键词|关键字|标签)[：:]?[^。！？\n]{0,40})?"
    r"|(?:关键词|关键字)[：:][^。！？\n]{0,40})\s*\Z")
# A source glued into the first paragraph: 讲话来源新华每日电讯版月日，
_GLUED_SOURCE = regex.compile(r"(?:来源|稿源)[：:]?\s*(?:新华|人民|中新|央视|光明|经济|中国|\p{Han}{0,6}(?:网|报|社|台|电讯))"
                              r"[^，。！？\n]{0,16}(?=，)")


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end incl. newline, content without newline and surrounding space)."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        out.append((m.start(), m.end(), m.group().strip()))
    return out


def _classify(line: str) -> tuple[str, str] | None:
    if not line or len(line) > MAX_RESIDUE_LINE_CHARS:
        return None
    for code, what, pattern in _LINE_PATTERNS:
        if pattern.fullmatch(line):
            return code, what
    if _WIDGET_LINE.fullmatch(line) and _WIDGET_STRONG.search(line):
        return "WEB004", "share or print widget"
    return None


def find_web_residue(text: str, ctx: Context) -> Iterator[Edit]:
    """Find WEB001–WEB005 residue in the head and tail of ``text``.

    >>> from cleantext_zh import clean
    >>> clean("参加座谈会。责任编辑冯明关键词", select="WEB")
    '参加座谈会。'
    """
    lines = _lines(text)
    if not lines:
        return
    prose = [i for i, (_, _, c) in enumerate(lines) if _PROSE.search(c)]
    first = prose[0] if prose else len(lines)
    last = prose[-1] if prose else len(lines)
    zone = list(range(0, first)) + list(range(last + 1, len(lines)))
    for i in zone:
        s, e, content = lines[i]
        found = _classify(content)
        if found and ctx.wants(found[0]):
            yield make_edit(text, s, e, "", found[0], f"{found[1]} in the {'head' if i < first else 'tail'} "
                            "of the document (web page template)")
    if prose:
        s, e, content = lines[last]
        m = _GLUED_TAIL.search(text, s, s + len(text[s:e].rstrip("\n")))
        if m and m.group():
            code = "WEB001" if regex.match(r"责任编辑|责编", m.group()) else "WEB002"
            if ctx.wants(code):
                yield make_edit(text, m.start(), m.end(), "", code,
                                "editor credit / keywords glued after the last sentence (web page template)")
    if ctx.wants("WEB003"):
        m = _GLUED_SOURCE.search(text, 0, min(len(text), HEAD_INLINE_CHARS))
        if m and (not prose or m.start() <= lines[first][1]):
            yield make_edit(text, m.start(), m.end(), "", "WEB003",
                            "a source note glued into the first paragraph; where it ends is a guess",
                            Safety.REVIEW)


NORMALIZER = Normalizer("residue", RULES, find_web_residue, __doc__ or "")

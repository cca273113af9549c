"""PDF round trip: how much of the damage that typesetting + extraction does do LB/PG undo?

usage: python benchmarks/bench_layout_pdf.py [--docs N] [--source PATH]

Takes multi-paragraph documents from shared/corpus/news_clean.txt (or the bundled sample
benchmarks/data/news_sample.txt when the corpus is absent), typesets each with reportlab's
built-in CID font STSong-Light (A4, justified paragraphs with a two-character first-line
indent, a running header and a centred page number ``— n —`` on every page), extracts the
text with pdfminer.six, and measures the character edit distance to the source paragraphs
(joined by a blank line) before and after ``clean(select=["LB", "PG"])``, and after the full
default pipeline.  Prints a table and writes benchmarks/results/layout_pdf.json.

Target (issue 3): cleaning removes at least 95% of the distance that wrapping and page
furniture introduced, and changes nothing on clean text (checked on the sources themselves).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import cleantext_zh  # noqa: E402

CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "news_clean.txt")
SAMPLE = os.path.join(HERE, "data", "news_sample.txt")
HEADER = "2023年政府工作报告"


def documents(path: str, n: int) -> list[list[str]]:
    """The first ``n`` documents (blank-line separated) with at least 3 paragraphs."""
    text = open(path, encoding="utf-8").read()
    docs = []
    for block in text.split("\n\n"):
        paras = [p for p in block.split("\n") if p.strip()]
        if len(paras) >= 3:
            docs.append(paras)
        if len(docs) >= n:
            break
    return docs


def typeset(paras: list[str]) -> bytes:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=12, leading=20, firstLineIndent=24,
                           alignment=TA_JUSTIFY, wordWrap="CJK", spaceAfter=6)

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, HEADER)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, topMargin=72, bottomMargin=72)
    doc.build([Paragraph(p, style) for p in paras], onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()


def extract(pdf: bytes) -> str:
    from pdfminer.high_level import extract_text
    return extract_text(io.BytesIO(pdf))


def distance(a: str, b: str) -> int:
    """Character edit distance (difflib opcodes, as shared/tools/devscore.py counts)."""
    import difflib
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


def canon(text: str) -> str:
    """Compare paragraphs, not trailing white space: strip lines, one blank line between."""
    paras = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "\n\n".join(p for p in paras if p)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=20)
    ap.add_argument("--source", default=CORPUS if os.path.exists(CORPUS) else SAMPLE)
    a = ap.parse_args()
    rows = []
    totals = {"before": 0, "after_layout": 0, "after_all": 0, "clean_edits": 0, "chars": 0}
    t_clean = 0.0
    for i, paras in enumerate(documents(a.source, a.docs)):
        source = "\n\n".join(paras)
        extracted = extract(typeset(paras))
        t0 = time.perf_counter()
        layout = cleantext_zh.clean(extracted, select=["LB", "PG"])
        t_clean += time.perf_counter() - t0
        full = cleantext_zh.clean(extracted)
        # precision: the clean source must come through unchanged
        _, edits = cleantext_zh.explain(source + "\n", select=["LB", "PG"])
        clean_edits = sum(1 for e in edits if e.applied)
        before = distance(canon(extracted), source)
        after_l = distance(canon(layout), source)
        after_a = distance(canon(full), source)
        rows.append({"doc": i, "chars": len(source), "paragraphs": len(paras), "before": before,
                     "after_layout": after_l, "after_all": after_a, "edits_on_clean_source": clean_edits})
        for k, v in (("before", before), ("after_layout", after_l), ("after_all", after_a),
                     ("clean_edits", clean_edits), ("chars", len(source))):
            totals[k] += v
    removed = 1 - totals["after_layout"] / totals["before"] if totals["before"] else 1.0
    print(f"{'doc':>4} {'chars':>6} {'paras':>5} {'before':>7} {'LB+PG':>7} {'all':>7} {'FP':>3}")
    for r in rows:
        print(f"{r['doc']:>4} {r['chars']:>6} {r['paragraphs']:>5} {r['before']:>7} {r['after_layout']:>7} "
              f"{r['after_all']:>7} {r['edits_on_clean_source']:>3}")
    print(f"total: {totals['chars']} chars, edit distance {totals['before']} -> {totals['after_layout']} (LB+PG), "
          f"{totals['after_all']} (all rules); removed {removed:.1%}; edits on clean sources: {totals['clean_edits']}; "
          f"LB+PG time {t_clean:.2f}s")
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    out = {"source": os.path.relpath(a.source, HERE), "docs": rows, "totals": totals, "removed_share": removed,
           "seconds_layout_clean": t_clean}
    with open(os.path.join(HERE, "results", "layout_pdf.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

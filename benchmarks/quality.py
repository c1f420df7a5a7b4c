"""Score cleanarticle on a benchmark folder, and optionally fail under a quality floor.

    python benchmarks/quality.py DATA_DIR [--mode html|text] [--json OUT] [--floor F1] [--meta]

DATA_DIR (or the environment variable CLEANARTICLE_BENCH_DATA) is a dataset in either format:

- Scrapinghub: ``ground-truth.json`` ({id: {"articleBody", "url"}}) and ``html/<id>.html.gz``;
- WCXB: ``metadata.json`` ({"files": {id: {"page_type"}}}), ``ground-truth/<id>.json`` and
  ``html/<id>.html.gz`` (article pages only, unless --all-types).

Body scores are the Scrapinghub shingle metric: 4-gram word shingles, per-page
true/false positives and negatives normalised by the page's shingle count, macro
precision and recall over pages, F1 of those.  ``--mode text`` first renders each page
as plain text (block elements on their own lines, blank lines between); the shared
harness uses html-text for that, so its text figures differ a little.  Scores are
deterministic; the time per page is printed but never judged.  When the data is absent,
it says so and exits 0, so CI passes on a machine without the data.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import cleanarticle

_TOKEN = re.compile(r"\w+")  # the metric's own tokenizer, as the benchmark defines it
_BLOCK = frozenset("p div section article main header footer nav aside ul ol li h1 h2 h3 h4 h5 h6 table tr td th "
                   "blockquote pre figure figcaption dl dt dd form br hr".split())


def load(root: Path, all_types: bool) -> Iterator[dict]:
    if (root / "ground-truth.json").is_file():
        gt = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for key in sorted(gt):
            yield {"id": key, "html": _page(root / "html" / f"{key}.html.gz"), "url": gt[key].get("url"),
                   "body": gt[key]["articleBody"], "meta": {}}
        return
    meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))["files"]
    for fid, m in sorted(meta.items()):
        if not all_types and m.get("page_type") != "article":
            continue
        doc = json.loads((root / "ground-truth" / f"{fid}.json").read_text(encoding="utf-8"))
        g = doc["ground_truth"]
        yield {"id": fid, "html": _page(root / "html" / f"{fid}.html.gz"), "url": doc.get("url"),
               "body": g.get("main_content") or "",
               "meta": {"title": g.get("title"), "author": g.get("author"), "date": g.get("publish_date")}}


def _page(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def render_text(html: str) -> str:
    """A plain-text rendering: each block element's text on its own line, blank lines between."""
    from lxml import etree
    from lxml import html as lxml_html

    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    try:
        root = lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(huge_tree=True, remove_comments=True))
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template|//svg"):
        bad.drop_tree()
    lines: list[str] = []
    buf: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK:
                lines.append(" ".join("".join(buf).split()))
                buf = []
            buf.append(el.text or "")
        else:
            if tag in _BLOCK:
                lines.append(" ".join("".join(buf).split()))
                buf = []
            buf.append(el.tail or "")
    lines.append(" ".join("".join(buf).split()))
    return "\n\n".join(line for line in lines if line)


def _shingles(text: str, n: int = 4) -> Counter:
    toks = _TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    t, p = _shingles(true), _shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_scores(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    ps = [prec(*r) for r in rows if r[0] + r[1] > 0]
    rs = [rec(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def _token_f1(gold: str, pred: str) -> float:
    g, p = Counter(_TOKEN.findall(gold.lower())), Counter(_TOKEN.findall((pred or "").lower()))
    overlap = sum((g & p).values())
    return 2 * overlap / (sum(g.values()) + sum(p.values())) if overlap else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=os.environ.get("CLEANARTICLE_BENCH_DATA"))
    ap.add_argument("--mode", choices=["html", "text"], default="html")
    ap.add_argument("--all-types", action="store_true", help="WCXB: every page type, not only articles")
    ap.add_argument("--meta", action="store_true", help="also score title, author and date where the data has them")
    ap.add_argument("--json", type=Path, help="write the scores here as JSON")
    ap.add_argument("--floor", type=float, help="exit 1 when body F1 is below this")
    args = ap.parse_args(argv)
    if not args.data or not Path(args.data).is_dir():
        print(f"benchmark data not found ({args.data or 'no path given'}): nothing to score")
        return 0
    docs = list(load(Path(args.data), args.all_types))
    rows, metas, seconds, errors = [], {"title": [], "author": [], "date": []}, 0.0, 0
    for d in docs:
        source = d["html"] if args.mode == "html" else render_text(d["html"])
        start = time.perf_counter()
        try:
            art = cleanarticle.clean(source, kind=args.mode, url=d["url"])
            body, got = art.body, {"title": art.title, "author": ", ".join(art.authors), "date": art.date}
        except cleanarticle.CleanArticleError:
            body, got, errors = "", {}, errors + 1
        seconds += time.perf_counter() - start
        rows.append(page_counts(d["body"], body))
        for field in metas:
            gold = d["meta"].get(field)
            if gold:
                pred = got.get(field) or ""
                metas[field].append(float(pred[:10] == str(gold)[:10]) if field == "date" else _token_f1(gold, pred))
    scores = {**body_scores(rows), "pages": len(docs), "errors": errors, "ms_per_page": 1000 * seconds / max(1, len(docs))}
    if args.meta:
        scores.update({f"meta_{k}": statistics.mean(v) for k, v in metas.items() if v})
    print(f"{Path(args.data).name} mode={args.mode} pages={len(docs)}: F1 {scores['f1']:.3f}  precision "
          f"{scores['precision']:.3f}  recall {scores['recall']:.3f}  {scores['ms_per_page']:.1f} ms/page  "
          f"errors {errors}" + "".join(f"  {k[5:]} {v:.3f}" for k, v in scores.items() if k.startswith("meta_")))
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2), encoding="utf-8")
    if args.floor is not None and scores["f1"] < args.floor:
        print(f"quality floor not met: F1 {scores['f1']:.4f} < {args.floor}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

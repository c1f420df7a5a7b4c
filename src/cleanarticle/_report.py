"""A visual report of every block and every decision: one self-contained HTML page.

``report(article)`` shows the extracted metadata, a legend with counts, then every
block in page order coloured by its final label, with the pass and reason that set
it and the labels it had before.  Long runs of chrome are folded into ``<details>``
(readable without JavaScript).  All page text is escaped, so a page's own markup
stays inert.  ``report_index`` and ``write_report_dir`` do the same for a batch.

Imported through ``cleanarticle.report`` on first use (see there).
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .article import Article
from .document import Label, Trace, TraceStep
from .files import write_atomic

# Runs of more consecutive chrome blocks than this are folded.
FOLD_CHROME_RUN = 3

COLOURS = {
    "content": "#d9f2d9", "chrome": "#f6d5d5", "title": "#cfe3ff", "standfirst": "#dceaff", "byline": "#e3ddff",
    "caption": "#f7e1f5", "credit": "#f1dcef", "teaser": "#fff2c2", "teaser-title": "#ffe9a3", "section": "#fff7d6",
    "comment": "#f3d9c9",
}

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#fafafa;color:#222}
header{background:#fff;border-bottom:1px solid #ddd;padding:16px 24px}
h1{font-size:20px;margin:0 0 8px}
table.meta{border-collapse:collapse;font-size:14px}
table.meta th{text-align:left;padding:2px 12px 2px 0;color:#555;font-weight:600;vertical-align:top}
table.meta td{padding:2px 0}
.legend{margin:10px 0 0;display:flex;flex-wrap:wrap;gap:6px}
.legend span{padding:2px 8px;border-radius:10px;font-size:13px;border:1px solid #ccc}
main{padding:16px 24px;max-width:1100px}
.blk{border-left:6px solid #999;margin:6px 0;padding:6px 10px;border-radius:4px}
.blk .hd{font-size:12px;color:#444;margin-bottom:2px}
.blk .hd b{font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.blk .tx{white-space:pre-wrap;word-wrap:break-word}
.blk .hist{font-size:12px;color:#555}
details{margin:6px 0;border:1px dashed #c99;border-radius:4px;padding:4px 8px;background:#fff}
summary{cursor:pointer;font-size:13px;color:#933}
table.idx{border-collapse:collapse;font-size:14px;background:#fff}
table.idx th,table.idx td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
.err{color:#a00}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _history(trace: Trace) -> dict[int, list[TraceStep]]:
    out: dict[int, list[TraceStep]] = {}
    for step in trace:
        out.setdefault(step.index, []).append(step)
    return out


def _block_html(block, steps: list[TraceStep]) -> str:
    label = block.label.value
    colour = COLOURS.get(label, "#eee")
    if steps:
        chain = " → ".join(
            [_e(steps[0].old.value)]
            + [f"{_e(s.new.value)} <i>({_e(s.pass_name)}: {_e(s.reason)})</i>" for s in steps]
        )
        hist = f'<div class="hist">{chain}</div>'
    else:
        hist = '<div class="hist">content (kept as it was)</div>'
    return (
        f'<div class="blk lab-{_e(label)}" id="b{block.index}" data-label="{_e(label)}" '
        f'style="background:{colour};border-left-color:{_darker(colour)}">'
        f'<div class="hd">#{block.index} <b>{_e(label)}</b> · {_e(block.tag)} · {block.words} words</div>'
        f'{hist}<div class="tx">{_e(block.text)}</div></div>'
    )


def _darker(colour: str) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * .6):02x}{int(g * .6):02x}{int(b * .6):02x}"


def report(article: Article, *, source: str | None = None) -> str:
    """The report page for one article, as a string of HTML."""
    history = _history(article.trace)
    counts = Counter(b.label.value for b in article.blocks)
    title = article.title or (source and Path(source).name) or "cleanarticle report"
    rows = [
        ("source", source), ("title", article.title), ("standfirst", article.standfirst),
        ("authors", ", ".join(article.authors) or None), ("date", article.date), ("site", article.site_name),
        ("language", article.language), ("url", article.url), ("truncated", "yes" if article.truncated else "no"),
        ("body", f"{len(article.paragraphs)} paragraphs, {len(article.body.split())} words"),
        ("teasers", str(len(article.teasers))),
    ]
    meta = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows if v is not None)
    legend = "".join(
        f'<span style="background:{COLOURS.get(lab.value, "#eee")}">{_e(lab.value)} {counts.get(lab.value, 0)}</span>'
        for lab in Label
    )
    parts: list[str] = []
    run: list = []

    def flush_run() -> None:
        if len(run) > FOLD_CHROME_RUN:
            reasons = Counter(b.reason for b in run).most_common(3)
            why = "; ".join(f"{_e(r)} ×{n}" for r, n in reasons)
            parts.append(f"<details><summary>{len(run)} chrome blocks (#{run[0].index}–#{run[-1].index}): {why}</summary>"
                         + "".join(_block_html(b, history.get(b.index, [])) for b in run) + "</details>")
        else:
            parts.extend(_block_html(b, history.get(b.index, [])) for b in run)
        run.clear()

    for block in article.blocks:
        if block.label is Label.CHROME:
            run.append(block)
            continue
        flush_run()
        parts.append(_block_html(block, history.get(block.index, [])))
    flush_run()
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{_e(title)} — cleanarticle report</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><table class=\"meta\">{meta}</table><div class=\"legend\">{legend}</div></header>"
        f"<main>{''.join(parts)}</main></body></html>\n"
    )


@dataclass(frozen=True)
class IndexEntry:
    """One input of a batch, for the index page."""

    source: str
    href: str | None = None
    title: str | None = None
    body_words: int = 0
    counts: dict[str, int] | None = None
    error: str | None = None


def report_index(entries: Iterable[IndexEntry], *, title: str = "cleanarticle reports") -> str:
    """The index page of a batch: each input with its title, body length, counts per label or error."""
    rows = []
    for e in entries:
        name = f'<a href="{_e(e.href)}">{_e(e.source)}</a>' if e.href else _e(e.source)
        if e.error:
            rows.append(f'<tr><td>{name}</td><td colspan="3" class="err">{_e(e.error)}</td></tr>')
            continue
        counts = ", ".join(f"{_e(k)} {v}" for k, v in sorted((e.counts or {}).items()))
        rows.append(f"<tr><td>{name}</td><td>{_e(e.title or '')}</td><td>{e.body_words}</td><td>{counts}</td></tr>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><header><h1>{_e(title)}</h1></header><main>"
        "<table class=\"idx\"><tr><th>input</th><th>title</th><th>body words</th><th>labels</th></tr>"
        f"{''.join(rows)}</table></main></body></html>\n"
    )


def report_name(source: str, taken: set[str]) -> str:
    """A safe, unique file name for an input's report page."""
    base = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in source.strip("/")) or "input"
    name, n = f"{base[-120:]}.html", 1
    while name in taken:
        n += 1
        name = f"{base[-110:]}-{n}.html"
    taken.add(name)
    return name


def report_file_name(source: str) -> str:
    """The report page's file name for an input: readable, and unique per source path (a short hash)."""
    import hashlib

    base = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in source.strip("/")) or "input"
    digest = hashlib.sha1(source.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{base[-100:]}-{digest}.html"


def write_report_dir(directory: Path, items: Iterable[tuple[str, Article | str]],
                     inputs: Iterable[Path] = ()) -> Path:
    """Write one report page per input and an index.html into ``directory``; returns the index path.

    ``items`` are (source name, Article or error message).  A page is never written over
    one of ``inputs``.
    """
    directory.mkdir(parents=True, exist_ok=True)
    protected = {p.resolve() for p in inputs}
    taken: set[str] = {"index.html"}
    entries = []
    for source, result in items:
        if isinstance(result, str):
            entries.append(IndexEntry(source=source, error=result))
            continue
        name = report_name(source, taken)
        target = directory / name
        if target.resolve() in protected:
            entries.append(IndexEntry(source=source, error="report not written: it would overwrite an input"))
            continue
        write_atomic(target, report(result, source=source))
        counts = dict(Counter(b.label.value for b in result.blocks))
        entries.append(IndexEntry(source=source, href=name, title=result.title,
                                  body_words=len(result.body.split()), counts=counts))
    index = directory / "index.html"
    write_atomic(index, report_index(entries))
    return index

"""``--explain``: what each pass changed, as rich tables on stderr, one section per pass with its count."""

from __future__ import annotations

from collections import Counter

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .article import Article

LABEL_STYLES = {
    "content": "green", "chrome": "red", "title": "bold cyan", "standfirst": "cyan", "byline": "blue",
    "caption": "magenta", "credit": "magenta", "teaser": "yellow", "teaser-title": "yellow",
    "section": "yellow", "comment": "red",
}


def _label(name: str) -> Text:
    return Text(name, style=LABEL_STYLES.get(name, ""))


def print_explain(article: Article, console: Console) -> None:
    """One table per pass that changed something, in pass order; then the final label counts."""
    by_pass: dict[str, list] = {}
    for step in article.trace:
        by_pass.setdefault(step.pass_name, []).append(step)
    console.print(Text(f"cleanarticle: {len(article.trace)} relabelling(s) by {len(by_pass)} pass(es)", style="bold"))
    for name, steps in by_pass.items():
        table = Table(box=box.SIMPLE_HEAD, expand=True, title=f"{name}: {len(steps)}", title_justify="left",
                      title_style="bold", show_edge=False, pad_edge=False)
        table.add_column("#", justify="right", no_wrap=True, width=4)
        table.add_column("from → to", no_wrap=True, width=20)
        table.add_column("reason", no_wrap=True, overflow="ellipsis", ratio=1, min_width=30)
        table.add_column("block text", no_wrap=True, overflow="ellipsis", ratio=1)
        for step in steps:
            move = _label(step.old.value) + Text(" → ") + _label(step.new.value)
            table.add_row(str(step.index), move, step.reason, step.text)
        console.print(table)
    finals = Counter(b.label.value for b in article.blocks)
    line = Text("final labels: ")
    for i, (k, v) in enumerate(finals.most_common()):
        line += (Text(", ") if i else Text("")) + _label(k) + Text(f" {v}")
    console.print(line)

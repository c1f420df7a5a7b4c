"""``--explain``: the trace as a rich table on stderr, grouped by pass, with counts."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from .article import Article

LABEL_STYLES = {
    "content": "green", "chrome": "red", "title": "bold cyan", "standfirst": "cyan", "byline": "blue",
    "caption": "magenta", "credit": "magenta", "teaser": "yellow", "teaser-title": "yellow",
    "section": "yellow", "comment": "red",
}
_TEXT_WIDTH = 70


def print_explain(article: Article, console: Console) -> None:
    table = Table(title="cleanarticle: what each pass changed", show_lines=False, expand=False)
    table.add_column("pass", style="bold")
    table.add_column("#", justify="right")
    table.add_column("block text", overflow="fold")
    table.add_column("from → to")
    table.add_column("reason")
    counts = Counter(step.pass_name for step in article.trace)
    last = None
    for step in article.trace:
        name = f"{step.pass_name} ({counts[step.pass_name]})" if step.pass_name != last else ""
        last = step.pass_name
        text = step.text if len(step.text) <= _TEXT_WIDTH else step.text[: _TEXT_WIDTH - 1] + "…"
        old, new = step.old.value, step.new.value
        table.add_row(name, str(step.index), text,
                      f"[{LABEL_STYLES.get(old, '')}]{old}[/] → [{LABEL_STYLES.get(new, '')}]{new}[/]", step.reason)
    console.print(table)
    finals = Counter(b.label.value for b in article.blocks)
    console.print("final labels: " + ", ".join(f"[{LABEL_STYLES.get(k, '')}]{k}[/] {v}" for k, v in finals.most_common()))

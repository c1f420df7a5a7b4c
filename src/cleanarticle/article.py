"""The result types: Article and Teaser, and their renderings (text, JSON, Markdown).

``Article.to_dict()`` is the stable JSON shape; ``JSON_FIELDS`` lists its keys in
order and the README documents each one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import Block, Label, Trace

JSON_FIELDS = ("title", "standfirst", "authors", "date", "site_name", "url", "language", "body",
               "paragraphs", "truncated", "teasers")
TEASER_FIELDS = ("title", "summary", "authors", "section", "url")


@dataclass(frozen=True)
class Teaser:
    """A teaser for another article, found after (or beside) the body."""

    title: str | None = None
    summary: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "summary": self.summary, "authors": list(self.authors),
                "section": self.section, "url": self.url}


@dataclass(frozen=True)
class Article:
    """What cleanarticle found in a page.  Immutable; render with ``to_*``."""

    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    body: str = ""
    paragraphs: list[str] = field(default_factory=list)
    truncated: bool = False
    teasers: list[Teaser] = field(default_factory=list)
    trace: Trace = field(default_factory=Trace, repr=False)
    blocks: tuple[Block, ...] = field(default=(), repr=False)
    kind: str = "text"

    @property
    def found(self) -> bool:
        """True when an article body was found."""
        return bool(self.body)

    def removed(self) -> list[dict[str, Any]]:
        """Every block left out of the body, with its final label and the reason."""
        return [{"index": b.index, "text": b.text, "label": b.label.value, "reason": b.reason}
                for b in self.blocks if b.label is not Label.CONTENT]

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "title": self.title, "standfirst": self.standfirst, "authors": list(self.authors), "date": self.date,
            "site_name": self.site_name, "url": self.url, "language": self.language, "body": self.body,
            "paragraphs": list(self.paragraphs), "truncated": self.truncated,
            "teasers": [t.to_dict() for t in self.teasers],
        }
        if explain:
            d["removed"] = self.removed()
            d["trace"] = [s.to_dict() for s in self.trace]
        return d

    def to_json(self, explain: bool = False, indent: int | None = 2) -> str:
        import json  # imported here: cleaning a page never needs it

        return json.dumps(self.to_dict(explain), ensure_ascii=False, indent=indent)

    def to_text(self) -> str:
        """Title, standfirst, then the body, separated by blank lines."""
        parts = [p for p in (self.title, self.standfirst) if p]
        if self.body:
            parts.append(self.body)
        return "\n\n".join(parts) + "\n" if parts else ""

    def to_markdown(self) -> str:
        out = []
        if self.title:
            out.append(f"# {_md_escape_line(self.title)}")
        meta = ", ".join(filter(None, [", ".join(self.authors) or None, self.date]))
        if meta:
            out.append(f"*{_md_escape_line(meta)}*")
        if self.standfirst:
            out.append(f"**{_md_escape_line(self.standfirst)}**")
        for b in self.blocks:
            if b.label is not Label.CONTENT:
                continue
            if b.heading:
                out.append("#" * min(6, b.heading + 1) + " " + _md_escape_line(b.text))
            elif b.tag == "li":
                out.append("- " + _md_escape_line(b.text))
            elif b.tag == "blockquote" or "blockquote" in b.landmarks:
                out.append("> " + _md_escape_line(b.text))
            else:
                out.append(_md_escape_line(b.text))
        if not self.blocks:  # built by hand, not by clean(): fall back to the paragraphs
            out.extend(_md_escape_line(p) for p in self.paragraphs)
        if self.teasers:
            out.append("---")
            for t in self.teasers:
                head = t.title or t.summary or ""
                link = f"[{_md_escape_line(head)}]({t.url})" if t.url else _md_escape_line(head)
                line = f"- {link}"
                if t.title and t.summary:
                    line += f": {_md_escape_line(t.summary)}"
                out.append(line)
        return "\n\n".join(out) + "\n" if out else ""


def _md_escape_line(text: str) -> str:
    """Escape what Markdown would read as markup at the start of a line or inline."""
    text = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
    text = text.replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")
    if text[:1] in "#>-+|=" or text[:1].isdigit() and ". " in text[:5]:
        text = "\\" + text
    return text

"""The Document: an ordered tuple of labelled Blocks.

Segmenters (``cleanarticle.segment``) build a Document from HTML or text; passes
(``cleanarticle.passes``) return it with some blocks relabelled; nothing is ever
deleted, so every decision can be shown afterwards (``Article.trace``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, NamedTuple

from . import patterns


class Label(str, Enum):
    """What a block is.  ``CONTENT`` is the starting label of every block."""

    CONTENT = "content"
    CHROME = "chrome"          # site furniture: menus, prompts, footers, ads
    TITLE = "title"
    STANDFIRST = "standfirst"  # the summary sentence under the title
    BYLINE = "byline"          # "By Jane Doe", datelines
    CAPTION = "caption"        # image captions and alt text
    CREDIT = "credit"          # "Photo: ...", "License: Author:"
    TEASER = "teaser"          # the summary of a teaser for another article
    TEASER_TITLE = "teaser-title"
    SECTION = "section"        # a teaser's section label ("Science & Technology")
    COMMENT = "comment"        # reader comments

    def __str__(self) -> str:  # pragma: no cover - convenience for f-strings
        return self.value


TEASER_LABELS = frozenset({Label.TEASER, Label.TEASER_TITLE, Label.SECTION})


@dataclass(frozen=True, slots=True)
class Element:
    """An HTML element that contains blocks (for container scoring)."""

    tag: str
    hints: str      # class and id, lowercased ("" when none)
    parent: int     # index into Document.elements, -1 for the root
    depth: int
    landmark: str = ""  # nav/header/footer/aside/article/main/figure/... from tag or ARIA role


class Block(NamedTuple):
    """One visible paragraph-like unit of the page.

    Immutable.  A NamedTuple rather than a frozen dataclass because pages have
    thousands of blocks and a frozen dataclass is several times slower to build;
    use ``block._replace(...)`` for a changed copy.
    """

    index: int
    text: str
    words: int                       # letter-words in text (CJK: characters / 2)
    stopwords: int                   # function words among them (any known language)
    ends_sentence: bool = False      # ends with . ! ? … : ; (before closing quotes/brackets)
    ellipsis: bool = False           # ends with an ellipsis: "...", "…", "[…]" (a teaser cue)
    tag: str = "line"                # HTML tag of the block, or "line" for text dumps
    heading: int = 0                 # 1-6 for headings
    gap_before: int = 1              # blank lines before it in a text dump
    landmarks: frozenset[str] = frozenset()  # nav/header/footer/aside/figure/... ancestry
    path: tuple[int, ...] = ()       # indices of enclosing Elements, outermost first
    link_share: float = 0.0          # share of the text that is link text
    href: str | None = None          # the block's link when it is mostly one link
    label: Label = Label.CONTENT
    reason: str = "initial"
    group: int = -1                  # teaser number for teaser labels

    @property
    def stopword_share(self) -> float:
        return self.stopwords / self.words if self.words else 0.0


assert Block._fields[-3:] == ("label", "reason", "group"), "Document.relabel relies on this order"


def make_block(index: int, text: str, **features: Any) -> Block:
    """Build a block and its text statistics."""
    words, stops = patterns.word_stats(text)
    ends, ellipsis = patterns.sentence_end(text)
    return Block(index=index, text=text, words=words, stopwords=stops, ends_sentence=ends, ellipsis=ellipsis,
                 **features)


# A relabelling: block index -> (label, reason) or (label, reason, group).
Change = tuple[Label, str] | tuple[Label, str, int]


@dataclass(frozen=True, slots=True)
class Document:
    blocks: tuple[Block, ...]
    kind: str                                   # "html" or "text"
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)   # page metadata candidates
    elements: tuple[Element, ...] = ()
    stopword_language: bool = True              # the text has function words we know

    def relabel(self, changes: Mapping[int, Change]) -> Document:
        """Return a copy with the given blocks relabelled (others untouched)."""
        if not changes:
            return self
        blocks = list(self.blocks)
        for i, change in changes.items():
            b = blocks[i]
            group = change[2] if len(change) > 2 else b.group  # type: ignore[misc]
            # label, reason and group are the last three fields (asserted below): a slice and two
            # values build the new block several times faster than _replace.
            label = change[0] if change[0].__class__ is Label else Label(change[0])
            blocks[i] = Block(*b[:-3], label, change[1], group)
        return replace(self, blocks=tuple(blocks))

    def with_meta(self, **values: Any) -> Document:
        return replace(self, meta={**self.meta, **values})

    def labelled(self, *labels: Label) -> Iterable[Block]:
        return (b for b in self.blocks if b.label in labels)

    def content_span(self) -> tuple[int, int] | None:
        """First and last index of CONTENT blocks, or None when there are none."""
        idx = [b.index for b in self.blocks if b.label is Label.CONTENT]
        return (idx[0], idx[-1]) if idx else None


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One relabelling: which pass changed which block, from what to what, and why."""

    pass_name: str
    index: int
    text: str
    old: Label
    new: Label
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"pass": self.pass_name, "index": self.index, "text": self.text,
                "from": self.old.value, "to": self.new.value, "reason": self.reason}

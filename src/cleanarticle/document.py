"""The Document: an ordered tuple of labelled Blocks.

Segmenters (``cleanarticle.segment``) build a Document from HTML or text; passes
(``cleanarticle.passes``) return it with some blocks relabelled; nothing is ever
deleted, so every decision can be shown afterwards (``Article.trace``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from itertools import accumulate
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


class Element(NamedTuple):
    """An HTML element that contains blocks (for container scoring).

    Immutable; a NamedTuple like Block, because a page has hundreds of them and a frozen
    dataclass is several times slower to build.
    """

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
assert Block._fields[:6] == ("index", "text", "words", "stopwords", "ends_sentence", "ellipsis"), \
    "make_block relies on this order"


def make_block(index: int, text: str, **features: Any) -> Block:
    """Build a block and its text statistics."""
    words, stops = patterns.word_stats(text)
    ends, ellipsis = patterns.sentence_end(text)
    # The first six fields by position (asserted above): a NamedTuple binds keywords at twice
    # the cost, and pages have thousands of blocks.
    return Block(index, text, words, stops, ends, ellipsis, **features)


class TextIndex:
    """The blocks' texts, lower-cased and joined by newlines, to find the few blocks holding a keyword.

    Passes gate their costly patterns on keywords ("photo", "comment", "writer").  Testing
    every block in Python costs a call per block; one ``str.find`` per keyword over the
    whole page runs in C and touches only the blocks that hold one.  Block texts never
    contain a newline (segmenters collapse white space), and lower-casing never adds or
    removes one, so the n-th line of ``low`` is block n.
    """

    __slots__ = ("low", "starts", "_found")

    def __init__(self, texts: Sequence[str]):
        self.low = "\n".join(texts).lower()
        self.starts = list(accumulate((len(line) + 1 for line in self.low.split("\n")), initial=0))
        self._found: dict[tuple[str, ...], frozenset[int]] = {}

    def containing(self, keywords: tuple[str, ...]) -> frozenset[int]:
        """Indices of the blocks whose lower-cased text contains any of ``keywords`` (lower case)."""
        found = self._found.get(keywords)
        if found is None:
            hits: set[int] = set()
            low, starts = self.low, self.starts
            for kw in keywords:
                pos = low.find(kw)
                while pos >= 0:
                    line = bisect_right(starts, pos) - 1
                    hits.add(line)
                    pos = low.find(kw, starts[line + 1])
            found = self._found[keywords] = frozenset(hits)
        return found


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
    # Every block index relabelled so far, in order (each relabel appends its changes), so the
    # pass runner can trace a pass's changes without comparing every block.
    changed: tuple[int, ...] = field(default=(), compare=False, repr=False)
    # Built on first use and shared by every relabelled copy (the texts never change).
    text_index: TextIndex | None = field(default=None, compare=False, repr=False)

    def blocks_containing(self, keywords: tuple[str, ...]) -> frozenset[int]:
        """Indices of the blocks whose text contains any of ``keywords`` (lower case), found in one scan per keyword."""
        index = self.text_index
        if index is None:
            index = TextIndex([b.text for b in self.blocks])
            object.__setattr__(self, "text_index", index)  # a cache: frozen for users, filled once here
        return index.containing(keywords)

    def relabel(self, changes: Mapping[int, Change]) -> Document:
        """Return a copy with the given blocks relabelled (others untouched)."""
        if not changes:
            return self
        blocks = list(self.blocks)
        new = tuple.__new__
        for i, change in changes.items():
            b = blocks[i]
            group = change[2] if len(change) > 2 else b.group  # type: ignore[misc]
            # label, reason and group are the last three fields (asserted above): a slice and three
            # values, built as the tuple it is, make the new block several times faster than _replace.
            label = change[0] if change[0].__class__ is Label else Label(change[0])
            blocks[i] = new(Block, (*b[:-3], label, change[1], group))
        return replace(self, blocks=tuple(blocks), changed=self.changed + tuple(changes))

    def with_meta(self, **values: Any) -> Document:
        return replace(self, meta={**self.meta, **values})

    def labelled(self, *labels: Label) -> Iterable[Block]:
        return (b for b in self.blocks if b.label in labels)

    def content_span(self) -> tuple[int, int] | None:
        """First and last index of CONTENT blocks, or None when there are none."""
        idx = [b.index for b in self.blocks if b.label is Label.CONTENT]
        return (idx[0], idx[-1]) if idx else None


class TraceStep(NamedTuple):
    """One relabelling: which pass changed which block, from what to what, and why.

    A NamedTuple (immutable, cheap to build: a page records a hundred or more of them).
    """

    pass_name: str
    index: int
    text: str
    old: Label
    new: Label
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"pass": self.pass_name, "index": self.index, "text": self.text,
                "from": self.old.value, "to": self.new.value, "reason": self.reason}

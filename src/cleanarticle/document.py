"""The Document: an ordered tuple of labelled Blocks.

Segmenters (``cleanarticle.segment``) build a Document from HTML or text; passes
(``cleanarticle.passes``) return it with some blocks relabelled; nothing is ever
deleted, so every decision can be shown afterwards (``Article.trace``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from enum import Enum
from itertools import accumulate, compress, count, islice, repeat, starmap
from operator import add, attrgetter, ge, getitem, is_not, itemgetter, setitem
from typing import TYPE_CHECKING, Any, NamedTuple

from . import patterns

if TYPE_CHECKING:
    from .config import Config


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
    parent: int     # index into Document.elements (always before this element's), -1 for the root
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
    # Indices of the enclosing Elements, outermost first: the innermost one's chain of parents.
    # Blocks are in document order, so the blocks under an element follow each other.
    path: tuple[int, ...] = ()
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


def defaults_after(name: str) -> tuple[Any, ...]:
    """The defaults of the block fields after field ``name``: what a segmenter that builds blocks
    as tuples (positionally, the hot path) appends once it has given the fields up to ``name``."""
    return tuple(Block._field_defaults[f] for f in Block._fields[Block._fields.index(name) + 1:])


def make_block(index: int, text: str, **features: Any) -> Block:
    """Build a block and its text statistics."""
    words, stops = patterns.word_stats(text)
    ends, ellipsis = patterns.sentence_end(text)
    # The first six fields by position (asserted above): a NamedTuple binds keywords at twice
    # the cost, and pages have thousands of blocks.
    return Block(index, text, words, stops, ends, ellipsis, **features)


class BlockColumns(NamedTuple):
    """The fields of a Document's blocks that relabelling never changes, as columns (``Document.block_columns``)."""

    index: Sequence[int]
    text: Sequence[str]
    words: Sequence[int]
    stopwords: Sequence[int]
    ends_sentence: Sequence[bool]
    ellipsis: Sequence[bool]
    tag: Sequence[str]
    heading: Sequence[int]
    gap_before: Sequence[int]
    landmarks: Sequence[frozenset[str]]
    path: Sequence[tuple[int, ...]]
    link_share: Sequence[float]
    href: Sequence[str | None]

    @classmethod
    def first_of(cls, columns: Iterable[Sequence[Any]]) -> BlockColumns:
        """The columns of these fields, the first of ``columns`` (all of a block's fields: the rest are dropped)."""
        return tuple.__new__(cls, islice(columns, _COLUMNS))


_COLUMNS = len(BlockColumns._fields)
assert BlockColumns._fields == Block._fields[:_COLUMNS] and Block._fields[_COLUMNS:] == ("label", "reason", "group"), \
    "BlockColumns are a Block's fields before its label"


def unlabelled_blocks(columns: BlockColumns) -> tuple[Block, ...]:
    """A new page's blocks, a row of ``columns`` each, every one content with no reason nor group (a segmenter's).

    Built in C: starmap calls tuple.__new__ with each (Block, row) pair as its argument tuple (map would
    build one a call, a partial add a call), not Block's Python-level __new__ with a row's fields.
    """
    return tuple(starmap(_NEW, zip(repeat(Block), zip(*columns, *map(repeat, _UNLABELLED)))))


_UNLABELLED = tuple(Block._field_defaults[f] for f in Block._fields[_COLUMNS:])  # (label, reason, group)
assert _UNLABELLED[0] is Label.CONTENT, "Document.unlabelled sets every label code to CONTENT's"


class TextIndex:
    """Block texts, lower-cased and joined, to find the few blocks holding a keyword.

    Passes gate their costly patterns on keywords ("photo", "comment", "writer").  Testing
    every block in Python costs a call per block; one ``str.find`` per keyword over the
    whole page runs in C and touches only the blocks that hold one.  ``low`` is the texts
    lower-cased and joined, ``starts`` where each begins: a hit between ``starts[n]`` and
    ``starts[n + 1]`` is in the n-th block indexed (one running on into the next is none).

    ``max_words`` indexes only the blocks that short: a pass whose pattern applies only to
    short lines (a comments heading, a credit line) searches a half or a quarter of the
    page's text (each keyword costs a scan of the text indexed).
    """

    __slots__ = ("low", "starts", "indices", "_found")

    def __init__(self, blocks: Sequence[Block], max_words: int | None = None, lowered: Sequence[str] | None = None,
                 columns: BlockColumns | None = None):
        if columns is not None:
            # (``blocks`` are a Document's, whose ``columns`` these are: the blocks short enough are chosen by
            # their words column in C, not by a field read a block, ~250 instructions; operator.ge, not
            # max_words.__ge__, whose wrapper builds an argument tuple a call.)
            indices = columns.index if max_words is None else compress(columns.index, map(ge, repeat(max_words), columns.words))
            self.indices = list(indices)
            texts = list(map(columns.text.__getitem__, self.indices)) if lowered is None else None
        else:
            chosen = blocks if max_words is None else [b for b in blocks if b.words <= max_words]
            self.indices = [b.index for b in chosen]
            texts = [b.text for b in chosen]
        # Lower-cased line by line: an ASCII line takes ``lower``'s fast path, which the joined page loses
        # when one line is not ASCII (most pages), at ~60 instructions a character (and a final sigma is
        # each line's own).
        # (``lowered``: every block's text lower-cased, when the segmenter has it already.)
        lows = (list(map(lowered.__getitem__, self.indices)) if lowered is not None
                else list(map(str.lower, texts)))
        # The lines joined without a separator, and where each starts: the running sum of their lengths (in C;
        # a newline between them cost a second map a line, ~300 instructions: ``containing`` checks instead
        # that a hit ends within its line).
        self.low = "".join(lows)
        self.starts = list(accumulate(map(len, lows), initial=0))
        self._found: dict[tuple[str, ...], frozenset[int]] = {}

    def containing(self, keywords: tuple[str, ...]) -> frozenset[int]:
        """Indices of the blocks whose lower-cased text contains any of ``keywords`` (lower case)."""
        found = self._found.get(keywords)
        if found is None:
            hits: set[int] = set()
            low, starts, indices = self.low, self.starts, self.indices
            # (Keywords sharing a part are found by one scan for it, each line holding it then tested for them.)
            for part, holders, rare in _SCANS.get(keywords) or _scans(keywords):
                if rare and rare not in low:
                    continue  # (a character of the part the page lacks: found by memchr, not a scan for the part)
                pos, size = low.find(part), len(part)
                while pos >= 0:
                    line = bisect_right(starts, pos) - 1
                    end = starts[line + 1]
                    if pos + size <= end:  # (within its line, not running on into the next)
                        if not holders or any(map(low[starts[line]:end].__contains__, holders)):
                            hits.add(indices[line])
                        pos = low.find(part, end)
                    else:
                        pos = low.find(part, pos + 1)
            found = self._found[keywords] = frozenset(hits)
        return found


# The scans that find a tuple of keywords, by tuple (made on first use): each a part to find and the
# keywords holding it that a line holding it is then tested for (none: the part is a keyword of the tuple).
_SCANS: dict[tuple[str, ...], tuple[tuple[str, tuple[str, ...], str], ...]] = {}
_ASKED: set[tuple[str, ...]] = set()  # the tuples asked once, not yet in _SCANS
# The length of a part keywords share that is scanned for instead of them: a shorter part ("ment")
# is in many lines, each then tested for its keywords; a longer one is shared by fewer keywords.
_SHARED_PART = 5


def _scans(keywords: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """``_shared_scans`` of ``keywords`` from their second ask on (kept in ``_SCANS``); on the first, a scan a keyword
    (and none of them gated on a rare character).

    A page's own tuple (a title's words) is asked once, and finding its shared parts would cost
    more than it saves; the patterns' tuples are asked again on the next page.
    """
    if keywords not in _ASKED:
        if len(_ASKED) >= 256:  # (bounded: a title's words are new on each page)
            _ASKED.clear()
        _ASKED.add(keywords)
        return tuple((kw, (), "") for kw in dict.fromkeys(keywords))
    _ASKED.discard(keywords)
    scans = _shared_scans(keywords)
    if len(_SCANS) < 64:  # (the patterns' tuples, a few, and a page's own asked again: bounded)
        _SCANS[keywords] = scans
    return scans


def _shared_scans(keywords: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """The scans that find the lines holding any of ``keywords``: fewer than one a keyword when some share a part.

    Each scan of a page's text costs ~2 instructions a character whatever it looks for:
    "comment" and "komment" are found by one scan for "omment", "journalist", "giornalist"
    and "jornalist" by one for "alist".  Greedy, one pass: the parts of ``_SHARED_PART``
    characters shared by the most keywords first, each taking the keywords no part before it
    took (two or more), then widened to all those keywords share.
    """
    unique = tuple(dict.fromkeys(keywords))
    held_by: dict[str, list[str]] = {}
    if sum(len(kw) >= _SHARED_PART for kw in unique) > 1:  # (else no part to share)
        for kw in unique:
            for at in range(len(kw) - _SHARED_PART + 1):
                held_by.setdefault(kw[at:at + _SHARED_PART], []).append(kw)
    scans, taken = [], set()
    for _, part in sorted([(len(held), part) for part, held in held_by.items() if len(held) > 1], reverse=True):
        holders = tuple(kw for kw in dict.fromkeys(held_by[part]) if kw not in taken)
        if len(holders) > 1:
            part = _widened(part, holders)
            scans.append((part, holders, _rare(part)))
            taken.update(holders)
    scans.extend((kw, (), _rare(kw)) for kw in unique if kw not in taken)
    return tuple(scans)


def _rare(part: str) -> str:
    """A character of ``part`` to look for before it, or "": the first not ASCII ("é" of "crédit") that
    ``str.find`` looks for with memchr (one whose code's low byte is not 0), on most pages not there."""
    if len(part) == 1:
        return ""  # (the part is the character)
    return next((c for c in part if not c.isascii() and ord(c) & 0xFF), "")


def _widened(part: str, holders: tuple[str, ...]) -> str:
    """``part`` with the characters before and after it that all ``holders`` share ("ommen" -> "omment"):
    a longer part is scanned for faster (``str.find`` skips by its length) and is in fewer lines."""
    first, at = holders[0], [kw.index(part) for kw in holders]
    lo, hi = 0, len(part)  # (the widened part's ends, from where ``part`` is in each holder)
    while min(at) + lo > 0 and len({kw[i + lo - 1] for kw, i in zip(holders, at)}) == 1:
        lo -= 1
    while all(i + hi < len(kw) for kw, i in zip(holders, at)) and len({kw[i + hi] for kw, i in zip(holders, at)}) == 1:
        hi += 1
    return first[at[0] + lo:at[0] + hi]


# A relabelling: block index -> (label, reason) or (label, reason, group).
Change = tuple[Label, str] | tuple[Label, str, int]


@dataclass(frozen=True, slots=True)
class Document:
    """A page as an ordered tuple of labelled blocks, with its metadata candidates and DOM elements."""

    blocks: tuple[Block, ...]
    kind: str                                   # "html" or "text"
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)   # page metadata candidates
    elements: tuple[Element, ...] = ()
    stopword_language: bool = True              # the text has function words we know
    # Every block index relabelled so far, in order (each relabel appends its changes), so the
    # pass runner can trace a pass's changes without comparing every block.
    changed: tuple[int, ...] = field(default=(), compare=False, repr=False)
    # Built on first use, by word limit, and shared by every relabelled copy (texts and word counts never change).
    text_indexes: dict[int | None, TextIndex] | None = field(default=None, compare=False, repr=False)
    # Every block's text lower-cased, by block index, when the segmenter made it (text dumps: the
    # function-word count lowers every line), for the keyword indexes; None otherwise.
    lowered: Sequence[str] | None = field(default=None, compare=False, repr=False)
    # What passes compute once from the blocks' texts and counts and share, by name (the DOM passes'
    # prose, ``passes.dom``): filled on first use and, like text_indexes, shared by every relabelled copy.
    facts: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # The blocks' fields that relabelling never changes, one sequence a field (``block_columns``): set by the
    # text segmenter, built on first use for HTML, and shared by every relabelled copy.
    columns: BlockColumns | None = field(default=None, compare=False, repr=False)
    # The blocks of each label, built by ``index_labels``.  Not an __init__ argument, so
    # every new Document (a relabelled copy) starts without one.
    label_index: dict[Label, list[Block]] | None = field(default=None, init=False, compare=False, repr=False)
    # Every block's label as one byte (``label_codes``), by index: built on first use, or by ``relabel``
    # from the codes of the Document it relabels, so that the body's ends and the title are found in C.
    codes: bytearray | None = field(default=None, init=False, compare=False, repr=False)

    def blocks_containing(self, keywords: tuple[str, ...], max_words: int | None = None) -> frozenset[int]:
        """Indices of the blocks (of at most ``max_words`` words) whose text contains any of ``keywords`` (lower case).

        Found in one scan per keyword of the texts of those blocks (``TextIndex``), or of an
        index already built for longer blocks: its hits that are short enough.
        """
        indexes = self.text_indexes
        if indexes is None:
            indexes = {}
            object.__setattr__(self, "text_indexes", indexes)  # a cache: frozen for users, filled here
        index = indexes.get(max_words)
        if index is None:
            if max_words is not None:
                wider = [limit for limit in indexes if limit is None or limit > max_words]
                if wider:
                    nearest = min(wider, key=lambda limit: float("inf") if limit is None else limit)
                    hits = indexes[nearest].containing(keywords)
                    words = self.block_columns().words
                    return frozenset([i for i in hits if words[i] <= max_words])
            index = indexes[max_words] = TextIndex(self.blocks, max_words, self.lowered, self.block_columns())
        return index.containing(keywords)

    def block_columns(self) -> BlockColumns:
        """The blocks' fields before ``label`` as columns, one sequence a field, each block's value at its index.

        A hot loop reads them from the columns zipped (with ``label_codes`` for the labels), not from each
        block: a field of a Block read by name costs ~250 instructions and a Block unpacked ~500 (it is not
        an exact tuple, so CPython unpacks it as an iterable); a row of exact tuples unpacks in one step.
        """
        columns = self.columns
        if columns is None:
            # (Transposed in C; the columns of label, reason and group, which relabelling changes, dropped.)
            columns = BlockColumns.first_of(zip(*self.blocks) if self.blocks else ((),) * _COLUMNS)
            object.__setattr__(self, "columns", columns)  # a cache: frozen for users, filled here
        return columns

    @classmethod
    def unlabelled(cls, blocks: tuple[Block, ...], kind: str, **fields: Any) -> Document:
        """A segmenter's Document, every block content (``unlabelled_blocks``): its label codes set, all
        CONTENT's, not read from each block on first use (~200 instructions a block)."""
        doc = cls(blocks, kind, **fields)
        object.__setattr__(doc, "codes", bytearray([_CONTENT_CODE]) * len(blocks))  # (label_codes' cache: frozen for users)
        return doc

    def relabel(self, changes: Mapping[int, Change]) -> Document:
        """Return a copy with the given blocks relabelled (others untouched)."""
        if not changes:
            return self
        blocks = list(self.blocks)
        codes = self.codes
        if codes is not None:
            codes = codes.copy()  # (the new labels' codes are set in it below: cheaper than reading them back)
        # label, reason and group are the last three fields (asserted above): a block's first fields and
        # three values, built as the tuple it is, make the new block several times faster than _replace.
        changed = list(changes)
        first = next(iter(changes.values()))
        if len(changed) > 1 and list(changes.values()).count(first) == len(changed):
            # One change for every block (the main run's outside, a landmark's blocks: most relabelled
            # blocks), made column by column in C: ~6K -> ~1K instructions a block in a Python loop.
            label = first[0] if first[0].__class__ is Label else Label(first[0])
            old = itemgetter(*changed)(blocks)  # (the blocks in one call, not a method-wrapper's call a block)
            groups = repeat(first[2]) if len(first) > 2 else map(getitem, old, repeat(-1))  # type: ignore[misc]
            tails = zip(repeat(label), repeat(first[1]), groups)
            _consume(map(setitem, repeat(blocks), changed,
                          starmap(_NEW, zip(repeat(Block), map(add, map(getitem, old, repeat(_HEAD)), tails)))))
            if codes is not None:
                _consume(map(setitem, repeat(codes), changed, repeat(_CODE_OF[id(label)])))
        else:
            new = tuple.__new__
            for i, change in changes.items():
                b = blocks[i]
                group = change[2] if len(change) > 2 else b[-1]  # type: ignore[misc]
                label = change[0] if change[0].__class__ is Label else Label(change[0])
                blocks[i] = new(Block, b[:-3] + (label, change[1], group))
                if codes is not None:
                    codes[i] = _CODE_OF[id(label)]
        return self._copy(tuple(blocks), self.meta, self.changed + tuple(changed), codes)

    def _copy(self, blocks: tuple[Block, ...], meta: Mapping[str, Any], changed: tuple[int, ...],
              codes: bytearray | None) -> Document:
        """A Document with these blocks, meta, changes and label codes, and this one's other fields and caches.

        (The constructor, every __init__ field passed (see the assert below the class), not dataclasses.replace:
        ``relabel`` makes a dozen copies a page, and replace costs three times as much.)
        """
        doc = Document(blocks, self.kind, self.url, meta, self.elements, self.stopword_language, changed,
                       self.text_indexes, self.lowered, self.facts, self.columns)
        if codes is not None:
            object.__setattr__(doc, "codes", codes)
        return doc

    def label_codes(self) -> bytearray:
        """Every block's label as its byte (``LABEL_CODES``), by index; do not change it: it is the Document's own.

        Built once a Document (a page's first), and carried over by ``relabel`` with its changes:
        ``content_span`` and ``title_index`` find a label with ``find`` (memchr) instead of reading
        each block's label in Python (~300 instructions a block), and the header passes and
        assembly ask both of almost every Document.
        """
        codes = self.codes
        if codes is None:
            # Zeros (CONTENT's code), and the codes of the blocks not content, few before the body is
            # chosen, by the label's identity (a Label hashes in Python, by its name).
            labels = list(map(_LABEL, self.blocks))
            codes = bytearray(len(labels))
            for i in compress(count(), map(is_not, labels, repeat(_CONTENT))):
                codes[i] = _CODE_OF[id(labels[i])]
            object.__setattr__(self, "codes", codes)  # a cache: frozen for users, filled here
        return codes

    def with_meta(self, **values: Any) -> Document:
        """A copy whose ``meta`` also holds ``values``: the same blocks, caches and label codes (shared: the same labels)."""
        return self._copy(self.blocks, {**self.meta, **values}, self.changed, self.codes)

    def labelled(self, *labels: Label) -> Iterable[Block]:
        """The blocks with one of ``labels``, in order (from the label index when one was built)."""
        if len(labels) == 1:
            index = self.label_index
            if index is not None:
                return iter(index.get(labels[0], ()))
        return compress(self.blocks, self.mask(*labels))  # (taken in C: see ``label_codes``)

    def index_labels(self) -> None:
        """Sort the blocks by label once, so that ``labelled`` answers from lists instead of scanning.

        For a Document asked about its labels many times: ``assemble`` asks the final one for
        its title, bylines and standfirst about eight times.  (A pass asking once does better
        with the scan, which stops at the first block found.)
        """
        if self.label_index is None:
            # Each label's blocks taken with its mask of the label codes (in C), for the labels the page has:
            # not a loop of Python reading every block's label (~100K instructions a page).
            codes, blocks = self.label_codes(), self.blocks
            index: dict[Label, list[Block]] = {label: list(compress(blocks, codes.translate(_MASKS[label])))
                                               for label, code in _CODES if code in codes}
            object.__setattr__(self, "label_index", index)  # a cache: frozen for users, filled once here

    def mask(self, *labels: Label) -> bytes:
        """A byte a block, 1 where the block has one of ``labels`` and 0 elsewhere: ``itertools.compress`` takes
        those blocks (or indices) with it in C, not in a comprehension reading every block's label."""
        if len(labels) == 1:  # (most asks: a label's own table, looked up by the label alone)
            return self.label_codes().translate(_MASKS[labels[0]])
        table = _SET_MASKS.get(labels)
        if table is None:  # (a set of labels asked for the first time: its table made once)
            codes = {LABEL_CODES[label] for label in labels}
            table = _SET_MASKS[labels] = bytes(int(c in codes) for c in range(256))
        return self.label_codes().translate(table)

    def title_index(self) -> int | None:
        """The index of the block labelled the title, or None."""
        i = self.label_codes().find(_TITLE_CODE)
        return i if i >= 0 else None

    def content_span(self) -> tuple[int, int] | None:
        """First and last index of CONTENT blocks, or None when there are none (a search from each end, in C)."""
        codes = self.label_codes()
        first = codes.find(_CONTENT_CODE)
        return (first, codes.rfind(_CONTENT_CODE)) if first >= 0 else None


def stopword_language(words: list[int], stops: list[int], cfg: Config) -> bool:
    """``Document.stopword_language`` of a page whose blocks have these ``words`` and function words (``stops``).

    Judged by the long blocks (those of at least ``prose_min_words`` words, the candidate prose),
    or by all when none is long: menus and buttons are often in English on pages whose articles
    are not.  (Summed with ``compress``, in C, from the columns a segmenter has.)
    """
    long = list(map(ge, words, repeat(cfg.prose_min_words)))  # (operator.ge: no argument tuple a block)
    if not any(long):
        long = [True] * len(words)
    total = sum(compress(words, long))
    return bool(total) and sum(compress(stops, long)) / total >= cfg.min_doc_stopword_share


_LABEL = attrgetter("label")
_NEW = tuple.__new__  # (called by starmap with (Block, fields): the pair is its argument tuple, none built a call)
_HEAD = slice(None, -3)  # a block's fields before label, reason and group
_consume = deque(maxlen=0).extend  # runs an iterator to its end in C (relabel's setitem maps)
# Each label's byte in ``Document.label_codes``, by the member's identity.
LABEL_CODES = {label: code for code, label in enumerate(Label)}
_CODE_OF = {id(label): code for label, code in LABEL_CODES.items()}
_CONTENT, _CONTENT_CODE, _TITLE_CODE = Label.CONTENT, LABEL_CODES[Label.CONTENT], LABEL_CODES[Label.TITLE]
assert _CONTENT_CODE == 0, "Document.label_codes starts from zeros"
_CODES = [(label, bytes((code,))) for label, code in LABEL_CODES.items()]  # (each label's code as a byte string)
# For each label, the table that turns codes into 1 for it and 0 for the others (bytes.translate); and for
# each tuple of several labels ``mask`` is asked for, the table for any of them, made on first use.
_MASKS = {label: bytes(int(c == code) for c in range(256)) for label, code in LABEL_CODES.items()}
_SET_MASKS: dict[tuple[Label, ...], bytes] = {}

assert [f.name for f in fields(Document) if f.init] == [
    "blocks", "kind", "url", "meta", "elements", "stopword_language", "changed", "text_indexes", "lowered", "facts",
    "columns"], \
    "Document._copy passes these"


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


_STEP_FIELDS = len(TraceStep._fields)


class Trace(Sequence[TraceStep]):
    """A page's trace: its relabellings in the order made, each read as a ``TraceStep``.

    Kept as one flat list of the steps' fields, a step built when it is read: a page records a
    hundred or more, and objects alive until the page ends are what sets off CPython's garbage
    collector inside a call (~12% of a text dump's time in a benchmark beside other work); a list
    of strings, ints and labels is one object to it.
    """

    __slots__ = ("_fields",)

    def __init__(self, steps: Iterable[TraceStep] = ()):
        self._fields: list[Any] = [value for step in steps for value in step]

    @classmethod
    def of_fields(cls, fields: list[Any]) -> Trace:
        """The trace whose steps' fields, in order, are ``fields`` (the runner's flat list, not copied)."""
        trace = cls.__new__(cls)
        trace._fields = fields
        return trace

    def __len__(self) -> int:
        return len(self._fields) // _STEP_FIELDS

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return list(self)[i]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("trace index out of range")
        return TraceStep._make(self._fields[i * _STEP_FIELDS:(i + 1) * _STEP_FIELDS])

    def __iter__(self):
        return map(TraceStep._make, zip(*[iter(self._fields)] * _STEP_FIELDS))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Trace):
            return self._fields == other._fields
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  (equal to a list, as a list is: not hashable)

    def __repr__(self) -> str:
        return f"Trace({list(self)!r})"

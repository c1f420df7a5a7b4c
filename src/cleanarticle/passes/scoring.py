"""Shared arithmetic of the passes that choose the article: what one block is worth.

A block's *value* is positive when it reads like article prose (words beyond
``block_cost``) and negative when it is furniture (short, link text, marked by an
earlier pass, or a teaser cue).  ``main_container`` sums values over DOM subtrees;
``main_run`` finds the contiguous run with the largest sum (after Finn's BTE).
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import patterns
from ..config import Config
from ..document import Block, Document, Label
from ..patterns import norm_words
from ..reasons import OUTSIDE



def title_line(doc: Document, cfg: Config) -> int | None:
    """A text dump's first line that is not a site prompt: usually the page's <title>."""
    if doc.kind != "text":
        return None
    for b in doc.blocks[: cfg.title_line_window]:
        if b.label is Label.CONTENT or b.reason in OUTSIDE:
            return b.index
    return None


def declared_titles(doc: Document, cfg: Config) -> list[str]:
    """The titles the page declares (normalised): meta/JSON-LD/<title> for HTML, the title line of a text dump."""
    out = []
    for key in ("jsonld_headline", "og_title", "title_tag"):
        value = doc.meta.get(key)
        if value:
            out.append(value)
    line = title_line(doc, cfg)
    if line is not None:
        out.append(doc.blocks[line].text)
    titles = []
    for value in out:
        whole = norm_words(value)
        parts = [norm_words(p) for p in patterns.split_title(value)]
        for t in [whole, *parts]:
            if t and t not in titles:
                titles.append(t)
    return titles


def is_barrier(b: Block, cfg: Config) -> bool:
    """A reader-comments heading: the article does not continue past it.

    (Headings over lists of other articles, "You may also like", were tried as
    barriers too; they also stand inside articles, and cost more than they saved.)
    """
    if b.words > cfg.barrier_max_words or b.link_share >= cfg.link_share_chrome:
        return False  # (a linked "124 Comments" is a share bar's jump link, not the comments' heading)
    return patterns.contains_any(b.text, patterns.COMMENTS_KEYWORDS) and patterns.match(
        patterns.COMMENTS_HEADING, b.text, cfg.regex_timeout) is not None


def title_anchor(doc: Document, cfg: Config, titles: list[str] | None = None) -> int | None:
    """The block that repeats the page's declared title and is followed by the most prose nearby, if any.

    An article follows its headline: when the headline is found again in the page
    (a text dump repeats its <title> line above the article; an HTML page has it as
    a heading), the body is looked for right after it.  (``titles``: ``declared_titles``, when the caller has them.)
    """
    if titles is None:
        titles = declared_titles(doc, cfg)
    if not titles:
        return None
    firsts = {t.split(" ", 1)[0] for t in titles}
    only = next(iter(firsts)) if len(firsts) == 1 else None  # (the usual case: one test, not any(map(...)))
    first_words = tuple(firsts)
    best, best_words = None, 0
    line = title_line(doc, cfg)
    lo, hi, link_chrome = cfg.title_min_words, cfg.title_max_words, cfg.link_share_chrome
    content = Label.CONTENT  # (a local: not an Enum lookup a block)
    blocks: Iterable[Block] = doc.blocks
    # Only a block whose words are a title's holds each word of it case-folded, and so, lower-cased, each ASCII
    # one: the blocks holding a title's longest ASCII word (a rarer one than its first: fewer blocks to test,
    # and a faster scan) are found in the page's keyword index (~20 of ~180 blocks in the word range), not by
    # case-folding each block.  Case-folding differs from lower-casing in ASCII letters only for the
    # characters of _FOLDS_TO_ASCII (lower-cased): a block holding one is tested as before.
    longest = {max(filter(str.isascii, t.split(" ")), key=len, default="") for t in titles}
    if "" not in longest:  # (else a title without an ASCII word: every block is tested)
        # (Only the characters whose case-folding gives one of the words' letters can stand in a word's place:
        # "ﬀ" only for a word with an "f".  A page of two-byte characters is searched for "ﬀ" character by
        # character, ~8 µs, where memchr finds the others.)
        letters = set("".join(longest))
        folds = tuple(c for c, its in _FOLD_LETTERS if not its.isdisjoint(letters))
        asked = doc.blocks_containing(tuple(longest) + folds, hi)
        blocks = [doc.blocks[i] for i in sorted(asked)]
    for b in blocks:
        if not lo <= b.words <= hi or b.index == line or b.link_share >= link_chrome:
            continue
        start = b.text[:40].casefold()
        if start[:1].isalpha():
            # Led by a letter, the block's first word starts it: it must start with the title's.
            if not (start.startswith(only) if only is not None else start.startswith(first_words)):
                continue
        elif not (only in start if only is not None else any(map(start.__contains__, firsts))):
            continue  # cheap: the title's first word is not even in the block's first characters
        head = patterns.WORD.search(start)
        if head is None or head.group(0) not in firsts:
            continue
        n = norm_words(b.text)
        if len(n) < cfg.anchor_min_chars or not any(n == t for t in titles):
            continue
        follow = sum(x.words for x in doc.blocks[b.index + 1: b.index + 1 + cfg.anchor_window]
                     if x.label is content and is_prose(x, doc, cfg))
        if follow > best_words:
            best, best_words = b.index, follow
    return best


# Lower-cased, the characters whose case-folding holds an ASCII letter that their lower-casing does not
# ("ß" -> "ss", "ﬁ" -> "fi", "ſ" -> "s"; tested over every code point).
_FOLDS_TO_ASCII = ("ß", "ŉ", "ſ", "ǰ", "ẖ", "ẗ", "ẘ", "ẙ", "ẚ", "ﬀ", "ﬁ", "ﬂ", "ﬃ", "ﬄ", "ﬅ", "ﬆ")
# Each of them, with the ASCII letters of its case-folding ("ß": "s"; "ﬁ": "f", "i").
_FOLD_LETTERS = tuple((c, frozenset(filter(str.isascii, c.casefold()))) for c in _FOLDS_TO_ASCII)


def is_prose(b: Block, doc: Document, cfg: Config) -> bool:
    """Reads like a paragraph: enough words, sentence shape, and function words where the language has them.

    (``prose_words`` and ``block_values`` make the same tests inline, on a page's blocks: keep them in step.)
    """
    if b.words < cfg.prose_min_words or b.heading:
        return False
    if not b.ends_sentence and b.words < 2 * cfg.prose_min_words:
        return False
    if doc.stopword_language and b.stopword_share < cfg.min_stopword_share:
        return False
    return True


def prose_words(blocks: list[Block], doc: Document, cfg: Config, enough: int | None = None) -> int:
    """The words of the ``blocks`` that ``is_prose``, with its tests inline and each block's fields unpacked in
    one step (as ``block_values`` does): a call and five field reads a block cost more.

    With ``enough``, the count stops at the block that brings it to ``enough`` or more (what it is then): a
    caller asking only whether there are that many reads a body's first paragraphs, not all (~1,500
    instructions a block).
    """
    prose_min = cfg.prose_min_words
    min_share = cfg.min_stopword_share if doc.stopword_language else None
    words = 0
    for _, _, n, stops, ends_sentence, _, _, heading, _, _, _, _, _, _, _, _ in blocks:
        if n < prose_min or heading or not ends_sentence and n < 2 * prose_min:
            continue
        if min_share is not None and (stops / n if n else 0.0) < min_share:
            continue
        words += n
        if enough is not None and words >= enough:
            break
    return words


def block_values(doc: Document, cfg: Config) -> list[float]:
    """What each block is worth to the body: words beyond the block cost for prose, a cost otherwise.

    One loop over the page with the settings in locals (the hot path of choosing the
    body); ``is_prose`` is inlined with the same tests.
    """
    html = doc.kind == "html"
    # HTML's own structure already excludes most furniture (landmarks, classes, containers),
    # so there a block pays less for itself than on a text dump's bare lines.
    block_cost = cfg.html_block_cost if html else cfg.block_cost
    list_cost = cfg.html_list_item_cost if html else cfg.list_item_cost
    chrome_cost, chrome_word_cost, gap_cost = cfg.chrome_cost, cfg.chrome_word_cost, cfg.gap_cost
    link_chrome, teaser_cost = cfg.link_share_chrome, cfg.teaser_cue_cost
    prose_min, teaser_max = cfg.prose_min_words, 4 * cfg.prose_min_words
    min_share = cfg.min_stopword_share if doc.stopword_language else 0.0
    list_tags = _LIST_TAGS
    list_marker = patterns.LIST_MARKER.match
    marker_starts = patterns.LIST_MARKER_STARTS
    cols = doc.block_columns()
    values = []
    # (Each block's label code and fields read from the Document's columns zipped, a row an exact tuple
    # unpacked in one step: a Block's label read by name and the Block unpacked cost ~750 instructions.)
    for code, text, words, stopwords, ends_sentence, ellipsis, tag, heading, gap_before, link_share in zip(
            doc.label_codes(), cols.text, cols.words, cols.stopwords, cols.ends_sentence, cols.ellipsis, cols.tag,
            cols.heading, cols.gap_before, cols.link_share):
        if code:  # (not content: CONTENT's code is 0)
            values.append(-(chrome_cost + chrome_word_cost * words))
            continue
        if link_share >= link_chrome:
            values.append(-(block_cost + words))
            continue
        if ellipsis and words < teaser_max:
            value = -teaser_cost
        elif (words >= prose_min and not heading and (ends_sentence or words >= 2 * prose_min)
              and stopwords / words >= min_share):  # is_prose
            value = (words - block_cost) * (1.0 - link_share)
        elif heading or tag in list_tags or ends_sentence or (
                (lead := text[:1]) in marker_starts or lead.isdigit()) and list_marker(text):
            value = -list_cost
        else:
            value = -block_cost
        if gap_before >= 2:
            value -= gap_cost
        values.append(value)
    return values


def text_run_sums(doc: Document, cfg: Config, barriers: list[bool], lo: int = 0) -> tuple[list[float], list[int]]:
    """``body._run_sums`` of a text dump's ``block_values`` from block ``lo``, in one loop over its columns from
    the end back, each value summed as it is made (main_run reads a text dump's values only to sum them).

    A text dump's blocks have no tag but "line", no heading and no link text (the text segmenter's;
    ``Block``): block_values' tests of those columns are left out, and two loops a block, each
    unpacking them, cost ~7% more of main_run.  (Keep it in step with both; tested against them.)
    """
    block_cost, list_cost = cfg.block_cost, cfg.list_item_cost
    chrome_cost, chrome_word_cost = cfg.chrome_cost, cfg.chrome_word_cost
    gap_cost, teaser_cost = cfg.gap_cost, cfg.teaser_cue_cost
    prose_min, teaser_max = cfg.prose_min_words, 4 * cfg.prose_min_words
    min_share = cfg.min_stopword_share if doc.stopword_language else 0.0
    list_marker = patterns.LIST_MARKER.match
    marker_starts = patterns.LIST_MARKER_STARTS
    cols = doc.block_columns()
    n = len(barriers)
    best_sum, best_end = [0.0] * (n + 1), [-1] * (n + 1)
    tail, tail_end = 0.0, -1
    for i, barrier, code, text, words, stopwords, ends_sentence, ellipsis, gap_before in zip(
            range(n - 1, lo - 1, -1), reversed(barriers), reversed(doc.label_codes()), reversed(cols.text),
            reversed(cols.words), reversed(cols.stopwords), reversed(cols.ends_sentence), reversed(cols.ellipsis),
            reversed(cols.gap_before)):
        if barrier:
            tail, tail_end = float("-inf"), -1
            best_sum[i], best_end[i] = tail, tail_end
            continue
        if code:  # (not content: CONTENT's code is 0)
            value = -(chrome_cost + chrome_word_cost * words)
        else:
            if ellipsis and words < teaser_max:
                value = -teaser_cost
            elif words >= prose_min and (ends_sentence or words >= 2 * prose_min) and stopwords / words >= min_share:
                value = words - block_cost  # is_prose
            elif ends_sentence or ((lead := text[:1]) in marker_starts or lead.isdigit()) and list_marker(text):
                value = -list_cost
            else:
                value = -block_cost
            if gap_before >= 2:
                value -= gap_cost
        if tail > 0:
            tail += value
        else:
            tail, tail_end = value, i
        best_sum[i], best_end[i] = tail, tail_end
    return best_sum, best_end


assert Block._fields == ("index", "text", "words", "stopwords", "ends_sentence", "ellipsis", "tag", "heading",
                        "gap_before", "landmarks", "path", "link_share", "href", "label", "reason", "group"), \
    "block_values unpacks blocks in this order"

_LIST_TAGS = frozenset({"li", "dd", "dt", "td", "th", "tr", "pre"})

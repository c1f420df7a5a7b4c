"""Passes that read only a block's own text: site prompts, credit lines, doubled alt text."""

from __future__ import annotations

from itertools import compress, count

from .. import patterns
from ..config import Config
from ..document import LABEL_CODES, Change, Document, Label
from ..reasons import READING_TIME, SITE_NOTICE, SITE_PROMPT

# Prompts and credits are short; a long block is prose even if it starts like one.
_PROMPT_MAX_WORDS = 12
_NOTICE_MAX_WORDS = 80
# Prompt phrases that, as a heading (<h2>..<h6>) rather than a menu line, head a section of the article
# itself: an article's "FAQ" heading over its questions and answers.
_SECTION_PROMPTS = frozenset({"faq", "faqs"})
# An article states its reading time once (twice with a sticky header); a listing once per card.
_READING_TIMES_MAX = 2
_CREDIT_MAX_WORDS = 30
_CREDIT_PHRASE_MAX_WORDS = 45
assert _CREDIT_MAX_WORDS <= _CREDIT_PHRASE_MAX_WORDS, "mark_credits indexes the blocks of either by the larger"


def mark_prompts(doc: Document, cfg: Config) -> Document:
    """Site prompts ("Connect with us", "Share this", cookie notices, "Read more", "5 min read") become chrome."""
    changes: dict[int, Change] = {}
    lookup, phrases_for, nothing = patterns.PHRASES_BY_LEAD.get, patterns.phrases_for, patterns.NO_PHRASES
    fullmatch, match, timeout = patterns.fullmatch, patterns.match, cfg.regex_timeout
    remembered, prompt_answers, notice_answers = patterns.remembered_matches, patterns.PROMPT_ANSWERS, patterns.NOTICE_ANSWERS
    content = Label.CONTENT
    # (The content blocks' index, text and words taken in C with the label mask from the Document's columns:
    # not a label read a block, ~250 instructions, nor a field read by name.)
    cols = doc.block_columns()
    for i, text, words in compress(zip(count(), cols.text, cols.words), doc.mask(content)):
        if words > _NOTICE_MAX_WORDS:
            continue
        # Both gates go by the first word, so most lines are decided by what their start was found to allow.
        found = lookup(text.partition(" ")[0]) or phrases_for(text)
        if found is nothing:
            continue
        first, prompt_phrases, notice_phrases = found
        if words <= _PROMPT_MAX_WORDS and remembered(fullmatch, prompt_phrases, text, timeout, prompt_answers):
            if not (cols.heading[i] and cols.tag[i][:1] == "h" and first in _SECTION_PROMPTS):
                changes[i] = (Label.CHROME, SITE_PROMPT)
        elif remembered(match, notice_phrases, text, timeout, notice_answers):
            changes[i] = (Label.CHROME, SITE_NOTICE)
    # The article's reading time ("5 min read"): one or two on the page.  More are the cards of a
    # listing, each with its own, and those stay with their cards.
    blocks = doc.blocks
    # (Asked of the index the credits pass and assembly use, of the blocks of up to _CREDIT_PHRASE_MAX_WORDS
    # words, and its hits up to _PROMPT_MAX_WORDS kept: one index a page, not a second for the shorter
    # blocks (~300K instructions to build), which the main run's comments headings then share too.)
    times = [i for i in sorted(doc.blocks_containing(patterns.READING_TIME_KEYWORDS, _CREDIT_PHRASE_MAX_WORDS))
             if i not in changes and blocks[i].words <= _PROMPT_MAX_WORDS and blocks[i].label is content
             and patterns.may_be_reading_time(blocks[i].text) and patterns.match(patterns.READING_TIME, blocks[i].text, timeout)]
    if len(times) <= _READING_TIMES_MAX:
        changes.update((i, (Label.CHROME, READING_TIME)) for i in times)
    return doc.relabel(changes)


def mark_credits(doc: Document, cfg: Config) -> Document:
    """Credit lines ("License: Author:", "Photo: Reuters", "Image courtesy of ...") become credits."""
    changes: dict[int, Change] = {}
    # Both patterns need a keyword (a colon; a credit word): find the few blocks holding one in one scan each,
    # over the blocks short enough for either (the loop below tests each pattern's own limit).
    colon = doc.blocks_containing((":",), _CREDIT_PHRASE_MAX_WORDS)
    keyword = doc.blocks_containing(patterns.CREDIT_KEYWORDS, _CREDIT_PHRASE_MAX_WORDS)
    blocks, content = doc.blocks, Label.CONTENT
    for i in sorted(colon | keyword):
        b = blocks[i]
        if b.label is not content:
            continue
        if (b.words <= _CREDIT_MAX_WORDS and i in colon and patterns.may_be_credit_line(b.text)
                and patterns.match(patterns.CREDIT_LINE, b.text, cfg.regex_timeout)):
            changes[i] = (Label.CREDIT, "credit line")
        elif b.words <= _CREDIT_PHRASE_MAX_WORDS and i in keyword and patterns.has_credit_phrase(b.text, cfg.regex_timeout):
            changes[i] = (Label.CREDIT, "image credit")
    return doc.relabel(changes)


def mark_doubled_alt_text(doc: Document, cfg: Config) -> Document:
    """A line that is one phrase said twice ("KCLSU logo KCLSU logo") is image alt text, a caption."""
    # (Alt text is short; a long block said twice is a paragraph that repeats itself.)
    most = cfg.doubled_max_words
    # (Only a text of odd length with a space at its middle can be doubled: is_doubled's first tests,
    # made inline, spare almost every call.)
    # (The texts read from the Document's column, not a field read by name a block, ~250 instructions; the
    # few blocks passing those tests are then asked their label and words.)
    codes, cols, doubled = doc.label_codes(), doc.block_columns(), (Label.CAPTION, "doubled alt text")
    words, content = cols.words, LABEL_CODES[Label.CONTENT]
    changes: dict[int, Change] = {i: doubled for i, text in enumerate(cols.text)
                                  if len(text) & 1 and text[len(text) >> 1] == " " and codes[i] == content
                                  and words[i] <= most and is_doubled(text)}
    return doc.relabel(changes)


def is_doubled(text: str) -> bool:
    """True when ``text`` is some phrase, a space, and the same phrase again."""
    n = len(text)
    if n < 5 or n % 2 == 0:
        return False
    half = n // 2
    return text[half] == " " and text[:half] == text[half + 1:]

"""The one configuration object.

Every threshold a pass reads lives here with a name and a comment, so that no
pass carries a bare number.  Entry points take ``config=None, **overrides``;
``Config.build`` merges the two and rejects unknown names.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting of cleanarticle, with its default (a docstring spares @dataclass building one from
    the 70-parameter signature at import)."""

    # --- which passes run -------------------------------------------------
    disabled: frozenset[str] = field(default_factory=frozenset)
    """Names of passes to skip (see ``cleanarticle.PASSES``)."""

    # --- limits (robustness) ----------------------------------------------
    max_input_bytes: int = 50_000_000
    """Inputs larger than this are refused with an ``InputError``."""
    max_block_chars: int = 200_000
    """A single block longer than this is cut (a page with one giant line)."""
    max_blocks: int = 500_000
    """A page with more blocks than this is refused (``InputError``): it bounds memory and time
    (about 35 µs and 1 kB per block) where a 50 MB page of tiny paragraphs would need minutes."""
    max_dom_depth: int = 1_000
    """Elements nested deeper than this are read as text of their ancestor.  lxml (libxml2) stops
    parsing at depth 2048 and drops the rest of the page; a page that deep is first flattened
    to this depth (deeper tags dropped, their text kept), so no text is lost."""
    regex_timeout: float = 0.5
    """Seconds any one pattern may run on one block before it counts as no match."""
    time_budget: float | None = 60.0
    """Seconds one document may take from reading to the last pass (None: no limit).  Checked
    after reading, after segmenting and after each pass, and no pattern runs past it; when it
    is spent, ``clean`` raises ``TimeBudgetError`` (CLI exit 1) rather than return a half-cleaned page."""
    article_min_words: int = 15
    """A body with fewer words than this in prose blocks (``scoring.is_prose``: paragraph-sized,
    sentence-shaped) is no article: an error page, a login wall, a bare menu.  Its body is then emptied
    (``article.found`` is False; CLI exit 3).  0 turns the check off."""
    page_min_words: int = 60
    """...unless its body has at least this many words in all (a listing, a forum thread, a product
    page: main content without much prose is still returned, not "no article")."""

    # --- prose: what a paragraph of article text looks like ---------------
    prose_min_words: int = 8
    """A block with fewer words is never scored as prose on its own."""
    wrap_min_words: int = 5
    """Text dumps: a line of at least this many words that stops mid-sentence, followed by a line
    starting in lower case, is a hard-wrapped paragraph and is joined with it."""
    block_cost: float = 8.0
    """Words a block must carry to pay for itself in the main-run search (BTE)."""
    chrome_cost: float = 5.0
    """Cost of a block an earlier pass marked (prompt, credit, caption): less than an unknown short line,
    as it adds nothing to the body; an ad or a photo credit between two paragraphs must not split the article."""
    chrome_word_cost: float = 0.5
    """...plus this much per word of it."""
    gap_cost: float = 20.0
    """Cost of crossing a gap wider than the dump's usual paragraph break."""
    html_block_cost: float = 4.0
    """The same for an HTML block, whose page structure has already ruled out most furniture."""
    list_item_cost: float = 1.0
    """Cost of a short line that looks like a list item or sub-heading."""
    html_list_item_cost: float = 0.0
    """The same in HTML, where list items, headings and cells are marked up as such: they cost nothing."""
    teaser_cue_cost: float = 30.0
    """Cost of a block that looks like a teaser (ends in an ellipsis)."""
    min_stopword_share: float = 0.12
    """Prose has at least this share of function words (when the language has any)."""
    min_doc_stopword_share: float = 0.08
    """When a page's long blocks have fewer function words than this, it is in a language we have
    no list for, and ``min_stopword_share`` is not applied."""
    link_share_chrome: float = 0.65
    """HTML: a block whose text is mostly link text is navigation."""
    barrier_max_words: int = 12
    """A comments heading ("Top Rated Comments", "Leave a Reply") is short; the body never crosses one."""
    title_line_window: int = 10
    """Text dumps: the first line that is not a site prompt, among this many, is taken as the page's <title>."""
    anchor_window: int = 10
    """Blocks after a repeated headline searched for prose when choosing which repetition anchors the body."""
    anchor_distance_cost: float = 2.0
    """Cost of each block between the anchoring headline and the start of the body."""
    anchor_min_chars: int = 15
    """A repeated headline shorter than this is too common to anchor the body on."""
    repeat_min_words: int = 60
    """A block this long that holds several earlier body paragraphs is a second copy of the article."""
    repeat_min_blocks: int = 3
    repeat_min_chars: int = 40
    sibling_min_share: float = 0.1
    """HTML: a sibling of the best container worth at least this share of it belongs to the article too."""
    container_short_cost: float = 1.0
    """HTML container choice: what a short line (not prose, not link text, not a list item) costs there."""
    hidden_max_text_share: float = 0.5
    """HTML: a hidden element (``hidden``, ``display:none``) holding more than this share of the page's
    text is read anyway: saved pages keep articles in wrappers their scripts reveal."""
    hint_max_prose_share: float = 0.5
    """HTML: a boilerplate class hint is not trusted on an element holding more than this share of the page's prose."""
    extra_run_min_value: float = 40.0
    """HTML: a second run of prose inside the article's container is kept when worth this much."""
    max_extra_runs: int = 5
    sibling_min_blocks: int = 2
    """HTML: a block is body when at least this many body paragraphs share its parent element."""
    content_hint_min_prose_share: float = 0.2
    """HTML: a content class hint ("entry-content") overrules a boilerplate hint above it only when its element
    holds at least this share of the page's prose (not the excerpt in one card of a related-posts box)."""
    hint_word_max_prose_share: float = 0.8
    """HTML: a boilerplate hint word found over more than this share of the page's prose (a page builder
    calling every box a "widget") says nothing on this page and is ignored."""
    signup_box_max_words: int = 120
    """HTML: a newsletter sign-up box (the element around a form inviting to subscribe) holds at most this many words."""
    card_max_words: int = 80
    """HTML: a teaser card (a linked headline, a date, a blurb) holds at most this many words..."""
    card_title_min_words: int = 3
    """...and its first or second block is a linked headline of at least this many words."""
    cards_min: int = 3
    """HTML: an element with at least this many teaser cards among its children is a list of teasers..."""
    cards_min_share: float = 0.8
    """...when they hold at least this share of its words..."""
    cards_min_prose_before: int = 100
    """...and it follows at least this many words of prose (a list at the top of the page is its content)."""
    about_heading_max_words: int = 8
    about_box_max_words: int = 150
    """An "About ..." heading (the writer, the company) with at most this many body words after it, at
    the end of the body, is a bio or boilerplate box: it and what follows are not the article."""
    bio_max_words: int = 150
    """A paragraph at the end of the body that opens with the writer's name ("Jane Doe is a
    freelance writer ...") and has at most this many words is the writer's bio, not the article."""
    bio_role_max_words: int = 4
    """A line of at most this many words naming a role ("Contributing Writer") over such a bio goes with it."""
    end_prompt_max_words: int = 60
    """The body's last blocks of at most this many words are read for invitations (subscribe, follow, contact)."""
    recover_min_share: float = 0.8
    """HTML recovery: the main block is the deepest element holding this share of the most words any element holds."""
    min_body_words: int = 25
    """A main run shorter than this triggers the recovery step."""
    non_article_body_words: int = 200
    """HTML: on a page that does not declare itself an article (og:type, schema.org type), a body
    shorter than this is checked against the page's ``<main>``..."""
    main_region_ratio: float = 2.0
    """...and when ``<main>`` holds more than this many times its words, the whole ``<main>`` is the
    body (a listing, a product page, a collection: its items are its content)."""

    # --- title, standfirst, bylines, teasers ------------------------------
    title_window: int = 8
    """How many blocks before the body are searched for the title."""
    title_max_words: int = 30
    title_declared_bonus: float = 20.0
    """Score a title candidate gains when the page declares it (meta, <title>, or "Headline - Site" nearby)."""
    title_min_words: int = 2
    standfirst_max_words: int = 80
    """A standfirst (the summary under the title) is at most this long; a longer block is body text."""
    byline_max_words: int = 14
    """Bylines and datelines are short; longer blocks are not taken as bylines."""
    original_line_max_words: int = 45
    """A line saying when the article first appeared ("Originally published on ...") is at most this long."""
    dateline_max_words: int = 8
    """A line this short with a date in it is a dateline."""
    dateline_window: int = 30
    """Blocks above the body searched for a dateline when none stands near the headline."""
    date_search_window: int = 40
    """When the page declares no date and has no dateline: blocks before the body's start and after
    its end searched for a short dated line ("Updated March 5, 2025")."""
    name_line_max_words: int = 6
    """A line that is only an author's name ("Dylan Bailey, MS, RD") is short."""
    name_dateline_distance: int = 2
    """...and stands at most this many blocks from a dateline."""
    doubled_max_words: int = 40
    """Image alt text said twice ("KCLSU logo KCLSU logo") is at most this long."""
    section_max_words: int = 4
    """A teaser's section label is a short line such as 'Science & Technology'."""
    teaser_min_words: int = 6
    """A teaser summary has at least this many words."""
    max_teasers: int = 100

    @classmethod
    def build(cls, config: Config | None = None, **overrides: Any) -> Config:
        """Return ``config`` (or the defaults) with ``overrides`` applied."""
        base = config if config is not None else _DEFAULT if cls is Config else cls()
        if not isinstance(base, Config):
            raise ConfigError(f"config must be a cleanarticle.Config, not {type(base).__name__}")
        if not overrides:
            return base
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        if "disabled" in overrides:
            overrides["disabled"] = frozenset(overrides["disabled"] or ())
        return replace(base, **overrides)



# The defaults, built once (a Config is immutable; building one costs ~5 µs, paid on every page).
_DEFAULT = Config()

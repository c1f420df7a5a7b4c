"""Build the Article from the final labels, the page metadata and the trace."""

from __future__ import annotations

import datetime as dt
import html

from . import patterns, reasons
from .article import Article, Teaser
from .config import Config
from .document import Block, Document, Label, Trace
from .metadata import all_dates, clean_name, is_person, parse_date, parse_date_form, split_names, strip_dates, url_date


def _authors(doc: Document, cfg: Config) -> list[str]:
    """Writers, from the most to the least trustworthy source that names a person.

    Declared metadata naming people, from the first of JSON-LD, <meta name=author>,
    microdata and rel=author that names one (sources are not merged: a later one often
    names the site, or the writers of other articles on the page); else visible bylines
    and standfirsts; else declared names of teams or organisations ("The Investopedia
    Team"), which are the page's own statement of authorship.
    """
    found: list[str] = []
    named: dict[int, list[str]] = {}  # each byline is read once

    def byline_names(b: Block) -> list[str]:
        if b.index not in named:
            named[b.index] = _byline_names(b, cfg)
        return named[b.index]

    def add(names: list[str]) -> None:
        for n in names:
            if n and n.casefold() not in {f.casefold() for f in found}:
                found.append(n)

    # A "By Jane Doe" line under the headline is what the reader sees, and beats declared names:
    # those often name the site, whoever last edited the page, or other articles' writers.
    # One such line may stand just above the headline; several there are other articles' bylines.
    title = doc.title_index()
    if title is not None:
        explicit = [b for b in doc.labelled(Label.BYLINE) if b.reason == reasons.BYLINE]
        above = [b for b in explicit if b.index < title]
        for b in explicit:
            if b.index > title or (len(above) == 1 and title - b.index <= cfg.title_window):
                add([n for n in byline_names(b) if is_person(n) and " " in n])
        if found:
            return found
    declared: list[str] = []
    for key in ("jsonld_authors", "meta_authors", "itemprop_authors", "rel_authors"):
        names: list[str] = []
        for value in doc.meta.get(key) or []:
            value = html.unescape(value)  # JSON-LD and attributes often carry "&amp;" escaped twice
            names.extend(split_names(value, allow_org=True) if key != "jsonld_authors"
                         else [clean_name(value, allow_org=True)])
        declared.extend(names)
        add([n for n in names if n and is_person(n)])
        if found:
            return found
    for b in doc.labelled(Label.BYLINE):
        add(byline_names(b))
    for b in doc.labelled(Label.STANDFIRST):
        m = patterns.search_role_name(b.text, cfg.regex_timeout)
        if m:
            add([clean_name(m.group("name"))])
    if not found and doc.kind == "text":
        # A text dump may name its writer in the first lines of the body.
        for b in list(doc.labelled(Label.CONTENT))[:2]:
            m = patterns.search_role_name(b.text, cfg.regex_timeout)
            if m:
                add([clean_name(m.group("name"))])
    if not found:
        add(declared)
    return found


def _byline_names(b: Block, cfg: Config) -> list[str]:
    """The writers a byline names: "By Jane Doe", "Published May 7, 2025 by Jane Doe", "Jane Doe | May 7, 2025".

    Dates are cut out first, so that a name running into one ("By Jane Doe December 2,
    2025") ends where the date begins.
    """
    dated = strip_dates(b.text)
    text = patterns.RUN_TOGETHER_LABEL.sub(" ", dated)
    has_by = patterns.may_have_by(text)
    m = (patterns.match(patterns.BYLINE, text, cfg.regex_timeout)
         or has_by and patterns.search(patterns.BYLINE_INSIDE, text, cfg.regex_timeout))
    if m:
        return split_names(m.group("names"))
    m = has_by and patterns.search(patterns.BYLINE_ONE_WORD, text, cfg.regex_timeout)
    if m:
        return [clean_name(m.group("names"))]
    if b.reason in (reasons.BYLINE_NAME, reasons.BYLINE_CLASS):
        return [clean_name(b.text)]
    if dated is not b.text:
        # A name and a date in one line, without "By": "Jane Doe | May 7, 2025", "May 7, 2025Jane Doe".
        for part in patterns.BYLINE_PART_SPLIT.split(text):
            part = part.strip()
            if part and patterns.match(patterns.NAME_LINE, part, cfg.regex_timeout) and is_person(part):
                return [clean_name(part)]
    return []


def _date(doc: Document, cfg: Config) -> str | None:
    """The publication date: the URL's, declared metadata, a <time>, a byline, else a dated line near the body."""
    from_url = url_date(doc.url)  # a CMS stamps the date into the path: the most reliable when there
    if from_url:
        return from_url
    declared = next((str(doc.meta[k]) for k in ("jsonld_date", "meta_date", "time_date") if doc.meta.get(k)), None)
    if doc.meta.get("meta_date") and doc.meta.get("meta_date") == doc.meta.get("time_date") != declared:
        declared = str(doc.meta["meta_date"])  # the <meta> tag and the <time> agree: they outvote JSON-LD
    shown, line = _shown_date(doc, cfg) if declared else (None, "")
    if declared and shown and _days_before(shown, declared) > 1:
        # The byline shows an earlier date than the page declares: the declared one is a later
        # re-publication or migration stamp, the article first appeared on the shown date.
        # (A day apart is only a time zone: the declared timestamp stays.)
        return shown
    if declared and shown and _days_before(declared, shown) > 1 and declared not in all_dates(line) \
            and shown in {doc.meta.get(k) for k in _DECLARED_DATES}:
        # A later date shown plainly under the headline (not as an update's), which the page
        # also declares (as modified, or in a <time>): the page presents the article as of then.
        # When the line shows the declared date too ("May 21, 2025 April 24, 2025"), that stays.
        return shown
    if declared and declared == doc.meta.get("time_date") and doc.meta.get("time_dates"):
        # Only unmarked <time>s, and several dates among them: the first is as likely a news
        # ticker's or a sidebar's; the one a byline shows is the article's.
        shown_times = _byline_date_in(doc, doc.meta["time_dates"])
        if shown_times:
            return shown_times
    if declared:
        return declared
    original = _originally_published(doc, cfg)
    if original:
        return original
    for b in doc.labelled(Label.BYLINE):
        d = parse_date(b.text)
        if d and not _account_date(b):
            return d
    return _nearest_dated_line(doc, cfg)


_DECLARED_DATES = ("jsonld_date", "meta_date", "time_date", "jsonld_modified", "meta_modified")


def _shown_date(doc: Document, cfg: Config) -> tuple[str | None, str]:
    """The first date shown under the headline or in a byline that is not an update's ("Updated May 2")
    and reads one way only, and the line that shows it."""
    title = doc.title_index()
    span = doc.content_span()
    under = range(title + 1, span[0]) if title is not None and span and span[0] > title else range(0)
    byline, max_words = Label.BYLINE, cfg.byline_max_words  # (locals: not an Enum lookup a block)
    for b in doc.blocks:
        if b.label is not byline and not (b.index in under and b.words <= max_words
                                          and b.label not in _NOT_DATED):
            continue
        found = parse_date_form(b.text)
        if found and not patterns.search(patterns.UPDATE_LABEL, b.text) and not _account_date(b):
            return (found[0] if found[1] else None), b.text
    return None, ""


def _originally_published(doc: Document, cfg: Config) -> str | None:
    """The date of an article line saying when it was first published ("originally published on 26 Sep 2019").

    Such a line is a sentence or two, so only blocks of up to ``original_line_max_words`` are
    searched: the credits pass has indexed those already (at its own, equal limit), and a text
    dump, which seldom declares a date, need not index the whole page again for it.
    """
    for i in sorted(doc.blocks_containing(patterns.ORIGINAL_STEMS, cfg.original_line_max_words)):
        b = doc.blocks[i]
        if b.label in _NOT_DATED or b.label is Label.CHROME or not patterns.may_have_year(b.text):
            continue
        m = patterns.search(patterns.ORIGINALLY_PUBLISHED, b.text, cfg.regex_timeout)
        found = parse_date(m.group("rest")) if m else None
        if found:
            return found
    return None


def _byline_date_in(doc: Document, dates: list[str]) -> str | None:
    """The date of the first dated byline under the headline when it is one of ``dates``, either
    reading of "03/01/2017" counting (bylines above the headline are often other articles'
    datelines; later ones and those of a page without a headline are as likely replies')."""
    title = doc.title_index()
    if title is None:
        return None
    for b in doc.labelled(Label.BYLINE):
        if b.index < title:
            continue
        found = parse_date_form(b.text)
        if not found or _account_date(b):
            continue
        readings = [found[0]] if found[1] else [found[0], _swapped(found[0])]
        return next((d for d in readings if d in dates), None)
    return None


def _swapped(date: str) -> str:
    """The other reading of a date whose day and month could be either way round."""
    year, month, day = date.split("-")
    return f"{year}-{day}-{month}"


def _days_before(earlier: str, later: str) -> int:
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days


def _nearest_dated_line(doc: Document, cfg: Config) -> str | None:
    """The date of the short line nearest the body's start ("Updated March 5, 2025", "Nov 21, 2018").

    Pages without declared dates show one in the header or at the foot of the article,
    often in an element the other passes made chrome (a page <header>, a link, the
    article's own <footer>).  Lines before the start win ties; teasers, comments, menus,
    page footers, boxes of related or popular articles and site notices ("© 2010") are
    never read.
    """
    span = doc.content_span()
    if span is None:
        return None
    start = span[0]
    best: tuple[int, str] | None = None
    lo, hi = max(0, start - cfg.date_search_window), min(len(doc.blocks), span[1] + 1 + cfg.date_search_window)
    max_words = cfg.byline_max_words
    for b in doc.blocks[lo:hi]:
        # (parse_date's own first gate, may_have_year, asked first: most lines have no year, and then cost
        # no label, reason or date tests)
        if b.words > max_words or not patterns.may_have_year(text := b.text) or b.label in _NOT_DATED or (
                b.reason.startswith(_NOT_DATED_REASONS) and not _in_article_footer(b)):
            continue
        d = parse_date(text)  # (gated on a year, as has_date is)
        if not d or _in_other_articles(b) or _account_date(b):
            continue
        # Distance from the body's start; the article's end counts as near as its start.
        distance = min(abs(b.index - start), abs(b.index - span[1])) * 2 + (b.index > start)
        if best is None or distance < best[0]:
            best = (distance, d)
    if best:
        return best[1]
    return _month_dateline(doc, cfg, lo, hi, start)


def _month_dateline(doc: Document, cfg: Config, lo: int, hi: int, start: int) -> str | None:
    """The first day of the month of a dateline giving no day ("Last updated: June 2022"), nearest the body first."""
    found = None
    for b in doc.blocks[lo:hi]:
        if b.words > cfg.dateline_max_words or b.label in _NOT_DATED or not patterns.may_have_year(b.text) \
                or b.reason.startswith(_NOT_DATED_REASONS) or not patterns.match(patterns.DATELINE, b.text):
            continue
        m = patterns.search(patterns.DATE_MONTH_YEAR, b.text, cfg.regex_timeout)
        if m:
            found = f"{m['year']}-{patterns.month_number(m['month']):02d}-01"
            if b.index < start:
                return found
    return found


def _account_date(b: Block) -> bool:
    """A line giving when a member joined or a group was founded ("Joined: Jul 24, 2017"), beside a post."""
    return patterns.search(patterns.ACCOUNT_DATE_LABEL, b.text) is not None


def _in_article_footer(b: Block) -> bool:
    """Inside a <footer> within an <article>: the article's own foot (author, date), not the page's."""
    return b.reason == reasons.INSIDE_FOOTER and "article" in b.landmarks


def _in_other_articles(b: Block) -> bool:
    """A block inside a box that lists other articles (by its class/id hint): its dates are theirs."""
    hint = reasons.hint_of(b.reason)
    return bool(hint) and patterns.match(patterns.OTHER_ARTICLES_HINT, hint) is not None


_NOT_DATED = frozenset({Label.TEASER, Label.TEASER_TITLE, Label.SECTION, Label.COMMENT})
_NOT_DATED_REASONS = (reasons.INSIDE_FOOTER, reasons.INSIDE_NAV, reasons.SITE_NOTICE, reasons.SITE_PROMPT)


def _title(doc: Document) -> str | None:
    for b in doc.labelled(Label.TITLE):
        return b.text
    for key in ("jsonld_headline", "og_title", "title_tag"):
        value = doc.meta.get(key)
        if value:
            if key == "title_tag":
                parts = patterns.split_title(value)
                value = max(parts, key=len) if len(parts) > 1 else value
            return str(value)
    return None


def _teasers(doc: Document, cfg: Config) -> list[Teaser]:
    groups: dict[int, dict[str, object]] = {}
    # (The teaser labels' blocks taken in C with their mask, not every block's label and group read by name.)
    for b in doc.labelled(Label.TEASER, Label.TEASER_TITLE, Label.SECTION):
        if b.group < 0:
            continue
        g = groups.setdefault(b.group, {})
        if b.label is Label.SECTION:
            g["section"] = b.text
        elif b.label is Label.TEASER_TITLE:
            g["title"] = b.text
            g["url"] = b.href
        else:
            g["summary"] = b.text
            g.setdefault("url", b.href)
            m = patterns.search_role_name(b.text, cfg.regex_timeout)
            g["authors"] = [n for n in [clean_name(m.group("name"))] if n] if m else []
    return [Teaser(title=g.get("title"), summary=g.get("summary"), authors=list(g.get("authors") or []),  # type: ignore[arg-type]
                   section=g.get("section"), url=g.get("url"))  # type: ignore[arg-type]
            for _, g in sorted(groups.items())]


def _language(doc: Document, first: list[Block]) -> str | None:
    """The language of the body's first paragraphs ``first``, by their function words."""
    at = [b.index for b in first]
    # (Their function-word counts let guess_language stop once the rest cannot change its answer.)
    stops = list(map(doc.block_columns().stopwords.__getitem__, at))
    lows = doc.lowered  # (a text dump's lines lower-cased already: not lower-cased again)
    if lows is None:
        return patterns.guess_language([b.text for b in first], stops=stops)
    return patterns.guess_language(list(map(lows.__getitem__, at)), lowered=True, stops=stops)


def assemble(doc: Document, trace: Trace, cfg: Config) -> Article:
    doc.index_labels()  # the questions below ask for labels about ten times
    body_blocks = list(doc.labelled(Label.CONTENT))
    paragraphs = [b.text for b in body_blocks]
    last_prose = next((b for b in reversed(body_blocks) if not b.heading), None)
    truncated = bool(last_prose and not last_prose.ends_sentence and last_prose.words >= cfg.prose_min_words
                     and not last_prose.ellipsis)
    standfirst = next((b.text for b in doc.labelled(Label.STANDFIRST)), None)
    language = doc.meta.get("language") or _language(doc, body_blocks[:20])
    site = doc.meta.get("site_name")
    return Article(
        title=_title(doc), standfirst=standfirst, authors=_authors(doc, cfg), date=_date(doc, cfg),
        site_name=site, url=doc.url, language=language, body="\n\n".join(paragraphs), paragraphs=paragraphs,
        truncated=truncated, teasers=_teasers(doc, cfg), trace=trace, blocks=doc.blocks, kind=doc.kind,
    )

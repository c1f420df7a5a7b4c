"""Each pass in the registry, on small real documents; the registry and runner contracts."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanarticle
from cleanarticle import PASS_NAMES, PASSES, ConfigError, Label, patterns
from cleanarticle.config import Config
from cleanarticle.passes import body, dom, header, prompts, run, teasers
from cleanarticle.pipeline import segment

CFG = Config()
P1 = ("The city council voted on Tuesday to extend the night bus network to the northern suburbs, "
      "after a year in which ridership on the existing routes grew faster than anyone had expected.")
P2 = ("Officials said the new routes would start in March and run every twenty minutes between midnight "
      "and five in the morning, with extra services on Friday and Saturday nights.")


def text_doc(*lines: str):
    return segment("\n\n".join(lines), "text", CFG)


def labels(doc):
    return [(b.label, b.reason) for b in doc.blocks]


def test_prompts():
    doc = prompts.mark_prompts(text_doc("Connect with us", P1, "We use cookies to improve this site."), CFG)
    assert labels(doc) == [(Label.CHROME, "site prompt"), (Label.CONTENT, "initial"),
                           (Label.CHROME, "site notice (cookies, subscription, copyright)")]


def test_the_articles_reading_time_is_chrome_but_a_listings_card_times_are_not():
    doc = prompts.mark_prompts(text_doc("Night buses to the suburbs", "Jane Doe | 4 min read", P1, P2), CFG)
    assert labels(doc)[1] == (Label.CHROME, "reading time")
    # a listing: each card has its own reading time, which stays with the card
    cards = [line for i in range(3) for line in (f"Story {i}", f"Mar 0{i + 1}, 2026 | {i + 2} min read")]
    assert all(b.label is Label.CONTENT for b in prompts.mark_prompts(text_doc(*cards, P1), CFG).blocks)


def test_a_faq_heading_heads_a_section_but_a_faq_menu_line_is_a_prompt():
    doc = prompts.mark_prompts(segment(f"<html><body><p>{P1}</p><h2>FAQ</h2><p>Does the night bus run on "
                                       f"holidays?</p><div>FAQ</div></body></html>", "html", CFG), CFG)
    assert [(b.text, b.label) for b in doc.blocks if b.text == "FAQ"] == [("FAQ", Label.CONTENT), ("FAQ", Label.CHROME)]
    assert labels(prompts.mark_prompts(text_doc("FAQ", P1), CFG))[0] == (Label.CHROME, "site prompt")


def test_credits():
    doc = prompts.mark_credits(text_doc("License: Author:", "Image courtesy of the Drama Society.", P1), CFG)
    assert labels(doc)[:2] == [(Label.CREDIT, "credit line"), (Label.CREDIT, "image credit")]
    assert doc.blocks[2].label is Label.CONTENT


def test_doubled_alt_text():
    doc = prompts.mark_doubled_alt_text(text_doc("KCLSU logo KCLSU logo", "KCLSU logo"), CFG)
    assert labels(doc) == [(Label.CAPTION, "doubled alt text"), (Label.CONTENT, "initial")]


HTML = """<html><head><title>Night buses - City Paper</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header class="site-header"><p>City Paper</p></header>
<main><article><h1>Night buses</h1>
<p>{p1}</p><figure><img src="a.jpg"><figcaption>A night bus at the harbour.</figcaption></figure><p>{p2}</p>
<div class="share-tools"><p>Share this story with your friends and family today</p></div>
</article></main>
<aside><p>{p2} Another story in the sidebar that is long enough to be prose on its own.</p></aside>
<footer><p>Contact us at the address below for any questions.</p></footer>
<ul class="more"><li><a href="/a">Some other story that is linked</a></li><li><a href="/b">And another linked story here</a></li></ul>
</body></html>""".format(p1=P1, p2=P2)


def html_doc():
    return segment(HTML, "html", CFG)


def _by_text(doc, start):
    return next(b for b in doc.blocks if b.text.startswith(start))


def test_dom_landmarks():
    doc = dom.mark_landmarks(html_doc(), CFG)
    assert _by_text(doc, "Home").reason == "inside <nav>"
    assert _by_text(doc, "Contact us").label is Label.CHROME
    assert _by_text(doc, "A night bus").label is Label.CAPTION
    assert _by_text(doc, "City Paper").reason == "inside the page <header>"
    assert _by_text(doc, "Night buses").label is Label.CONTENT  # the article's own h1


def test_dom_hints():
    doc = dom.mark_boilerplate_hints(html_doc(), CFG)
    assert _by_text(doc, "Share this story").reason == "inside an element with class/id 'share'"
    assert _by_text(doc, P1[:20]).label is Label.CONTENT


def test_a_widget_box_among_the_article_paragraphs_is_a_section_of_it():
    # An editor's layout grid ("ck-widget") holding a section of the article, beside its paragraphs,
    # is text; a sidebar's widget of the same class, away from the paragraphs, is still furniture.
    page = (f'<html><body><div class="layout"><article><div class="item-body"><p>{P1}</p><p>{P2}</p>'
            f'<div class="ck-widget grid"><div class="ck-widget row"><div class="col"><h6>Snake plant</h6>'
            f'<p>Who needs flowers when the leaves of a snake plant stand up straight in any dark corner of '
            f'the house, asking for water only once a month or so?</p></div></div></div></div></article>'
            f'<div class="sidebar-area"><div class="widget"><p>Our garden shop is open every day from nine in '
            f'the morning until five in the afternoon, with free parking.</p></div></div></div></body></html>')
    doc = dom.mark_boilerplate_hints(segment(page, "html", CFG), CFG)
    assert _by_text(doc, "Snake plant").label is Label.CONTENT
    assert _by_text(doc, "Who needs flowers").label is Label.CONTENT
    assert _by_text(doc, "Our garden shop").reason == "inside an element with class/id 'widget'"


def test_a_newsletter_sign_up_box_among_the_paragraphs_is_chrome():
    page = (f'<html><body><article><p>{P1}</p><div class="box"><h3>Get more city news</h3>'
            f'<p>Sign up for our free daily newsletter with the best stories from the city council.</p>'
            f'<form><input type="email"><div>Submit</div></form>'
            f'<p>By subscribing you agree to our terms.</p></div><p>{P2}</p>'
            f'<div><p>Find the stop nearest you on the map.</p><form><input><div>Search stops</div></form></div>'
            f'</article></body></html>')
    doc = dom.mark_signup_boxes(segment(page, "html", CFG), CFG)
    chrome = [b.text for b in doc.blocks if b.label is Label.CHROME]
    assert chrome == ["Get more city news", "Sign up for our free daily newsletter with the best stories from the "
                      "city council.", "Submit", "By subscribing you agree to our terms."]
    assert _by_text(doc, "Sign up").reason == "inside a sign-up box (a form inviting to subscribe)"


def test_each_sign_up_box_of_a_page_is_chrome_with_all_its_blocks():
    # Two boxes (one with two forms) between the paragraphs: every block of each is relabelled, and no other.
    box = ('<div class="box"><h3>Get more city news</h3><p>Sign up for our free daily newsletter.</p>'
           '<div><form><input type="email"><div>Submit</div></form><p>Thank you!</p></div>'
           '<form><div>Or join by text message</div></form></div>')
    page = f'<html><body><article><p>{P1}</p>{box}<p>{P2}</p>{box}<p>{P1}</p></article></body></html>'
    doc = dom.mark_signup_boxes(segment(page, "html", CFG), CFG)
    chrome = [b.text for b in doc.blocks if b.label is Label.CHROME]
    assert chrome == 2 * ["Get more city news", "Sign up for our free daily newsletter.", "Submit", "Thank you!",
                          "Or join by text message"]


def test_a_sign_up_box_stops_below_an_element_holding_other_prose_deeper_down():
    # The element around the box holds, two levels down, a paragraph of prose not about subscribing:
    # the box stops below it (its blocks are searched, not only the box's own), and the prose stays content.
    page = (f'<html><body><article><p>{P1}</p><div class="outer"><div><div><p>The night buses run every half hour '
            f'from the station to the harbour.</p></div></div><div class="box"><p>Sign up for our free daily '
            f'newsletter today.</p><form><input type="email"><div>Submit</div></form></div></div><p>{P2}</p>'
            f'</article></body></html>')
    doc = dom.mark_signup_boxes(segment(page, "html", CFG), CFG)
    chrome = [b.text for b in doc.blocks if b.label is Label.CHROME]
    assert chrome == ["Sign up for our free daily newsletter today.", "Submit"]


def _cards(n: int, inner: str = "") -> str:
    return "<ul>" + "".join(f'<li><h3><a href="/s{i}">Another story from the city number {i}</a></h3>'
                            f'<p>A short blurb about the story that ends here.</p>{inner}</li>' for i in range(n)) + "</ul>"


@pytest.mark.parametrize(("title", "before", "after", "chrome"), [
    ("Night buses", 0, 3, 6),       # a list after the article's prose: its cards are chrome
    ("Night buses", 3, 3, 6),       # ... and only that one: a list at the top is the page's content
    ("3 night buses", 0, 3, 0),     # as many cards as the headline counts: the round-up it announces
    ("Night buses", 0, 2, 0),       # too few cards for a list
])
def test_a_list_of_teaser_cards_after_the_article_is_chrome(title, before, after, chrome):
    article = f"<p>{P1}</p><p>{P2}</p><p>{P1} {P2}</p><p>{P2} {P1}</p>"
    page = (f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
            f"{_cards(before) if before else ''}{article}<aside>{_cards(after)}</aside></main></body></html>")
    doc = dom.mark_teaser_cards(segment(page, "html", CFG), CFG)
    relabelled = [b for b in doc.blocks if b.label is Label.CHROME]
    assert len(relabelled) == chrome
    assert all(b.reason == f"inside a list of teaser cards ({after} with linked headlines)" for b in relabelled)
    assert all(b.index > 4 + 2 * before for b in relabelled)


@pytest.mark.parametrize(("box", "word", "shielded"), [
    ("entry-related", "related", False), ("sidebar", "sidebar", False), ("author-bio", "author-bio", False),
    ("comments", "comments", True),  # forum posts in "comment" boxes keep their content hint
])
def test_a_card_excerpt_marked_entry_content_inside_a_box_beside_the_article(box, word, shielded):
    # Each card of a related-posts carousel may call its excerpt "entry-content"; that small content
    # hint does not shield it from the "related" box around it, while the article's own does.
    page = (f'<html><body><main><div class="entry-content"><p>{P1}</p><p>{P2}</p><p>{P1} {P2}</p></div>'
            f'<div class="{box}"><article class="card"><div class="entry-content-wrap">'
            f'<p>With the new timetable out last week, we look back at ten years of night buses in the city '
            f'and the people who drive them.</p></div></article></div></main></body></html>')
    doc = dom.mark_boilerplate_hints(segment(page, "html", CFG), CFG)
    card = _by_text(doc, "With the new timetable")
    if shielded:
        assert card.label is Label.CONTENT
    else:
        assert card.reason == f"inside an element with class/id '{word}'"
    assert _by_text(doc, P1[:20]).label is Label.CONTENT


def test_the_class_hint_pass_leaves_no_reference_cycle():
    # Its verdict calls itself (a content hint asks its parent's verdict, as in a related-posts carousel):
    # a closure that held itself would keep the page's elements alive until the garbage collector ran.
    import gc

    page = (f'<html><body><main><div class="entry-content"><p>{P1}</p><p>{P2}</p></div>'
            f'<div class="entry-related"><article class="card"><div class="entry-content-wrap">'
            f'<p>Ten years of night buses in the city and the people who drive them.</p></div></article></div>'
            f'</main></body></html>')
    doc = segment(page, "html", CFG)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        out = dom.mark_boilerplate_hints(doc, CFG)
        found = gc.collect()
    finally:
        if enabled:
            gc.enable()
    assert _by_text(out, "Ten years").reason == "inside an element with class/id 'related'"
    assert found == 0


HINT_PARTS = ["nav", "menu", "item", "share", "article", "body", "content", "post", "with", "has", "no", "ad", "tag",
              "list", "side", "bar", "x", "-", "_", "--", " ", "  ", "\t", "\n", "\u017f", "K", "NAV", "Entry",
              "sr", "only", "newsletter", "signup", "story", "rich"]


@given(st.lists(st.sampled_from(HINT_PARTS), max_size=12))
@settings(max_examples=2000, deadline=None)
def test_hints_read_name_by_name_match_as_the_whole_string(parts):
    hints = "".join(parts)
    for pattern, leads in ((patterns.BOILERPLATE_HINT, patterns.BOILERPLATE_HINT_LEADS),
                           (patterns.CONTENT_HINT, patterns.CONTENT_HINT_LEADS)):
        m = pattern.search(hints)
        reader = dom._HintReader(pattern, leads)
        assert reader.first_match(hints, CFG.regex_timeout) == (m.group(0).strip(" _-") if m else None)
        assert reader.first_match(hints, CFG.regex_timeout) == (m.group(0).strip(" _-") if m else None)  # from the memo


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.booleans(), st.integers(0, 3)), max_size=20),
       st.booleans(), st.integers(0, 12), st.floats(0, 1))
@settings(max_examples=300, deadline=None)
def test_prose_blocks_are_the_blocks_is_prose_accepts(shapes, stopword_language, min_words, min_share):
    from cleanarticle.document import Block, Document
    from cleanarticle.passes.scoring import is_prose
    blocks = tuple(Block(i, "x", words, min(stops, words), ends, heading=heading)
                   for i, (words, stops, ends, heading) in enumerate(shapes))
    doc = Document(blocks, "html", stopword_language=stopword_language)
    cfg = Config(prose_min_words=min_words, min_stopword_share=min_share)
    assert dom._prose_blocks(doc, cfg) == [b for b in blocks if is_prose(b, doc, cfg)]


def test_the_dom_passes_prose_facts_are_found_once_and_shared_by_relabelled_copies():
    """The DOM passes' prose facts equal _prose_blocks and _prose_by_element, and a relabelled copy
    (or another config) gets them from Document.facts only when they are the same page's and config's."""
    html = ("<html><body><nav><p>Home</p><p>News</p></nav><article><h1>A headline of a story</h1>"
            "<p>The council voted on Tuesday to approve the budget after a long debate about the cost.</p>"
            "<p>It was the second vote this year on the new school and the roads around the town.</p></article>"
            "<aside><p>More stories from the town and the region for you to read today.</p></aside></body></html>")
    doc = segment(html, "html", CFG)
    facts = dom._prose_facts(doc, CFG)
    blocks = dom._prose_blocks(doc, CFG)
    assert facts.blocks == blocks and facts.indices == {b.index for b in blocks}
    assert (facts.by_element, facts.limit) == dom._prose_by_element(doc, CFG, blocks)
    copy = doc.relabel({0: (Label.CHROME, "test")})
    assert copy.facts is doc.facts and dom._prose_facts(copy, CFG) is facts
    other = Config(prose_min_words=40)
    assert dom._prose_facts(copy, other).blocks == dom._prose_blocks(doc, other) == []
    assert dom._prose_facts(segment(html, "html", CFG), CFG) is not facts  # another page's document


def test_element_totals_count_the_blocks_under_each_element_which_follow_each_other():
    """_element_totals against sums over the blocks whose path holds the element; an element's blocks are
    the ones from its first on (the teaser-card pass reads its blocks' labels and headings so)."""
    html = ("<html><body><header><a href='/'>Home</a><nav><ul><li><a href='/a'>News</a></li><li>Sport</li></ul></nav>"
            "</header><main><article><h1>A headline of a story</h1><div><p>The council voted on Tuesday.</p>"
            "<p>It was the second vote.</p><div></div><section><h2>More</h2><p>Text <b>bold</b> more</p></section>"
            "</div>Tail text</article><ul><li><div><a href='/x'>A card headline of six words here</a></div>"
            "<p>A blurb.</p></li><li><a href='/y'>Another card headline of six words</a></li></ul></main>"
            "<footer><p>Copyright</p></footer></body></html>")
    doc = segment(html, "html", CFG)
    words, blocks, first = dom._element_totals(doc)
    assert dom._element_totals(doc.relabel({0: (Label.CHROME, "test")})) == (words, blocks, first)
    for i in range(len(doc.elements)):
        under = [b for b in doc.blocks if i in b.path]
        assert words[i] == sum(b.words for b in under) and blocks[i] == len(under)
        if under:
            assert first[i] == under[0].index
            assert list(doc.blocks[first[i]: first[i] + blocks[i]]) == under


@given(st.lists(st.sampled_from(["author", "s", "writer", "creator", "contributor", "by", "line", "posted", "po", "ted",
                                 "-", "_", " ", "\n", "name", "info", "article", "\u017f", "K", "\u212a", "x", "AUTHOR"]),
                max_size=10))
@settings(max_examples=3000, deadline=None)
def test_the_author_hint_keywords_never_hide_a_match(parts):
    hints = "".join(parts).lower()  # (class/id hints are lower-cased by the segmenter)
    if patterns.AUTHOR_HINT.search(hints):
        assert patterns.contains_any(hints, patterns.AUTHOR_HINT_KEYWORDS)


def test_a_hint_search_cut_short_is_not_remembered():
    reader = dom._HintReader(patterns.BOILERPLATE_HINT, patterns.BOILERPLATE_HINT_LEADS)
    with patterns.deadline(time.monotonic() - 1):  # out of time: every search times out
        assert reader.first_match("site-nav menu", CFG.regex_timeout) is None
    assert reader.first_match("site-nav menu", CFG.regex_timeout) == "nav"
    assert reader.of_name == {"site-nav": "nav"}


def test_hint_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(dom._HintReader, "MEMORY", 3)
    reader = dom._HintReader(patterns.BOILERPLATE_HINT, patterns.BOILERPLATE_HINT_LEADS)
    for i in range(10):
        reader.first_match(f"x{i} y{i}", CFG.regex_timeout)
        assert len(reader.of_name) <= 4 and len(reader.of_string) <= 3


def test_link_lists():
    doc = dom.mark_link_lists(html_doc(), CFG)
    assert _by_text(doc, "Some other story").label is Label.CHROME
    assert _by_text(doc, P1[:20]).label is Label.CONTENT


def test_main_container_keeps_the_article_and_drops_the_sidebar():
    doc = html_doc()
    for f in (dom.mark_landmarks, dom.mark_boilerplate_hints, dom.mark_link_lists, dom.select_main_container):
        doc = f(doc, CFG)
    assert _by_text(doc, P1[:20]).label is Label.CONTENT
    assert _by_text(doc, P2[:20]).label is Label.CONTENT
    assert _by_text(doc, P2[:20] + "").index < _by_text(doc, "Share this").index


def test_main_run_marks_what_lies_outside_the_run():
    doc = body.select_main_run(text_doc("Menu", "Home", P1, P2, "Contact", "Sitemap"), CFG)
    assert [b.label for b in doc.blocks] == [Label.CHROME, Label.CHROME, Label.CONTENT, Label.CONTENT,
                                             Label.CHROME, Label.CHROME]
    assert doc.blocks[0].reason == "outside the main run of text"


def test_repeats():
    doc = body.mark_repeats(text_doc(P1, P2, P1), CFG)
    assert doc.blocks[2].label is Label.CHROME and doc.blocks[2].reason == "repeats an earlier paragraph"


def _through(doc, last):
    for p in PASSES:
        if "text" in p.kinds:
            doc = p.func(doc, CFG)
        if p.name == last:
            return doc
    raise AssertionError(last)


def test_title_bylines_standfirst_and_header_captions():
    doc = _through(text_doc("Night buses reach the suburbs", "Harbour at dusk", "By Dana Whitfield",
                            "Staff writer Dana Whitfield reports on the council vote and what it means for shift workers.",
                            P1, P2), "header_captions")
    got = [(b.label, b.reason) for b in doc.blocks[:4]]
    assert got[0] == (Label.TITLE, "headline before the body")
    assert got[1] == (Label.CAPTION, "short line between the title and the body")
    assert got[2] == (Label.BYLINE, "byline")
    assert got[3] == (Label.STANDFIRST, "standfirst naming its writer")


def test_teasers_group_section_and_summary():
    doc = _through(text_doc(P1, P2, "Sport",
                            "Staff writer Ben Okafor previews the varsity boat race on the river. The race starts at...",
                            "Culture", "The drama society opens a new production of a classic comedy in the hall..."),
                   "teasers")
    got = [(b.label, b.group) for b in doc.blocks[2:]]
    assert got == [(Label.SECTION, 0), (Label.TEASER, 0), (Label.SECTION, 1), (Label.TEASER, 1)]


def test_blurbs_naming_their_writer_are_found_by_the_index_as_line_by_line(monkeypatch):
    """Uncued blurbs after the body are teasers when they name a role and a writer: the blocks holding a
    role's stem, found for several lines at once by a keyword index, are those may_name_role finds."""
    # (Short and without a full stop, so that they are not prose the body's run would take.)
    blurbs = ["Menu", "Home", "Sport", "Staff writer Ben Okafor previews the varsity boat race on the river",
              "The drama society opens a new production of a classic comedy in the hall",
              "Contributing editor Ann Lee reviews the new library and who will run it",
              "The weather was fine and a large crowd came early to the harbour",
              "STAFF REPORTER Cy Diaz looks at the budget and what it means for roads"]
    asked: list[int] = []

    class LineByLine:  # the index's answer, block by block
        def __init__(self, blocks, max_words=None, lowered=None):
            self.blocks = blocks
            asked.append(len(blocks))

        def containing(self, keywords):
            return frozenset(b.index for b in self.blocks if patterns.contains_any(b.text, keywords))

    for n in (4, 5, 6, 8):
        indexed = [(b.label, b.group) for b in _through(text_doc(P1, P2, *blurbs[:n]), "teasers").blocks]
        with monkeypatch.context() as m:
            m.setattr(teasers, "TextIndex", LineByLine)
            assert [(b.label, b.group) for b in _through(text_doc(P1, P2, *blurbs[:n]), "teasers").blocks] == indexed
    assert max(asked) > 2  # (the index's own path was taken)


def test_every_pass_has_a_name_a_summary_and_runs_on_some_kind():
    assert len(set(PASS_NAMES)) == len(PASS_NAMES)
    for p in PASSES:
        assert p.summary and p.kinds <= {"html", "text"} and p.kinds


def test_disabling_a_pass_from_the_library():
    text = "\n\n".join([P1, P2, "Sport", "Staff writer Ben Okafor previews the boat race on the river. It starts at..."])
    assert cleanarticle.clean(text, kind="text").teasers
    art = cleanarticle.clean(text, kind="text", disabled={"teasers"})
    assert art.teasers == []
    assert all(s.pass_name != "teasers" for s in art.trace)


def test_unknown_pass_name_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown pass name"):
        cleanarticle.clean(P1, kind="text", disabled={"no_such_pass"})
    with pytest.raises(ConfigError, match="unknown setting"):
        cleanarticle.clean(P1, kind="text", no_such_setting=3)


def test_trace_records_only_changes_and_nothing_is_deleted():
    lines = ["Connect with us", "Menu", P1, P2, "Share this", "Advertisement", "Contact"]
    doc = text_doc(*lines)
    final, trace = run(doc, CFG)
    assert len(final.blocks) == len(lines)
    assert [b.text for b in final.blocks] == lines
    for step in trace:
        assert step.old is not step.new
    # replaying the trace over the starting labels gives the final labels
    labels_now = {b.index: b.label for b in doc.blocks}
    for step in trace:
        assert labels_now[step.index] is step.old
        labels_now[step.index] = step.new
    assert labels_now == {b.index: b.label for b in final.blocks}


def test_the_trace_reads_as_the_list_of_its_steps():
    """A Trace (one flat list of the steps' fields) reads, compares and prints as the list of its TraceSteps."""
    from cleanarticle.document import Trace, TraceStep

    doc = text_doc("Connect with us", "Menu", P1, P2, "Share this", "Advertisement", "Contact")
    _, trace = run(doc, CFG)
    steps = list(trace)
    assert len(steps) == len(trace) >= 3
    assert all(type(s) is TraceStep for s in steps)
    assert [trace[i] for i in range(len(trace))] == steps and trace[-1] == steps[-1]
    assert trace[1:3] == steps[1:3]
    assert trace == steps and trace == tuple(steps) and trace == Trace(steps) and trace != steps[:-1]
    assert Trace() == [] and not Trace() and len(Trace()) == 0
    assert repr(trace) == f"Trace({steps!r})"
    with pytest.raises(IndexError):
        trace[len(trace)]
    with pytest.raises(TypeError):
        hash(trace)


def test_recover_main_block_returns_a_listing_rather_than_nothing():
    items = "".join(f"<li><a href='/p{i}'>Product number {i} in blue</a> <span>$ {i}.99</span></li>" for i in range(12))
    page = (f"<html><body><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav><main><h1>Blue things</h1>"
            f"<ul class='grid'>{items}</ul></main><footer><p>Contact us</p></footer></body></html>")
    art = cleanarticle.clean(page, kind="html")
    assert "Product number 3 in blue" in art.body
    assert "Contact us" not in art.body and "Shop" not in art.body.split()
    assert any(s.pass_name == "recover_main_block" for s in art.trace)


def test_recovery_leaves_an_error_page_empty():
    art = cleanarticle.clean("<html><body><nav><a href='/'>Home</a></nav><p>Page not found.</p></body></html>",
                             kind="html")
    assert art.body == ""


def test_a_relabelled_document_answers_with_its_own_labels():
    """index_labels() caches the blocks by label on one Document; a relabelled copy must not reuse it."""
    doc = segment("Menu\n\nThe council voted on Tuesday to approve the budget.\n\nShare this\n", "text", Config())
    doc.index_labels()
    assert [b.index for b in doc.labelled(Label.CONTENT)] == [0, 1, 2]
    assert doc.content_span() == (0, 2)
    new = doc.relabel({0: (Label.CHROME, "test"), 2: (Label.CHROME, "test")})
    assert new.label_index is None
    new.index_labels()
    assert [b.index for b in new.labelled(Label.CONTENT)] == [1]
    assert [b.index for b in new.labelled(Label.CHROME)] == [0, 2]
    assert new.content_span() == (1, 1)
    assert [b.index for b in doc.labelled(Label.CHROME)] == []
    assert doc.relabel({i: (Label.CHROME, "test") for i in range(3)}).content_span() is None


def test_label_codes_follow_every_relabelling():
    """The label codes a relabelled copy carries over equal those read from its blocks, and the title and
    the body's ends found in them are the blocks' own."""
    from cleanarticle.document import LABEL_CODES

    doc = segment("Menu\n\nNight buses\n\nThe council voted on Tuesday to approve the budget.\n\nShare this\n"
                  "\nMore", "text", Config())
    assert doc.title_index() is None and doc.content_span() == (0, 4)
    steps = [{0: (Label.CHROME, "t")}, {1: (Label.TITLE, "t"), 3: ("chrome", "t")}, {}, {4: (Label.TEASER, "t", 2)},
             {2: (Label.CHROME, "t")}]
    for changes in steps:
        doc = doc.relabel(changes)
        assert doc.codes is not None  # (carried over, not built again)
        assert list(doc.label_codes()) == [LABEL_CODES[b.label] for b in doc.blocks]
        content = [b.index for b in doc.blocks if b.label is Label.CONTENT]
        assert doc.content_span() == ((content[0], content[-1]) if content else None)
        assert doc.title_index() == next((b.index for b in doc.blocks if b.label is Label.TITLE), None)
    assert doc.content_span() is None and doc.title_index() == 1
    assert len(LABEL_CODES) == len(Label) == len(set(LABEL_CODES.values()))


def _fields_by_column(doc):
    """Each field of the Document's blocks before their label, read block by block."""
    from cleanarticle.document import BlockColumns

    return [[getattr(b, name) for b in doc.blocks] for name in BlockColumns._fields]


@pytest.mark.parametrize("text", [
    "Menu\n\n\nNight buses\n\nThe council voted on Tuesday to approve the budget.\nit was late.\n\nShare this ...",
    "\u65b0\u95fb \u65b0\u95fb\n\n\u4eca\u5929\u4e0b\u5348\u3002\n\n\n\n\n\nKCLSU logo KCLSU logo\n",
    "  \t\n\n", "One\u2003line\t with  spaces\xa0here.",
])
def test_the_text_segmenters_columns_are_its_blocks_fields(text):
    """The columns the text segmenter sets (Document.block_columns) hold every block's fields, the same
    values of the same types, and a relabelled copy shares them (relabelling changes only labels)."""
    doc = segment(text, "text", Config())
    columns = doc.block_columns()
    assert [list(column) for column in columns] == _fields_by_column(doc)
    assert [[type(v) for v in column] for column in columns] == [[type(v) for v in column] for column in _fields_by_column(doc)]
    if doc.blocks:
        assert doc.relabel({0: (Label.CHROME, "test")}).block_columns() is columns
    # The label codes it sets (every block content) are those read from the blocks.
    from cleanarticle.document import LABEL_CODES

    assert doc.codes is not None or not doc.blocks
    assert list(doc.label_codes()) == [LABEL_CODES[b.label] for b in doc.blocks]


@pytest.mark.parametrize("url", [None, "https://example.com/news/x"])
@pytest.mark.parametrize("max_block_chars", [None, 40])
def test_the_columns_set_by_the_html_segmenter_are_its_blocks_fields(url, max_block_chars):
    """The HTML segmenter sets the columns (every block's fields), the texts lower-cased and the label codes
    from what it has in hand, as reading the blocks would give them (short marks dropped, long texts cut,
    links resolved), shared by the copies relabelled after; a Document built without them builds them on first use."""
    from cleanarticle.document import LABEL_CODES, Document

    html = ("<html><body><nav><a href='/'>Home</a> <span>|</span></nav><article><h1>Night buses</h1><p>The council "
            "voted on Tuesday to approve the budget for the night buses.</p><p>|</p><ul><li>One</li><li><a href='/x'>"
            "Two</a></li><li>ΣΟΦΟΣ Ünïcode İstanbul</li></ul></article><footer>Share this</footer></body></html>")
    cfg = Config() if max_block_chars is None else Config(max_block_chars=max_block_chars)
    doc = segment(html, "html", cfg, url=url)
    columns = doc.columns
    assert columns is not None and doc.block_columns() is columns
    assert [list(column) for column in columns] == _fields_by_column(doc)
    assert list(doc.lowered) == [b.text.lower() for b in doc.blocks]
    assert doc.label_codes() == bytearray(LABEL_CODES[b.label] for b in doc.blocks)
    assert doc.relabel({0: (Label.CHROME, "test")}).block_columns() is columns
    built = Document(doc.blocks, "html")
    assert built.columns is None
    assert [list(column) for column in built.block_columns()] == _fields_by_column(doc)
    assert segment("", "text", Config()).block_columns() == tuple(() for _ in columns)


def test_relabel_with_one_change_for_many_blocks_equals_block_by_block():
    """Document.relabel's column-wise path (one change for every block) builds the blocks, codes and
    changed indices that replacing each block's label, reason and group one by one does."""
    from cleanarticle.document import LABEL_CODES

    doc = segment("Menu\n\nNight buses\n\nThe council voted on Tuesday to approve the budget.\n\nShare this\n"
                  "\nMore", "text", Config()).relabel({1: (Label.TEASER, "t", 3)})
    doc.label_codes()
    shared, grouped, named = (Label.CHROME, "outside"), (Label.TEASER, "x", 5), ("caption", "y")
    for changes in ({i: shared for i in (4, 0, 1)}, {i: grouped for i in (0, 2)}, {i: named for i in (3, 1)},
                    {0: shared, 2: (Label.CHROME, "outside")}):  # (equal, not the same object)
        new = doc.relabel(changes)
        expected = list(doc.blocks)
        for i, change in changes.items():
            expected[i] = expected[i]._replace(label=Label(change[0]), reason=change[1],
                                               group=change[2] if len(change) > 2 else expected[i].group)
        assert list(new.blocks) == expected and all(type(b) is type(doc.blocks[0]) for b in new.blocks)
        assert list(new.label_codes()) == [LABEL_CODES[b.label] for b in expected]
        assert new.changed == doc.changed + tuple(changes)
        assert doc.blocks[4].label is Label.CONTENT  # (the original untouched)


def test_blocks_containing_finds_what_a_test_per_block_finds():
    """The keyword index (one str.find per keyword over the page) against contains_any on each block."""
    from cleanarticle import patterns

    text = ("Photo: Reuters\n\nThe council voted on Tuesday to approve the budget, photo credits aside, after a long "
            "debate about the cost of the new school and the roads.\n\n3 Comments\n\nLeave a comment\n\nIMAGE COURTESY of Ann")
    doc = segment(text, "text", Config())
    for keywords in (patterns.CREDIT_KEYWORDS, patterns.COMMENTS_KEYWORDS, (":",)):
        for limit in (None, 3, 12):
            expected = {b.index for b in doc.blocks
                        if (limit is None or b.words <= limit) and patterns.contains_any(b.text, keywords)}
            assert doc.blocks_containing(keywords, limit) == expected, (keywords, limit)
    assert doc.blocks_containing(patterns.COMMENTS_KEYWORDS, 3) == {2, 3}
    assert doc.blocks_containing(patterns.CREDIT_KEYWORDS) == {0, 1, 4}
    # Whichever limit comes first, a smaller one is answered from a wider index (and gives the same).
    for limits, built in (((12, 3, None), {12, None}), ((3, None, 12), {3, None}), ((None, 12, 3), {None})):
        fresh = segment(text, "text", Config())
        for limit in limits:
            for keywords in (patterns.CREDIT_KEYWORDS, patterns.COMMENTS_KEYWORDS, (":",)):
                assert fresh.blocks_containing(keywords, limit) == doc.blocks_containing(keywords, limit)
        assert set(fresh.text_indexes) == built
    # A relabelled copy shares the index (texts and word counts never change).
    assert doc.relabel({0: (Label.CHROME, "test")}).text_indexes is doc.text_indexes


def test_the_keyword_index_lowers_line_by_line_as_the_joined_page_would():
    """TextIndex lowers each line (ASCII lines take the fast path): the lines of lowering the page joined by newlines."""
    from cleanarticle.document import Document, TextIndex, make_block

    lines = ["ΟΔΥΣΣΕΥΣ", "Σ", "ΑΣ.", "'Σ'", "ΣΑ", "İSTANBUL İ", "Plain ASCII Line", "ÀÉÎ ǅ ẞ Ω", "x ΑΣ", "Σ: ΑΣ'", "ﬁne"]
    doc = Document(blocks=tuple(make_block(i, t) for i, t in enumerate(lines)), kind="text")
    index = TextIndex(doc.blocks)
    low, starts = index.low, index.starts
    assert [low[a:b] for a, b in zip(starts, starts[1:])] == "\n".join(lines).lower().split("\n")
    assert starts[0] == 0 and starts[-1] == len(low)
    # A text dump's segmenter keeps its lower-cased lines, which the index then takes as they are.
    dump = segment("\n\n".join(lines), "text", Config())
    assert list(dump.lowered) == [b.text.lower() for b in dump.blocks]
    for limit in (None, 1, 2):
        with_lowered, without = TextIndex(dump.blocks, limit, dump.lowered), TextIndex(dump.blocks, limit)
        assert (with_lowered.low, with_lowered.starts, with_lowered.indices) == (without.low, without.starts, without.indices)
        # The blocks short enough chosen from the Document's columns (with its lower-cased lines or not): the same.
        for lowered in (dump.lowered, None):
            chosen = TextIndex(dump.blocks, limit, lowered, dump.block_columns())
            assert (chosen.low, chosen.starts, chosen.indices) == (without.low, without.starts, without.indices)
    assert dump.relabel({0: (Label.CHROME, "test")}).lowered is dump.lowered


def test_the_dom_passes_run_the_dom_functions_and_a_text_dump_never_imports_them():
    deferred = {p.name: p.func for p in PASSES if p.kinds == {"html"} and p.func.__class__.__name__ == "_Deferred"}
    assert set(deferred) == {"dom_landmarks", "dom_hints", "link_lists", "signup_boxes", "teaser_cards", "main_container"}
    for func in deferred.values():
        assert func._load() is getattr(dom, func._name) and func.__doc__ == func._load().__doc__
    code = ("import sys, cleanarticle; cleanarticle.clean('Night buses reach the suburbs at last.\\n' * 5, kind='text');"
            " print('cleanarticle.passes.dom' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}).stdout
    assert out.strip() == "False"


def test_the_verdicts_prose_words_are_those_of_is_prose():
    """mark_no_article's inline count (scoring.prose_words) equals the words of the body blocks scoring.is_prose accepts."""
    from cleanarticle.passes.scoring import is_prose, prose_words

    text = ("Menu\n\nThe council voted on Tuesday to approve the budget for the new school year.\n\n"
            "A heading line\n\nShort one.\n\nDie Stadt hat am Dienstag den Haushalt beschlossen und gebaut\n\n"
            "Words without any function words whatsoever here repeated seven times okay\n\n"
            "An unfinished sentence that runs on and on without ending at all for a long while")
    for cfg in (Config(), Config(prose_min_words=1), Config(prose_min_words=0), Config(min_stopword_share=0.5)):
        for language in (True, False):
            doc = segment(text, "text", cfg)
            object.__setattr__(doc, "stopword_language", language)
            body = list(doc.blocks)
            total = sum(b.words for b in body if is_prose(b, doc, cfg))
            assert prose_words(body, doc, cfg) == total
            for enough in (0, 1, 5, 14, 15, 16, 20, 40, total - 1, total, total + 1, 1000):
                # (with ``enough``: at least that many when the total is, and the total otherwise)
                counted = prose_words(body, doc, cfg, enough)
                assert counted >= enough if total >= enough else counted == total, (enough, counted, total)


def test_a_text_holding_a_word_case_folded_holds_it_lower_cased_or_a_character_of_folds_to_ascii():
    """_FOLDS_TO_ASCII is every character whose case-folding holds an ASCII letter its lower-casing does not: a text
    whose case-folded start holds an ASCII word holds it lower-cased, or one of them (what title_anchor's index
    relies on; the next test, for every word of a text)."""
    from cleanarticle.passes.scoring import _FOLDS_TO_ASCII

    assert set(_FOLDS_TO_ASCII) == {c.lower() for c in map(chr, range(0x110000))
                                    if c.casefold() != c.lower() and any(map(str.isascii, c.casefold()))}

    @given(st.text(alphabet="abfilnstSTRAßẞſﬁﬆ İΣ-'.0") | st.sampled_from(["Straße", "STRASSE", "ﬁre", "Fire"]),
           st.sampled_from(["strasse", "fire", "st", "s", "a", "1", "i"]))
    def holds(text, word):
        if word in text[:40].casefold():
            low = text.lower()
            assert word in low or any(c in low for c in _FOLDS_TO_ASCII), (text, word)

    holds()


def test_a_block_whose_words_are_a_title_holds_the_titles_ascii_words_lower_cased():
    """title_anchor looks only at the blocks whose lower case holds a title's longest ASCII word, or a character
    of _FOLDS_TO_ASCII whose case-folding gives a letter of the word: every text whose words (norm_words) are
    the title's is one of them."""
    from cleanarticle.passes.scoring import _FOLD_LETTERS, _FOLDS_TO_ASCII

    assert [c for c, _ in _FOLD_LETTERS] == list(_FOLDS_TO_ASCII)

    @given(st.text(alphabet="abfilnstjhwySTRAßẞſﬁﬆﬀﬃŉǰẖẗẘẙẚ İΣ-'.0’") |
           st.sampled_from(["Straße", "STRASSE", "ﬁre", "Eﬀect", "eﬀ", "oﬀ", "ſt"]))
    def holds(text):
        low = text.lower()
        for word in filter(str.isascii, patterns.norm_words(text).split()):
            assert word in low or any(c in low for c, its in _FOLD_LETTERS if its & set(word)), (text, word)

    holds()


def test_the_title_anchor_found_through_the_index_is_the_one_found_testing_every_block(monkeypatch):
    """The blocks title_anchor takes from the keyword index (a title's longest ASCII word) are all it can anchor."""
    from cleanarticle.document import Document
    from cleanarticle.passes.scoring import title_anchor

    prose = "The council voted on Tuesday to extend the night bus network to the northern suburbs of the city."
    pages = [
        ("Night buses reach the suburbs", ["NIGHT BUSES REACH THE SUBURBS", "Night buses", "The suburbs"]),
        ("Straße gesperrt: Verkehr | Stadtblatt", ["STRASSE GESPERRT: VERKEHR", "Stadtblatt", "Verkehr heute"]),
        ("Eﬀective ﬁre drills at the mill", ["EFFECTIVE FIRE DRILLS AT THE MILL", "eﬀective ﬁre drills at the mill"]),
        ("Staff off duty", ["STAﬀ OFF DUTY", "staﬀ oﬀ duty", "Staff oﬀ duty"]),
        ("Müde Straßenbahn fährt", ["MÜDE STRASSENBAHN FÄHRT", "müde straßenbahn fährt"]),
        ("Ce qu’il faut savoir - Le Monde", ["Ce qu'il faut savoir", "CE QU’IL FAUT SAVOIR", "Le Monde"]),
        ("Ünïcödé ändern", ["ÜNÏCÖDÉ ÄNDERN", "ändern"]),
        ("A B C", ["a b c", "A-B-C", "a  b  c"]),
    ]
    anchored = 0
    for title, lines in pages:
        for order in (lines, lines[::-1]):
            doc = segment("\n\n".join([title, "Menu", *[x for line in order for x in (line, prose, prose)]]),
                          "text", Config())
            found = title_anchor(doc, Config())
            with monkeypatch.context() as m:
                m.setattr(Document, "blocks_containing",
                          lambda self, keywords, max_words=None: frozenset(
                              b.index for b in self.blocks if max_words is None or b.words <= max_words))
                assert title_anchor(doc, Config()) == found, (title, order)
            anchored += found is not None
    assert anchored >= 8  # (most pages anchor: the test compares anchors, not only their absence)


def test_a_title_is_found_again_in_another_case_folding():
    """A text dump repeating its title line folded differently ("Straße" as "STRASSE") still anchors the body."""
    from cleanarticle.passes.scoring import title_anchor

    prose = "Die Stadt hat die Straße am Dienstag für den Verkehr gesperrt, weil sie dringend repariert werden muss."
    for title, again in [("Straße gesperrt heute", "STRASSE GESPERRT HEUTE"), ("Fire at the mill", "ﬁre at the mill"),
                         ("Fire at the mill", "FIRE AT THE MILL")]:
        doc = segment(f"{title}\n\nMenu\n\n{again}\n\n{prose}\n\n{prose}", "text", Config())
        assert title_anchor(doc, Config()) == 2, (title, again)


@given(st.lists(st.text(alphabet="abcAB: ", min_size=1).map(str.strip).filter(bool), min_size=1, max_size=8),
       st.lists(st.sampled_from(["a", "ab", "ba", "bc", "cab", ":", "a:", "abc", "bb"]), min_size=1, max_size=3))
def test_the_keyword_index_finds_no_keyword_running_from_one_block_into_the_next(lines, keywords):
    """TextIndex joins the texts without a separator: a hit across two blocks' texts is in neither."""
    from cleanarticle.document import TextIndex, _scans

    doc = segment("\n\n".join(lines), "text", Config())
    expected = {b.index for b in doc.blocks if any(kw in b.text.lower() for kw in keywords)}
    _scans(tuple(keywords))  # (a tuple's first ask: a scan a keyword; the index's, its second, shares parts)
    assert TextIndex(doc.blocks, None, doc.lowered).containing(tuple(keywords)) == expected
    assert TextIndex(doc.blocks).containing(tuple(keywords)) == expected


@given(st.lists(st.text(alphabet="abcdeÄ :", min_size=1).map(str.strip).filter(bool), min_size=1, max_size=8),
       st.lists(st.text(alphabet="abcde", min_size=1, max_size=8), min_size=1, max_size=6))
def test_the_keyword_index_finds_keywords_sharing_a_part_as_each_alone(lines, keywords):
    """TextIndex scans once for a part keywords share ("omment": "comment", "komment"), then tests the lines
    holding it for them: the blocks holding a keyword, as a test per block finds them."""
    from cleanarticle.document import TextIndex, _scans

    doc = segment("\n\n".join(lines), "text", Config())
    expected = {b.index for b in doc.blocks if any(kw in b.text.lower() for kw in keywords)}
    _scans(tuple(keywords))  # (a tuple's first ask: a scan a keyword; the index's, its second, shares parts)
    assert TextIndex(doc.blocks, None, doc.lowered).containing(tuple(keywords)) == expected


def test_the_patterns_keywords_are_found_through_their_shared_parts(monkeypatch):
    """The patterns' keyword tuples, some scanned by shared parts, on lines holding a keyword, only a part of
    one, or a keyword cased otherwise: the blocks a test per block finds."""
    from cleanarticle import patterns
    from cleanarticle import document
    from cleanarticle.document import _scans, _shared_scans

    # (A process's first asks: other tests' tuples may have filled the bounded cache.)
    monkeypatch.setattr(document, "_SCANS", _SCANS := {})
    monkeypatch.setattr(document, "_ASKED", set())
    tuples = (patterns.CREDIT_KEYWORDS, patterns.COMMENTS_KEYWORDS, patterns.ORIGINAL_STEMS, patterns.ROLE_STEMS,
              patterns.READING_TIME_KEYWORDS)
    for keywords in tuples:  # (asked twice, as on a page and the next: the shared parts are kept)
        _scans(keywords)
        _scans(keywords)
        assert _SCANS[keywords] == _shared_scans(keywords)
    assert any(holders for keywords in tuples for _, holders, _ in _SCANS[keywords])  # (some parts are shared)
    assert ("omment", ("comment", "komment"), "") in _SCANS[patterns.COMMENTS_KEYWORDS]
    assert ("crédit", (), "é") in _SCANS[patterns.CREDIT_KEYWORDS]
    lines = ["The council met on Tuesday."]
    for keywords in tuples:
        for part, _, _ in _SCANS[keywords]:
            lines += [part, f"A {part[1:]} alone", f"x{part}x and more"]
        for kw in keywords:
            lines += [f"Said the {kw} today", kw.upper(), kw.title() + ":", f"{kw[:-1]} cut short"]
    lines += ["Café", "Crèdit", "Crédi t"]  # (a keyword's rare character without the keyword)
    doc = segment("\n\n".join(lines), "text", Config())
    for keywords in tuples:
        expected = {b.index for b in doc.blocks if patterns.contains_any(b.text, keywords)}
        assert doc.blocks_containing(keywords) == expected, keywords
        assert doc.blocks_containing(keywords, 3) == {i for i in expected if doc.blocks[i].words <= 3}, keywords

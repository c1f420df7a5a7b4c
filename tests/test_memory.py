"""A cleaned page's objects are freed by reference counting as soon as its Article is dropped,
and few are alive at once.

A reference cycle among them (a recursive closure, an object that points back at its owner) would
keep a page's blocks and elements alive until Python's cyclic garbage collector runs; in a crawl
that collector then walks thousands of dead objects, and it does so in whichever call happens to
allocate next.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanarticle import clean, passes
from robust_cases import ARTICLE_HTML
from robust_strategies import PROFILE, pages, text_dumps

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@contextmanager
def collector_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def unreachable_after(source: str, kind: str) -> int:
    """The objects left in reference cycles by cleaning ``source`` (a first call fills the caches)."""
    clean(source, kind=kind)
    with collector_paused():
        clean(source, kind=kind)
        return gc.collect()


def test_an_html_page_leaves_no_reference_cycles() -> None:
    assert unreachable_after(ARTICLE_HTML, "html") == 0


def test_the_users_text_dump_leaves_no_reference_cycles() -> None:
    text = (SAMPLES / "roar-news-reset-to-rancor" / "input.txt").read_text(encoding="utf-8")
    assert unreachable_after(text, "text") == 0


@settings(PROFILE, max_examples=40)
@given(st.one_of(pages().map(lambda page: (page, "html")), text_dumps().map(lambda dump: (dump, "text"))))
def test_generated_pages_leave_no_reference_cycles(case: tuple[str, str]) -> None:
    assert unreachable_after(*case) == 0


def test_a_text_dump_keeps_about_one_object_a_line_alive(monkeypatch) -> None:
    """While the passes run, a dump keeps about one container object a line alive (its block), and a fixed few.

    Not one a trace step, a word list a line, or a second copy of each block a pass relabelled: the
    collector runs once 700 more such objects are alive than at its last run, so every object a page
    keeps to its end brings a collection, with its walk over the young objects, into our call sooner.
    """
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*/input.txt")))
    clean(text, kind="text")  # (fills the caches)
    real_run, alive, blocks = passes.run, [], []

    def run(doc, cfg, after_each=None):
        blocks.append(len(doc.blocks))
        held = [doc]  # (handed on, not kept in this frame)
        del doc

        def measure(name: str) -> None:
            alive.append(len(gc.get_objects()) - before)
            if after_each is not None:
                after_each(name)
        return real_run(held.pop(), cfg, after_each=measure)

    monkeypatch.setattr(passes, "run", run)
    with collector_paused():
        before = len(gc.get_objects())
        clean(text, kind="text")
    assert blocks[0] > 200
    assert max(alive) <= blocks[0] + 120, (max(alive), blocks[0])


def _menu_article_and_cards_page() -> str:
    """A page shaped like a news site's: a head of tags, a menu, an article in nested divs, teaser cards."""
    head = "".join(f"<meta name='m{i}' content='v{i}'><link rel='preload' href='/a{i}.css'><script>var x{i} = 1;</script>"
                   for i in range(40))
    menu = "".join(f"<li class='menu-item'><a href='/section/{i}'>Section {i}</a></li>" for i in range(60))
    body = "".join(f"<div class='row'><div class='col'><p>Paragraph {i} of the story tells what the council decided "
                   "about the budget, and why it matters to the town.</p></div></div>" for i in range(60))
    cards = "".join(f"<div class='card'><h3><a href='/more/{i}'>Another story {i}</a></h3><span>Teaser {i}...</span></div>"
                    for i in range(30))
    return (f"<!doctype html><html lang='en'><head><title>Council approves budget</title>{head}</head><body>"
            f"<header><nav><ul>{menu}</ul></nav></header><main><article><h1>Council approves budget</h1>{body}"
            f"</article></main><aside>{cards}</aside><footer><p>Contact us</p></footer></body></html>")


def test_an_html_page_keeps_about_its_elements_and_blocks_alive_when_segmented(monkeypatch) -> None:
    """When its blocks are built (the segmenter's peak), a page keeps alive its element records, its blocks
    and their paths (a tuple a block element holding text), and a fixed few.

    Not an lxml proxy a block element, a tuple a paragraph and its walk frame, nor the <meta>, <link>
    and <script> tags read for the metadata (~1,400 objects on this page before, ~730 now; 310 elements and 182
    blocks): every object a page keeps to its end brings a collection into our call sooner.
    """
    from cleanarticle.segment import html as segment_html

    page = _menu_article_and_cards_page()
    clean(page, kind="html")  # (fills the caches)
    real_blocks, alive = segment_html._Walker.blocks, []

    def blocks(walker):
        built = real_blocks(walker)
        alive.append((len(gc.get_objects()) - before, len(walker.elements), len(built)))
        return built

    monkeypatch.setattr(segment_html._Walker, "blocks", blocks)
    with collector_paused():
        before = len(gc.get_objects())
        clean(page, kind="html")
    [(objects, elements, blocks_built)] = alive
    assert elements > 300 and blocks_built > 150
    assert objects <= elements + 2 * blocks_built + 120, (objects, elements, blocks_built)

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

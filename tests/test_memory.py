"""A cleaned page's objects are freed by reference counting as soon as its Article is dropped.

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

from cleanarticle import clean
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

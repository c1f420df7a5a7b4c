"""Properties of clean() over generated pages (hypothesis; HYPOTHESIS_PROFILE=thorough for a big run)."""

from __future__ import annotations

from hypothesis import given

from cleanarticle import CleanArticleError, clean
from cleanarticle.patterns import WORD
from robust_strategies import hostile, pages, text_dumps


def _clean(source, **kw):
    try:
        return clean(source, **kw)
    except CleanArticleError:
        return None        # the library's own errors are allowed; anything else fails the test


@given(hostile())
def test_no_exception_but_our_own_and_deterministic(source) -> None:
    a, b = _clean(source), _clean(source)
    assert (a is None) == (b is None)
    if a is not None:
        assert a.to_dict(explain=True) == b.to_dict(explain=True)


@given(pages() | text_dumps())
def test_nothing_is_invented(source: str) -> None:
    article = _clean(source)
    if article is None:
        return
    for word in WORD.findall(article.body):
        assert word in source
    for field in (article.title, article.standfirst):
        for word in WORD.findall(field or ""):
            assert word in source


@given(pages() | text_dumps())
def test_cleaning_the_text_rendering_again_keeps_the_body(source: str) -> None:
    first = _clean(source)
    if first is None or not first.found:
        return
    second = clean(first.to_text(), kind="text")
    assert second.found
    kept = set(second.paragraphs) | {second.title, second.standfirst}
    assert all(p in kept for p in first.paragraphs)

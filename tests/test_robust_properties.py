"""Properties of clean() over generated pages (hypothesis; HYPOTHESIS_PROFILE=thorough for a big run)."""

from __future__ import annotations

import pytest
from hypothesis import given

from cleanarticle import CleanArticleError, clean
from cleanarticle.patterns import WORD
from robust_strategies import PROFILE, hostile, pages, text_dumps


def _clean(source, **kw):
    try:
        return clean(source, **kw)
    except CleanArticleError:
        return None        # the library's own errors are allowed; anything else fails the test


@PROFILE
@given(hostile())
def test_no_exception_but_our_own_and_deterministic(source) -> None:
    a, b = _clean(source), _clean(source)
    assert (a is None) == (b is None)
    if a is not None:
        assert a.to_dict(explain=True) == b.to_dict(explain=True)


@PROFILE
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


@PROFILE
@given(pages() | text_dumps())
def test_cleaning_the_text_rendering_again_adds_nothing(source: str) -> None:
    """Re-cleaning an article's text rendering returns only its own title, standfirst and paragraphs."""
    first = _clean(source)
    if first is None or not first.found:
        return
    second = clean(first.to_text(), kind="text")
    allowed = set(first.paragraphs) | {first.title, first.standfirst}
    assert all(p in allowed for p in second.paragraphs)


# Full idempotence (every paragraph survives re-cleaning) does not hold yet.  Found by the
# thorough hypothesis run; the cause is in the passes, not in load/segment.  HTML keeps
# "prose / <li>short</li> / prose" whole because a short <li> costs list_item_cost (3).  In
# the text rendering the short line has no tag, so it costs block_cost (10), while a
# 14-word paragraph is worth only 14 - block_cost = 4: main_run stops before the short line,
# the teasers pass then reads "short line + sentence" after the body as a teaser (section +
# summary), and what is left can fall under article_min_words.
IDEMPOTENCE_FAILURES = [
    '<html lang="en"><body> the the the the the the the the the the the the the the the.  <li class="content"> the,'
    '    <div class="content">    the the the the the the the the the the the the the the. </body></html>',
    '<html lang="en"><body> the the the the the the the the the the the the the the.  <li id="content"> the, </li>'
    '  the the the the the the the the the the the the the the. </body></html>',
]


@pytest.mark.xfail(strict=True, reason="text mode: a short line between prose costs block_cost, not "
                                       "list_item_cost as an <li> does, so main_run ends before it")
@pytest.mark.parametrize("source", IDEMPOTENCE_FAILURES)
def test_cleaning_the_text_rendering_again_keeps_the_body(source: str) -> None:
    first = clean(source)
    assert first.found
    second = clean(first.to_text(), kind="text")
    assert second.found
    kept = set(second.paragraphs) | {second.title, second.standfirst}
    assert all(p in kept for p in first.paragraphs)

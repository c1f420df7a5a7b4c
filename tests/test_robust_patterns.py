"""The patterns made linear for hostile text still split and match what they did."""

from __future__ import annotations

import time

import pytest

from cleanarticle import patterns as P


@pytest.mark.parametrize("text,parts", [
    ("Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
    ("Jane Doe, John Smith & Ann Lee", ["Jane Doe", "John Smith", "Ann Lee"]),
    ("Jane Doe  ,  John Smith", ["Jane Doe", "John Smith"]),
    ("Jane & & John", ["Jane", "", "John"]),
    ("Anna Müller und Jan Kowalski oraz Piotr Nowak", ["Anna Müller", "Jan Kowalski", "Piotr Nowak"]),
])
def test_name_list_split(text: str, parts: list[str]) -> None:
    assert P.NAME_LIST_SPLIT.split(text) == parts


@pytest.mark.parametrize("text,parts", [
    ("Council approves budget | Town News", ["Council approves budget", "Town News"]),
    ("Site :: Headline", ["Site", "Headline"]),
    ("A  -  B - C", ["A", "B", "C"]),
    ("no-separator-here", ["no-separator-here"]),
])
def test_title_separator(text: str, parts: list[str]) -> None:
    assert P.TITLE_SEPARATOR.split(text) == parts


@pytest.mark.parametrize("line", ["Menu", "  Share this »", "12 comments", "Read more →", "Comments (3)", "Home |",
                                  "-- Subscribe now --", "Teilen", "Lire la suite ›"])
def test_prompt_line_still_matches(line: str) -> None:
    assert P.fullmatch(P.PROMPT_LINE, line)


@pytest.mark.parametrize("line", ["Menu of the day at the school canteen.", "Read more books", "Sharing is caring"])
def test_prompt_line_still_refuses_prose(line: str) -> None:
    assert not P.fullmatch(P.PROMPT_LINE, line)


def test_a_spent_deadline_makes_patterns_give_up_not_raise() -> None:
    with P.deadline(time.monotonic() - 1):
        assert P.search(P.WORD, "word") is None
        assert P.fullmatch(P.PROMPT_LINE, "Menu") is None
    assert P.search(P.WORD, "word")


class _Recorder:
    """A stand-in pattern that records the time limit each call was given."""

    def __init__(self) -> None:
        self.timeouts: list[float | None] = []

    def search(self, text: str, timeout: float | None = None) -> None:
        self.timeouts.append(timeout)

    match = fullmatch = search


@pytest.mark.parametrize("call", [P.search, P.match, P.fullmatch, P.search_or_raise])
def test_only_texts_longer_than_untimed_chars_get_a_time_limit(call) -> None:
    rec = _Recorder()
    call(rec, "x" * P.UNTIMED_CHARS)
    call(rec, "x" * (P.UNTIMED_CHARS + 1))
    with P.deadline(time.monotonic() - 1):  # out of time: a short text too is timed (and cut short at once)
        call(rec, "x")
    assert rec.timeouts[0] is None and rec.timeouts[1] == 0.5 and rec.timeouts[2] == 0.0


@pytest.mark.parametrize("line", ["Share this", "By Jane Doe", "5 min read", "Photo: Reuters", "x" * 99 + " Menu"])
def test_untimed_and_timed_calls_find_the_same(line: str) -> None:
    for pattern in (P.PROMPT_LINE, P.WORD, P.CREDIT_LINE, P.READING_TIME):
        for text in (line, line + " " * (P.UNTIMED_CHARS + 1 - len(line))):  # at most UNTIMED_CHARS, and longer
            for method in ("search", "match", "fullmatch"):
                got = getattr(P, method)(pattern, text)
                want = getattr(pattern, method)(text, timeout=1.0)
                assert (got and got.span()) == (want and want.span())

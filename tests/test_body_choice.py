"""How the body is chosen in a text dump: the max-sum run, its headline anchor, comments
barriers, second copies of the article, and hard-wrapped paragraphs."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

import cleanarticle
from cleanarticle import Label
from cleanarticle.config import Config
from cleanarticle.passes import body, scoring
from cleanarticle.pipeline import segment

P1 = ("The city council voted on Tuesday to extend the night bus network to the northern suburbs, "
      "after a year in which ridership on the existing routes grew faster than anyone had expected.")
P2 = ("Officials said the new routes would start in March and run every twenty minutes between midnight "
      "and five in the morning, with extra services on Friday and Saturday nights.")
P3 = ("Residents of the suburbs had campaigned for the change since the last bus of the evening was "
      "moved forward by an hour, leaving shift workers without a way home from the hospital.")
COMMENT = ("I have been waiting for this for years and I think it is about time the council listened "
           "to the people who actually use the buses every night of the week, not just the planners.")


def _doc(text: str):
    return segment(text, "text", Config())


def test_headline_repeated_from_the_title_line_anchors_the_body():
    # A long block of unrelated prose comes first; the body is the run after the repeated headline.
    other = " ".join([P3, P3, P3])
    text = "\n\n".join([
        "Night buses reach the northern suburbs | City Paper", other, "Menu", "Home",
        "Night buses reach the northern suburbs", P1, P2,
    ])
    doc = _doc(text)
    assert scoring.title_anchor(doc, Config()) == 4
    art = cleanarticle.clean(text, kind="text")
    assert art.paragraphs == [P1, P2]
    assert art.title == "Night buses reach the northern suburbs"


def test_no_anchor_when_the_title_line_is_not_repeated():
    doc = _doc("\n\n".join(["Connect with us", P1, P2]))
    assert scoring.title_anchor(doc, Config()) is None


def test_a_comments_heading_is_a_barrier_the_body_does_not_cross():
    # Without the barrier, the three comments would outweigh the two-paragraph article after its headline.
    text = "\n\n".join(["Night buses reach the northern suburbs - City Paper", "Night buses reach the northern suburbs",
                        P1, P2, "12 Comments", COMMENT, COMMENT.replace("years", "decades"), COMMENT[:-1] + "!"])
    art = cleanarticle.clean(text, kind="text")
    assert art.paragraphs == [P1, P2]
    assert not any("waiting for this" in p for p in art.paragraphs)


def test_a_lone_comments_link_is_not_a_barrier():
    b = _doc("Comments").blocks[0]
    assert not scoring.is_barrier(b, Config())
    assert scoring.is_barrier(_doc("Leave a Reply").blocks[0], Config())
    assert scoring.is_barrier(_doc("34 responses to “Night buses”").blocks[0], Config())


def test_best_run_respects_barriers_and_distance_cost():
    values = [5.0, -1.0, 5.0, 100.0]
    assert body._best_run(values, [False, False, True, False], range(4)) == (3, 3)
    assert body._best_run(values, [False] * 4, range(4)) == (0, 3)
    # starting far from the origin costs: 100 - 3*40 < 9
    assert body._best_run(values, [False] * 4, range(4), 0, 40.0) == (0, 3)
    assert body._best_run([-1.0, -2.0], [False, False], range(2)) is None


def test_second_copy_of_the_article_is_marked_as_a_repeat():
    copy = " ".join([P1, P2, P3])
    text = "\n\n".join([P1, P2, P3, copy, P2])
    art = cleanarticle.clean(text, kind="text")
    assert art.paragraphs == [P1, P2, P3]
    reasons = {b.index: b.reason for b in art.blocks if b.label is Label.CHROME}
    assert reasons[3] == "repeats 3 earlier paragraphs"
    assert reasons[4] == "repeats an earlier paragraph"


def test_a_block_holding_earlier_paragraphs_counts_each_it_holds():
    # mark_repeats searches a block only for the paragraphs whose first character it holds: the counts are
    # those of searching for every one (paragraphs led by a quote, a digit, a letter not ASCII; a block
    # holding some whole, others cut, and their first characters elsewhere).
    import random
    rng = random.Random(16)
    leads = ["«Le conseil", "3 new routes", "Élus et habitants", "The council", "“Night buses”", "Zoning rules"]
    paragraphs = [f"{lead} {rest}" for lead, rest in zip(leads, (P1, P2, P3, P1[::-1], P2[::-1], P3[::-1]))]
    for _ in range(40):
        held = rng.sample(paragraphs, rng.randrange(0, len(paragraphs) + 1))
        parts = [p if rng.random() < 0.7 else p[:-7] for p in held] + [rng.choice(leads)[:1] + " and more words"] * 60
        rng.shuffle(parts)
        block = " ".join(parts)
        doc = body.mark_repeats(segment("\n\n".join([*paragraphs, block]), "text", Config()), Config())
        count = sum(p in block for p in paragraphs)
        reason = doc.blocks[-1].reason
        assert reason == (f"repeats {count} earlier paragraphs" if count >= 3 else "initial"), (count, reason)


def test_repeats_pass_can_be_disabled():
    copy = " ".join([P1, P2, P3])
    art = cleanarticle.clean("\n\n".join([P1, P2, P3, copy]), kind="text", disabled={"repeats"})
    assert art.paragraphs[-1] == copy


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = ("The council voted on Tuesday to extend the night bus\n"
               "network to the northern suburbs, after a year in which\n"
               "ridership grew faster than expected.\n\n"
               "Menu\nHome\nContact")
    doc = _doc(wrapped)
    assert doc.blocks[0].text == ("The council voted on Tuesday to extend the night bus network to the northern "
                                  "suburbs, after a year in which ridership grew faster than expected.")
    assert [b.text for b in doc.blocks[1:]] == ["Menu", "Home", "Contact"]


def test_lines_of_a_list_are_not_joined():
    doc = _doc("Apple Pay\nApple Watch\nlatest news\n")
    assert [b.text for b in doc.blocks] == ["Apple Pay", "Apple Watch", "latest news"]


def test_double_spaced_dump_gaps_are_measured_against_the_usual_gap():
    text = "\n\n\n".join([P1, P2, P3]) + "\n\n\n\n\nFooter line"
    gaps = [b.gap_before for b in _doc(text).blocks]
    assert gaps == [0, 1, 1, 3]


def test_a_bare_name_next_to_a_dateline_is_the_author():
    text = "\n\n".join(["Night buses reach the northern suburbs", "Dana Whitfield, MS", "Published March 3, 2024", P1, P2])
    art = cleanarticle.clean(text, kind="text")
    assert art.authors == ["Dana Whitfield, MS"]
    assert art.date == "2024-03-03"
    assert art.paragraphs == [P1, P2]


def test_a_bare_two_word_line_without_a_dateline_is_not_an_author():
    text = "\n\n".join(["Night buses reach the northern suburbs", "Travel Tips", P1, P2])
    assert cleanarticle.clean(text, kind="text").authors == []


@pytest.mark.parametrize("line", ["plain words here", "two  spaces", "a\tb", "a\x1fb", "nbsp\u00a0here", "thin\u2009space",
                                  "café au lait", "x" * 50])
def test_text_lines_are_single_spaced_as_splitting_would_make_them(line):
    from cleanarticle.segment.text import segment as segment_text

    doc = segment_text(f"Title\n\n{line}\n", Config(max_block_chars=40))
    assert doc.blocks[1].text == " ".join(line[:40].split())


def _best_run_by_loop(values, barriers, starts, origin=0, distance_cost=0.0):
    """``body._best_run`` as it was written before its starts were searched with max and index: a loop."""
    n = len(values)
    best_sum, best_end = [0.0] * (n + 1), [-1] * (n + 1)
    tail, tail_end = 0.0, -1
    for i in range(n - 1, -1, -1):
        if barriers[i]:
            tail, tail_end = float("-inf"), -1
        elif tail > 0:
            tail += values[i]
        else:
            tail, tail_end = values[i], i
        best_sum[i], best_end[i] = tail, tail_end
    best, most = None, 0.0
    for s in starts:
        end = best_end[s]
        total = best_sum[s] - distance_cost * (s - origin)
        if end >= 0 and total > most:
            best, most = (s, end), total
    return best


def test_best_run_finds_the_run_the_loop_over_its_starts_found():
    # Values as block_values gives them (costs, prose worth words beyond a cost, link shares), ties
    # included, with barriers, windows of starts and a distance cost as the anchor's.
    import random
    rng = random.Random(8)
    for _ in range(3000):
        n = rng.randrange(0, 40)
        values = [rng.choice([-8.0, -5.5, -1.0, 0.0, -30.0, 12.0, 3.0, rng.randrange(-20, 60) * rng.random()])
                  for _ in range(n)]
        barriers = [rng.random() < 0.08 for _ in range(n)]
        lo = rng.randrange(0, n + 1)
        hi = rng.randrange(lo, n + 1)
        cost = rng.choice([0.0, 0.0, 1.0, 0.7])
        origin = rng.randrange(0, lo + 1)
        assert body._best_run(values, barriers, range(lo, hi), origin, cost) == \
            _best_run_by_loop(values, barriers, range(lo, hi), origin, cost)
    assert body._best_run([], [], range(0)) is None


def test_the_text_segmenter_takes_up_to_max_blocks_lines_and_no_break_before_the_first():
    # Blank lines before the first line are no break; the limit is on the lines once hard-wrapped ones are joined.
    from cleanarticle.errors import InputError

    doc = segment("\n\n\nOne line\n\nTwo\nthree and on\n\n\nFour", "text", Config(max_blocks=4))
    assert [(b.text, b.gap_before) for b in doc.blocks] == [("One line", 0), ("Two", 1), ("three and on", 0), ("Four", 2)]
    wrapped = "\n".join(["One two three four five six", "seven eight", "", "B", "", "C"])
    assert [b.text for b in segment(wrapped, "text", Config(max_blocks=3)).blocks] == [
        "One two three four five six seven eight", "B", "C"]
    with pytest.raises(InputError, match="max_blocks"):
        segment(wrapped + "\n\nD", "text", Config(max_blocks=3))


@pytest.mark.parametrize("gaps", [[], [1], [0, 0], [1, 1, 2], [2, 2, 1], [1, 2], [2, 1], [3, 3, 1, 1, 0, 0, 0],
                                  [1, 1, 3, 3, 0], [2, 2, 2, 0, 0, 0, 0, 1], [1, 0, 0, 0, 2], [4, 1, 4, 1, 1]])
def test_the_gaps_are_measured_against_the_most_common_one_as_a_counter_finds_it(gaps):
    # The segmenter counts the gaps of one blank line first; the rule is Counter's most common gap (the first seen of a tie).
    page = "Line 0." + "".join("\n" * (gap + 1) + f"Line {n}." for n, gap in enumerate(gaps, 1))
    counts = Counter(g for g in gaps if g)
    shift = counts.most_common(1)[0][0] - 1 if counts else 0
    assert [b.gap_before for b in _doc(page).blocks] == [0] + [max(0, g - shift) if g else 0 for g in gaps]


def _text_dumps_as_main_run_gets_them():
    """Each sample's text dump, segmented and through the passes before main_run (some blocks labelled chrome)."""
    from golden import SAMPLES

    from cleanarticle import passes
    cfg = Config()
    before = passes.PASS_NAMES[:passes.PASS_NAMES.index("main_run")]
    for path in sorted(SAMPLES.glob("*/input.txt")):
        doc = segment(path.read_text(encoding="utf-8"), "text", cfg)
        for p in passes.PASSES:
            if p.name in before and "text" in p.kinds:
                doc = p.func(doc, cfg)
        yield path.parent.name, doc


def test_a_text_dumps_run_sums_are_those_of_its_block_values():
    """text_run_sums leaves out the tag, heading and link share (a text dump's blocks have none) and sums each
    value as it makes it: the sums and ends of block_values' values, with barriers, other settings, no language."""
    import random
    rng = random.Random(19)
    cfg = Config()
    variants = (cfg, Config(min_stopword_share=0.3, gap_cost=3.5, prose_min_words=4, chrome_word_cost=0.3))
    for name, doc in _text_dumps_as_main_run_gets_them():
        assert {b.tag for b in doc.blocks} <= {"line"} and not any(b.heading or b.link_share for b in doc.blocks), name
        n = len(doc.blocks)
        for barriers in ([False] * n, [rng.random() < 0.1 for _ in range(n)]):
            for variant in variants:
                for lo in (0, 1, n // 2):
                    assert scoring.text_run_sums(doc, variant, barriers, lo) == \
                        body._run_sums(scoring.block_values(doc, variant), barriers, lo), name
            no_language = dataclasses.replace(doc, stopword_language=False)
            assert scoring.text_run_sums(no_language, cfg, barriers) == \
                body._run_sums(scoring.block_values(no_language, cfg), barriers, 0), name


def test_main_run_chooses_a_text_dumps_run_as_from_its_block_values():
    """The runs chosen from text_run_sums are those _best_run finds in block_values (anchored or not)."""
    cfg = Config()
    for name, doc in _text_dumps_as_main_run_gets_them():
        n = len(doc.blocks)
        barriers = [False] * n
        values = scoring.block_values(doc, cfg)
        sums = scoring.text_run_sums(doc, cfg, barriers)
        for lo in range(0, n, 3):
            for hi in (lo, lo + 5, n):
                assert body._chosen_run(*sums, range(lo, min(hi, n)), lo, cfg.anchor_distance_cost) == \
                    body._best_run(values, barriers, range(lo, min(hi, n)), lo, cfg.anchor_distance_cost), name
                assert body._chosen_run(*sums, range(lo, min(hi, n))) == \
                    body._best_run(values, barriers, range(lo, min(hi, n))), name


def test_the_declared_titles_main_run_leaves_are_those_the_title_pass_would_find():
    """mark_title reads main_run's declared titles: the passes between them change no label title_line reads."""
    from golden import SAMPLES

    from cleanarticle import passes
    cfg = Config()
    before = passes.PASS_NAMES[:passes.PASS_NAMES.index("title")]
    for path in sorted(SAMPLES.glob("*/input.*")):
        kind = "html" if path.suffix == ".html" else "text"
        doc = segment(path.read_text(encoding="utf-8"), kind, cfg)
        for p in passes.PASSES:
            if p.name in before and kind in p.kinds:
                doc = p.func(doc, cfg)
        if "declared_titles" in doc.meta:
            assert doc.meta["declared_titles"] == scoring.declared_titles(doc, cfg), path.parent.name

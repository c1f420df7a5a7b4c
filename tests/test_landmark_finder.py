"""The DOM passes' landmark finder: its remembered answers are those of walking up from each element."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanarticle.document import Element
from cleanarticle.passes import dom


def _innermost_landmark_walking_up(elements, prose, limit, i):
    """The landmark finder's answer found as its docstring says, walking up from element i (no memo)."""
    held = False
    while i >= 0:
        lm = elements[i].landmark
        if lm in ("table", "blockquote", "pre"):
            held = True
        elif lm == "figure" and held:
            return "figure-content"
        elif lm in ("nav", "aside", "footer", "header"):
            if prose[i] <= limit or lm == "footer":
                return lm
        elif lm in ("article", "main") or lm in ("figure", "figcaption") and prose[i] <= limit:
            return lm
        i = elements[i].parent
    return ""


_LANDMARK_CHOICES = ("", "", "", "nav", "aside", "footer", "header", "article", "main", "figure", "figcaption",
                     "table", "blockquote", "pre", "li", "form")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(_LANDMARK_CHOICES), st.integers(0, 30)),
                min_size=1, max_size=40),
       st.integers(0, 40), st.randoms(use_true_random=False))
def test_the_landmark_finder_answers_as_walking_up_each_element_does(rows, limit, rnd):
    # Random trees (each element's parent before it), landmarks and prose, asked in a random order:
    # the answers kept for the elements passed never change a later answer.
    elements = tuple(Element("div", "", r % (i + 1) - 1, 0, lm) for i, (r, lm, _) in enumerate(rows))
    prose = [p for _, _, p in rows]
    innermost = dom._landmark_finder(elements, prose, limit)
    order = list(range(len(elements))) * 2
    rnd.shuffle(order)
    for i in order:
        assert innermost(i) == _innermost_landmark_walking_up(elements, prose, limit, i)

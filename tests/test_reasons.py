"""The reasons later passes act on: the words a pass writes are the words the others test."""

from cleanarticle import clean, reasons


def test_a_class_hint_reason_gives_back_its_hint():
    assert reasons.hint_of(reasons.class_hint("related-posts")) == "related-posts"
    assert reasons.hint_of(reasons.INSIDE_FOOTER) is None
    assert reasons.hint_of(reasons.link_text(0.9)) is None


def test_reasons_in_the_trace_are_the_named_ones():
    page = """<html><head><title>Harbour</title></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
      <article><h1>Harbour walls to be rebuilt</h1>
        <p>The council voted on Tuesday to rebuild the harbour walls, which were damaged in last
        winter's storms, at a cost the treasurer put at four million pounds over three years.</p>
        <p>Work starts in the spring, when the fishing fleet is at sea, and the harbour master
        said boats would be moved to the outer basin while each section is done.</p>
        <div class="related"><p>Council elections: who is standing in each ward this year</p></div>
      </article>
      <footer><p>Harbour Gazette, 12 Quay Street, all rights reserved</p></footer>
    </body></html>"""
    article = clean(page)
    why = {step.text: step.reason for step in article.trace if step.new == "chrome"}
    assert why["Harbour Gazette, 12 Quay Street, all rights reserved"] == reasons.INSIDE_FOOTER
    assert reasons.hint_of(why["Council elections: who is standing in each ward this year"]) == "related"
    assert why["Home News Sport"] == reasons.INSIDE_NAV

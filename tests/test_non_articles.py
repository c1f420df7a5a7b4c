"""Pages that are not articles (listings, product pages, shops) still give their main content."""

from __future__ import annotations

import json

import cleanarticle

_BLURB = ("Our potters throw every bowl by hand in a small workshop by the sea, and each glaze is mixed "
          "in the studio. Choose a size and a colour below; every piece ships within a week.")
_NAV = "".join(f"<li><a href='/c{i}'>Category {i}</a></li>" for i in range(30))


def _shop(head: str = "", items: int = 14) -> str:
    cards = "".join(f"<li><a href='/p{i}'><h3>Stoneware bowl number {i}</h3></a><p>Speckled glaze, 15 cm</p>"
                    f"<p>$ {20 + i}.00</p></li>" for i in range(items))
    return (f"<html><head>{head}</head><body><header><ul>{_NAV}</ul></header><main><h1>Bowls</h1>"
            f"<p>{_BLURB}</p><ul class='products'>{cards}</ul></main>"
            "<footer><p>Returns and shipping</p><p>© 2025 The Pottery</p></footer></body></html>")


def test_a_listing_with_a_short_blurb_gives_its_items_not_just_the_blurb():
    art = cleanarticle.clean(_shop(), kind="html")
    assert _BLURB in art.body
    assert "Stoneware bowl number 3" in art.body and "Speckled glaze, 15 cm" in art.body
    assert "Category 4" not in art.body and "Returns and shipping" not in art.body
    assert any("the page's <main>" in s.reason for s in art.trace)


def test_a_page_declaring_itself_an_article_keeps_its_short_body():
    for head in ("<meta property='og:type' content='article'>",
                 "<script type='application/ld+json'>" + json.dumps({"@type": "NewsArticle", "headline": "Bowls"})
                 + "</script>"):
        art = cleanarticle.clean(_shop(head), kind="html")
        assert art.body == _BLURB


def test_a_product_schema_does_not_declare_an_article():
    head = "<script type='application/ld+json'>" + json.dumps({"@type": "Product", "name": "Bowls"}) + "</script>"
    art = cleanarticle.clean(_shop(head), kind="html")
    assert "Stoneware bowl number 3" in art.body


def test_a_short_main_with_little_more_than_the_body_is_left_alone():
    art = cleanarticle.clean(_shop(items=1), kind="html")
    assert "Stoneware bowl number 0" not in art.body
    assert _BLURB in art.body


def test_the_product_hidden_inside_main_until_scripts_run_is_read():
    text = ("This hand-thrown mug holds 350 ml and keeps coffee warm for longer thanks to its thick walls. "
            "Each one is glazed by hand, so the speckles differ from mug to mug. Dishwasher safe.")
    page = (f"<html><body><header><ul>{_NAV}{_NAV}</ul></header><main><div style='display:none'>"
            f"<h1>Speckled mug</h1><p>{text}</p></div></main><footer><p>Contact</p></footer></body></html>")
    assert cleanarticle.clean(page, kind="html").body == text

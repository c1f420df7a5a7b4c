"""What ``import cleanarticle`` loads: cleaning a text dump must not pay for the HTML machinery."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, sys
import cleanarticle
article = cleanarticle.clean("Council approves budget\\n\\nThe council voted on Tuesday to approve the budget for the "
                             "next year, after a long debate about the cost of the new school.\\n", kind="text")
print(json.dumps({"found": article.found, "modules": sorted(sys.modules)}))
"""


def _modules_after_a_text_dump() -> tuple[bool, set[str]]:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    return result["found"], set(result["modules"])


def test_a_text_dump_never_loads_lxml_or_the_html_segmenter() -> None:
    found, modules = _modules_after_a_text_dump()
    assert found
    assert not {m for m in modules if m == "lxml" or m.startswith("lxml.")}
    assert "cleanarticle.segment.html" not in modules


def test_an_html_page_loads_the_html_segmenter_on_first_use() -> None:
    import cleanarticle

    article = cleanarticle.clean("<html><body><h1>Budget</h1><p>The council voted on Tuesday to approve the budget "
                                 "for the next year, after a long debate about the cost of the school.</p></body></html>")
    assert "cleanarticle.segment.html" in sys.modules and "lxml.etree" in sys.modules
    assert article.kind == "html" and article.found

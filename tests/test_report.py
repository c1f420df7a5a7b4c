"""The visual report: structure, escaping, folding, the batch index, and a real browser rendering it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

import cleanarticle
from cleanarticle.report import FOLD_CHROME_RUN, report, report_index, write_report_dir

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from browser import dump_dom, find_chromium, screenshot  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "roar-news-reset-to-rancor" / "input.txt"
HOSTILE = """<html><head><title>t</title></head><body><nav><a href="/">Home</a><a href="/a">A</a><a href="/b">B</a>
<a href="/c">C</a><a href="/d">D</a></nav><article><h1>A headline about scripts</h1>
<p>This paragraph talks about code and shows &lt;script&gt;alert(1)&lt;/script&gt; as plain text inside it, which
a careful report must print as text and never run, whatever the browser does with the page.</p>
<p>A second paragraph follows with enough words to be read as prose by the passes that choose the body.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def sample_article():
    return cleanarticle.clean(SAMPLE)


def _tree(page: str):
    return lxml_html.document_fromstring(page)


def test_every_block_appears_exactly_once_with_its_label_and_reason(sample_article):
    tree = _tree(report(sample_article, source="input.txt"))
    ids = [el.get("id") for el in tree.iter("div") if (el.get("class") or "").startswith("blk")]
    assert ids == [f"b{b.index}" for b in sample_article.blocks]
    for b in sample_article.blocks:
        el = tree.get_element_by_id(f"b{b.index}")
        assert el.get("data-label") == b.label.value
        text = el.text_content()
        assert b.text in text
        if b.reason != "initial":
            assert b.reason in text


def test_earlier_labels_are_shown(sample_article):
    tree = _tree(report(sample_article))
    title_block = next(b for b in sample_article.blocks if b.label.value == "title")
    hist = tree.get_element_by_id(f"b{title_block.index}").find_class("hist")[0].text_content()
    assert hist.startswith("content → chrome") and "→ title" in hist and "main_run" in hist


def test_metadata_and_legend_are_shown(sample_article):
    page = report(sample_article, source="input.txt")
    header = _tree(page).find(".//header").text_content()
    for value in ("From Reset to Rancor", "Patrick Schnecker", "truncated", "yes", "16 paragraphs", "input.txt"):
        assert value in header
    counts = Counter(b.label.value for b in sample_article.blocks)
    assert f"teaser {counts['teaser']}" in header


def test_page_text_is_escaped_and_inert():
    art = cleanarticle.clean(HOSTILE, kind="html")
    page = report(art)
    tree = _tree(page)
    assert not list(tree.iter("script"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" in tree.text_content()


def test_long_runs_of_chrome_are_folded():
    text = "\n\n".join(["Menu", "Home", "News", "Sport", "Weather", "Contact",
                        "The council voted on Tuesday to extend the night bus network to the northern suburbs after a "
                        "year of growth in ridership on the existing routes, officials said.",
                        "The new routes start in March and run every twenty minutes between midnight and five."])
    art = cleanarticle.clean(text, kind="text")
    tree = _tree(report(art))
    details = list(tree.iter("details"))
    assert len(details) == 1
    assert len(details[0].find_class("blk")) > FOLD_CHROME_RUN
    assert "chrome blocks" in details[0].find("summary").text_content()


def test_index_and_report_dir(tmp_path, sample_article):
    out = tmp_path / "reports"
    index = write_report_dir(out, [("a/input.txt", sample_article), ("broken.html", "input is empty")])
    tree = _tree(index.read_text(encoding="utf-8"))
    links = [a.get("href") for a in tree.iter("a")]
    assert links == ["a_input.txt.html"]
    assert (out / "a_input.txt.html").is_file()
    assert "input is empty" in tree.text_content()
    assert "report_index" and "cleanarticle reports" in report_index([])


def test_report_dir_never_overwrites_an_input(tmp_path, sample_article):
    victim = tmp_path / "x.html"
    victim.write_text("keep me", encoding="utf-8")
    write_report_dir(tmp_path, [("x", sample_article)], inputs=[victim])
    assert victim.read_text(encoding="utf-8") == "keep me"


@pytest.mark.skipif(not find_chromium() and os.environ.get("CI") != "true",
                    reason="Debian's chromium is not installed here (CI installs it and runs this test)")
def test_report_renders_in_headless_chromium(tmp_path, sample_article):
    assert find_chromium(), "chromium must be installed in CI (.ci/run installs it)"
    page = tmp_path / "report.html"
    page.write_text(report(sample_article, source="input.txt"), encoding="utf-8")
    dom = dump_dom(page)
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = _tree(dom.stdout)
    assert len(rendered.find_class("blk")) == len(sample_article.blocks)
    assert not list(rendered.iter("script"))
    png = tmp_path / "shot.png"
    shot = screenshot(page, png, 1200, 1600)
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 1600)
    assert len(data) > 20_000  # a blank page compresses to a few KB; a rendered report does not


def test_cli_report_for_one_input_and_for_a_batch(tmp_path):
    from typer.testing import CliRunner

    from cleanarticle.cli import app

    runner = CliRunner()
    page = tmp_path / "one.html"
    r = runner.invoke(app, [str(SAMPLE), "--report", str(page)])
    assert r.exit_code == 0 and page.is_file()
    assert "From Reset to Rancor" in page.read_text(encoding="utf-8")
    victim = tmp_path / "in.txt"
    victim.write_bytes(SAMPLE.read_bytes())
    r = runner.invoke(app, [str(victim), "--report", str(victim)])
    assert r.exit_code == 2 and "refusing to overwrite the input" in r.stderr
    assert victim.read_bytes() == SAMPLE.read_bytes()
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.txt").write_bytes(SAMPLE.read_bytes())
    (batch / "empty.txt").write_bytes(b"")
    reports = tmp_path / "reports"
    r = runner.invoke(app, [str(batch), "-f", "jsonl", "-q", "-j", "1", "--report", str(reports)])
    assert r.exit_code == 1  # one input failed
    index = _tree((reports / "index.html").read_text(encoding="utf-8"))
    hrefs = [a.get("href") for a in index.iter("a")]
    assert len(hrefs) == 1 and (reports / hrefs[0]).is_file()
    assert "input is empty" in index.text_content()


def test_the_report_builder_is_imported_on_first_use_and_report_stays_the_function():
    code = ("import sys, cleanarticle; print('cleanarticle._report' in sys.modules);"
            " import cleanarticle.report; from cleanarticle.report import IndexEntry, FOLD_CHROME_RUN;"
            " print(callable(cleanarticle.report), IndexEntry.__module__, FOLD_CHROME_RUN)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}).stdout.split()
    assert out == ["False", "True", "cleanarticle._report", str(FOLD_CHROME_RUN)]

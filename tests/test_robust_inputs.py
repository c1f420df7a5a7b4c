"""Bad and hostile input: a clear one-line error and a documented exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanarticle import CleanArticleError, clean
from cleanarticle.cli import EXIT_CODES, app
from robust_cases import ARTICLE_HTML, CASES, PARAS, Case

runner = CliRunner()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_library(case: Case, tmp_path: Path) -> None:
    source = case.make(tmp_path)
    if case.error is None:
        article = clean(source, **case.overrides)
        if case.exit_code == 3:
            assert not article.found and article.body == ""
        else:
            assert article.found and case.message in article.body
        return
    with pytest.raises(case.error) as info:
        clean(source, **case.overrides)
    assert isinstance(info.value, CleanArticleError)
    assert info.value.exit_code == case.exit_code
    message = str(info.value)
    assert case.message in message and "\n" not in message


@pytest.mark.parametrize("case", [c for c in CASES if c.cli], ids=[c.name for c in CASES if c.cli])
def test_cli(case: Case, tmp_path: Path) -> None:
    source = case.make(tmp_path)
    if isinstance(source, Path):
        result = runner.invoke(app, [str(source)])
    else:
        result = runner.invoke(app, [], input=source)
    assert result.exit_code == case.exit_code, result.stderr
    assert result.exit_code in EXIT_CODES
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    if case.exit_code == 0:
        assert case.message in result.stdout
    else:
        assert result.stdout == ""
        assert result.stderr.startswith("cleanarticle: error: ") and result.stderr.count("\n") == 1
        assert case.message in result.stderr


def test_cli_in_a_real_process(tmp_path: Path) -> None:
    """The installed entry point, in its own process: exit codes and one-line messages on stderr."""
    by_name = {c.name: c for c in CASES}
    for name in ("empty bytes", "PNG image saved as .html", "missing file", "nginx 404 page", "100,000 nested divs"):
        case = by_name[name]
        source = case.make(tmp_path)
        args = [sys.executable, "-m", "cleanarticle"]
        if isinstance(source, Path):
            proc = subprocess.run(args + [str(source)], capture_output=True, timeout=120)
        else:
            proc = subprocess.run(args, input=source, capture_output=True, timeout=120)
        err = proc.stderr.decode()
        assert proc.returncode == case.exit_code, (name, err)
        assert "Traceback" not in err
        if case.exit_code:
            assert err.count("\n") == 1 and case.message in err
        else:
            assert case.message in proc.stdout.decode()


def test_output_never_overwrites_the_input(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML)
    result = runner.invoke(app, [str(page), "-o", str(page)])
    assert result.exit_code == 2
    assert page.read_text() == ARTICLE_HTML


def test_failed_run_leaves_an_existing_output_alone(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("keep me")
    result = runner.invoke(app, [str(tmp_path / "missing.html"), "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text() == "keep me"


def test_deep_nesting_keeps_text_before_inside_and_after() -> None:
    """libxml2 stops at depth 2048; the page is flattened and no paragraph is lost."""
    page = ("<html><body><p>" + PARAS[0] + "</p>" + "<div><span>" * 50_000 + "<p>" + PARAS[1] + "</p>"
            + "</span></div>" * 50_000 + "<p>" + PARAS[2] + "</p><p>" + PARAS[3] + "</p></body></html>")
    article = clean(page)
    for p in PARAS:
        assert p in article.body


def test_deep_nesting_in_a_soup_object() -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup("<html><body>" + "<div>" * 20_000 + "".join(f"<p>{p}</p>" for p in PARAS)
                         + "</div>" * 20_000 + "</body></html>", "html.parser")
    assert PARAS[3] in clean(soup).body


def test_flattening_keeps_shallow_markup_as_is() -> None:
    from cleanarticle.load import flatten_deep_markup

    html = "<div><p>a</p><p>b</div><script>if (a<b) {x='<div>'}</script><!-- <div> --><br><img src=x>"
    assert flatten_deep_markup(html, 10) == html
    assert flatten_deep_markup("<ul><li>a<li>b</ul>", 10) == "<ul><li>a</li><li>b</ul>"
    assert flatten_deep_markup("<div><div><div>x</div></div></div>", 2) == "<div><div>x</div></div>"


def test_a_huge_block_is_cut_not_lost_silently() -> None:
    article = clean("<p>" + ("word " * 100_000) + ".</p>", max_block_chars=1_000)
    assert len(article.body) <= 1_000


def test_not_an_article_threshold_is_a_setting() -> None:
    from robust_cases import APACHE_404

    assert not clean(APACHE_404).found
    assert clean(APACHE_404, article_min_words=0).found
    assert clean(ARTICLE_HTML).found
    steps = [s for s in clean(APACHE_404).trace if s.pass_name == "not_an_article"]
    assert steps and "article_min_words" in steps[0].reason

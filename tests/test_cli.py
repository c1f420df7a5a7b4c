"""The command line on one input: options, outputs, messages and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanarticle import PASS_NAMES, __version__
from cleanarticle.cli import app

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "roar-news-reset-to-rancor" / "input.txt"
TITLE = "From Reset to Rancor: The US-Russian Perpetual Cycle of Personalities"


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_text_output_is_title_standfirst_body(runner):
    r = invoke(runner, str(SAMPLE))
    assert r.exit_code == 0
    out = r.stdout
    assert out.startswith(TITLE + "\n\nDialogue staff writer Patrick Schnecker")
    assert "The relationship between Russia and the West" in out
    assert "Connect with us" not in out and "Staff writer Sara Okada" not in out


def test_json_output_has_every_documented_field(runner):
    from cleanarticle import JSON_FIELDS

    r = invoke(runner, str(SAMPLE), "-f", "json")
    d = json.loads(r.stdout)
    assert list(d) == list(JSON_FIELDS)
    assert d["authors"] == ["Patrick Schnecker"] and d["truncated"] is True and len(d["teasers"]) == 9
    assert "removed" not in d and "trace" not in d


def test_markdown_output(runner):
    r = invoke(runner, str(SAMPLE), "--format", "markdown")
    assert r.exit_code == 0
    assert r.stdout.startswith("# From Reset to Rancor")
    assert "\n---\n" in r.stdout  # the teasers follow a rule


def test_explain_prints_a_table_on_stderr_and_json_gets_removed_and_trace(runner):
    r = invoke(runner, str(SAMPLE), "--explain")
    assert r.exit_code == 0
    assert "main_run" in r.stderr and "outside the main run" in r.stderr
    assert "main_run" not in r.stdout
    d = json.loads(invoke(runner, str(SAMPLE), "-f", "json", "--explain").stdout)
    assert {x["label"] for x in d["removed"]} >= {"chrome", "teaser", "credit", "caption", "title", "standfirst"}
    assert all({"pass", "index", "text", "from", "to", "reason"} <= set(step) for step in d["trace"])


def test_output_file(runner, tmp_path):
    out = tmp_path / "article.txt"
    r = invoke(runner, str(SAMPLE), "-o", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(TITLE)
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed away


def test_output_never_overwrites_the_input(runner, tmp_path):
    src = tmp_path / "page.txt"
    src.write_bytes(SAMPLE.read_bytes())
    r = invoke(runner, str(src), "-o", str(src))
    assert r.exit_code == 2
    assert "refusing to overwrite the input" in r.stderr
    assert src.read_bytes() == SAMPLE.read_bytes()


def test_kind_and_url(runner, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("<p>" + ("A sentence of plain words that reads like prose. " * 6) + "</p>\n", encoding="utf-8")
    as_text = json.loads(invoke(runner, str(page), "--kind", "text", "-f", "json").stdout)
    as_html = json.loads(invoke(runner, str(page), "--kind", "html", "-f", "json", "--url",
                                "https://example.org/2024/03/05/story").stdout)
    assert as_text["body"].startswith("<p>")
    assert not as_html["body"].startswith("<p>")
    assert as_html["url"] == "https://example.org/2024/03/05/story" and as_html["date"] == "2024-03-05"


def test_disable_a_pass(runner):
    d = json.loads(invoke(runner, str(SAMPLE), "-f", "json", "--disable", "teasers").stdout)
    assert d["teasers"] == []
    r = invoke(runner, str(SAMPLE), "--disable", "nope")
    assert r.exit_code == 2 and "unknown pass name" in r.stderr


def test_list_passes_and_version(runner):
    r = invoke(runner, "--list-passes")
    assert r.exit_code == 0
    assert [line.split()[0] for line in r.stdout.splitlines()] == list(PASS_NAMES)
    r = invoke(runner, "--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"cleanarticle {__version__}"
    assert invoke(runner, "-h").exit_code == 0


def _file(name: str, data: bytes):
    def make(d: Path) -> Path:
        (d / name).write_bytes(data)
        return d / name
    return make


@pytest.mark.parametrize("make,code,message", [
    (lambda d: d / "missing.html", 1, "no such file"),
    (lambda d: d, 2, "several inputs cannot be written as one text stream"),  # a folder is a batch
    (_file("x.png", b"\x89PNG\r\n\x1a\n" + bytes(200)), 1, "PNG image"),
    (_file("e.txt", b""), 1, "empty"),
    (_file("n.html", b"<html><body><p>Page not found.</p></body></html>"), 3, "no article found"),
], ids=["missing", "directory", "binary", "empty", "not-an-article"])
def test_exit_codes_and_one_line_messages(runner, tmp_path, make, code, message):
    path = make(tmp_path)
    r = invoke(runner, str(path))
    assert r.exit_code == code
    assert message in r.stderr
    assert r.stdout == ""
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_usage_error_is_exit_2(runner):
    assert invoke(runner, str(SAMPLE), "--format", "pdf").exit_code == 2
    assert invoke(runner, str(SAMPLE), "--no-such-option").exit_code == 2


def test_real_process_reads_stdin():
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    p = subprocess.run([sys.executable, "-m", "cleanarticle", "-", "-f", "json"], input=SAMPLE.read_bytes(),
                       capture_output=True, timeout=120, env=env)
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["title"] == TITLE and len(d["paragraphs"]) == 16
    assert p.stderr == b""


def test_a_silent_command_loads_neither_pydantic_nor_rich():
    """What a command that prints no message imports (a real process, cleaning the sample): not pydantic, as
    typer 0.29 would, which pyproject holds off (~0.3 s a command), and not rich, which the CLI imports with
    its first message (~40 ms).  The process says at exit which of their modules it loaded."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'rich')),"
            " file=sys.stderr))\n"
            "sys.argv = ['cleanarticle', sys.argv[1]]\n"
            "from cleanarticle.cli import main\n"
            "main()\n")
    p = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, timeout=120, env=env)
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode().startswith(TITLE)
    assert p.stderr.decode().strip() == "[]"

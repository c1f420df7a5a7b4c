"""The command with several inputs: input forms, output forms, ordering, resume, failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanarticle.cli import app

from test_batch import PAGE, SAMPLE, make_tree

runner = CliRunner()


def invoke(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return make_tree(tmp_path / "pages")


@pytest.fixture
def bad_tree(tree: Path) -> Path:
    """Good pages with a binary file and an empty file among them."""
    (tree / "a" / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tree / "a" / "empty.txt").write_bytes(b"")
    return tree


def test_directory_to_jsonl_in_sorted_order_with_sources(tree: Path) -> None:
    r = invoke(str(tree), "-f", "jsonl", "-j", "1")
    assert r.exit_code == 0, r.output
    recs = records(r.stdout)
    assert [rec["source"] for rec in recs] == [str(tree / p) for p in
                                              ("a/b/two.htm", "a/one.html", "a/three.html.gz", "roar.txt")]
    assert recs[1]["title"] == "Library plans delayed again"
    assert recs[2]["title"] == "Council publishes revised plans"  # read through gzip
    assert "Reset to Rancor" in recs[3]["title"]
    assert "4 inputs: 4 ok, 0 no article, 0 failed" in r.stderr


def test_several_files_and_stdin(tree: Path) -> None:
    page = PAGE.format(title="From standard input")
    r = invoke(str(tree / "a" / "one.html"), "-", "-f", "jsonl", input=page)
    assert r.exit_code == 0, r.output
    recs = records(r.stdout)
    assert [rec["source"] for rec in recs] == [str(tree / "a" / "one.html"), "-"]
    assert recs[1]["title"] == "From standard input"


def test_files_from_with_newlines_and_with_nul(tree: Path, tmp_path: Path) -> None:
    listed = [str(tree / "roar.txt"), str(tree / "a" / "one.html")]
    lst = tmp_path / "list.txt"
    lst.write_text("\n".join(listed) + "\n", encoding="utf-8")
    r = invoke("--files-from", str(lst), "-f", "jsonl", "-q")
    assert r.exit_code == 0, r.output
    assert [rec["source"] for rec in records(r.stdout)] == listed
    # -0 reads NUL-separated paths, here from stdin (what `find -print0 |` gives), folders skipped.
    nul = "\0".join([str(tree), *listed]) + "\0"
    r = invoke("--files-from", "-", "-0", "-f", "jsonl", "-q", input=nul)
    assert r.exit_code == 0, r.output
    assert [rec["source"] for rec in records(r.stdout)] == listed
    assert r.stderr == ""


def test_glob_changes_what_a_folder_walk_takes(tree: Path) -> None:
    r = invoke(str(tree), "--glob", "*.htm", "--glob", "*.txt", "-f", "jsonl", "-q")
    assert [Path(rec["source"]).name for rec in records(r.stdout)] == ["two.htm", "roar.txt"]


@pytest.mark.parametrize(("fmt", "ext"), [("text", ".txt"), ("json", ".json"), ("markdown", ".md"), ("jsonl", ".jsonl")])
def test_output_folder_mirrors_relative_paths(tree: Path, tmp_path: Path, fmt: str, ext: str) -> None:
    out = tmp_path / "out"
    if fmt == "jsonl":
        out.mkdir()  # jsonl goes into one file unless -o names an existing folder
    r = invoke(str(tree), "-o", str(out), "-f", fmt)
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == sorted(f"{stem}{ext}" for stem in ("a/b/two", "a/one", "a/three", "roar"))
    one = (out / "a" / f"one{ext}").read_text(encoding="utf-8")
    assert "Library plans delayed again" in one
    single = invoke(str(tree / "a" / "one.html"), "-f", fmt)
    if fmt != "jsonl":  # the same bytes as the one-input form
        assert one == single.stdout
    assert not list(out.rglob(".*.tmp"))


def test_jsonl_into_one_file(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    r = invoke(str(tree), "-f", "jsonl", "-o", str(out), "-q")
    assert r.exit_code == 0, r.output
    assert len(records(out.read_text(encoding="utf-8"))) == 4
    assert r.stdout == ""


def test_several_inputs_in_a_format_that_cannot_be_concatenated_is_a_usage_error(tree: Path) -> None:
    for args in ([str(tree)], [str(tree / "roar.txt"), str(tree / "a" / "one.html")]):
        r = invoke(*args)  # default format text, no -o
        assert r.exit_code == 2
        assert "use --format jsonl, or -o DIR" in r.stderr
        assert r.stdout == ""


def test_usage_errors(tree: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    cases = [
        ([str(tree), "-o", str(a_file)], "need a folder"),
        ([str(tree), "-f", "jsonl", "--overwrite", "--skip-existing"], "contradict"),
        (["-", "-", "-f", "jsonl"], "only once"),
        ([str(tree), "-f", "jsonl", "--disable", "no-such-pass"], "no-such-pass"),
        ([str(tree), "-f", "jsonl", "-j", "0"], ""),
    ]
    for args, message in cases:
        r = invoke(*args)
        assert r.exit_code == 2, (args, r.output)
        assert message in r.stderr


def test_same_bytes_whatever_the_number_of_jobs(bad_tree: Path) -> None:
    # Enough inputs that two workers really run side by side and finish out of order.
    args = [str(bad_tree)] * 6 + [str(bad_tree / "missing.html"), str(bad_tree)]
    one = invoke(*args, "-f", "jsonl", "-j", "1")
    two = invoke(*args, "-f", "jsonl", "-j", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 7 * 6 + 1


def test_failures_mid_batch_get_records_and_one_line_each(bad_tree: Path) -> None:
    missing = bad_tree / "a" / "gone.html"
    r = invoke(str(bad_tree), str(missing), str(bad_tree / "roar.txt"), "-f", "jsonl", "-j", "2")
    assert r.exit_code == 1
    recs = records(r.stdout)
    by_name = {Path(rec["source"]).name: rec for rec in recs}
    assert len(recs) == 8
    assert by_name["broken.html"]["error"] == {"type": "NotAPageError", "exit_code": 1,
                                               "message": "input is a PNG image, not a web page or text"}
    assert by_name["empty.txt"]["error"]["message"] == "input is empty"
    assert by_name["gone.html"]["error"]["type"] == "InputError"
    assert [Path(rec["source"]).name for rec in recs][-1] == "roar.txt"  # the batch went on
    assert "title" in recs[-1]
    err_lines = [line for line in r.stderr.splitlines() if "error:" in line]
    assert len(err_lines) == 3
    assert any(line.endswith("broken.html: input is a PNG image, not a web page or text") for line in err_lines)
    assert "8 inputs: 5 ok, 0 no article, 3 failed" in r.stderr


def test_exit_code_3_when_no_input_has_an_article(tmp_path: Path) -> None:
    folder = tmp_path / "chrome"
    folder.mkdir()
    for i in range(2):
        (folder / f"{i}.html").write_text(
            "<html><body><nav><a href='/'>Home</a> <a href='/b'>Blog</a></nav>"
            "<footer>Copyright 2024</footer></body></html>", encoding="utf-8")
    r = invoke(str(folder), "-f", "jsonl")
    assert r.exit_code == 3, r.output
    assert [rec["error"]["type"] for rec in records(r.stdout)] == ["NoArticleError"] * 2
    assert "no article found" in r.stderr
    r = invoke(str(folder), str(SAMPLE), "-f", "jsonl", "-q")
    assert r.exit_code == 0  # one article is enough
    assert r.stderr == ""


def test_empty_folder_is_bad_input(tmp_path: Path) -> None:
    r = invoke(str(tmp_path), "-f", "jsonl")
    assert r.exit_code == 1
    assert "no input files found" in r.stderr


def test_existing_outputs_are_kept_overwritten_or_skipped(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert invoke(str(tree), "-o", str(out), "-q").exit_code == 0
    mine = out / "roar.txt"
    mine.write_text("my own notes", encoding="utf-8")
    (out / "a" / "one.txt").unlink()  # as if the first run was interrupted here
    r = invoke(str(tree), "-o", str(out))
    assert r.exit_code == 1
    assert "roar.txt exists, kept it" in r.stderr and "--overwrite" in r.stderr
    assert mine.read_text(encoding="utf-8") == "my own notes"
    # Resume: only the missing output is made; existing ones are not read again.
    (out / "a" / "one.txt").unlink()
    r = invoke(str(tree), "-o", str(out), "--skip-existing")
    assert r.exit_code == 0, r.output
    assert "1 ok, 0 no article, 0 failed, 3 skipped" in r.stderr
    assert (out / "a" / "one.txt").exists()
    assert mine.read_text(encoding="utf-8") == "my own notes"
    r = invoke(str(tree), "-o", str(out), "--overwrite", "-q")
    assert r.exit_code == 0
    assert "Reset to Rancor" in mine.read_text(encoding="utf-8")


def test_an_input_is_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    roar = folder / "roar.txt"
    roar.write_bytes(SAMPLE.read_bytes())
    (folder / "roar.html").write_text(PAGE.format(title="Same stem, other input"), encoding="utf-8")
    before = roar.read_bytes()
    # -o is the input folder and text outputs end in .txt: roar.txt would be its own output,
    # and roar.html's output would be the input roar.txt.  Even --overwrite must not touch it.
    r = invoke(str(folder), "-o", str(folder), "--overwrite")
    assert r.exit_code == 1
    assert roar.read_bytes() == before
    assert r.stderr.count("it is an input") == 2
    # One JSONL file named like an input is refused before anything runs.
    r = invoke(str(folder), "-f", "jsonl", "-o", str(roar))
    assert r.exit_code == 2
    assert roar.read_bytes() == before


def test_two_inputs_with_one_output_path(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "story.html").write_text(PAGE.format(title="The HTML one"), encoding="utf-8")
    (folder / "story.htm").write_text(PAGE.format(title="The HTM one"), encoding="utf-8")
    out = tmp_path / "out"
    r = invoke(str(folder), "-o", str(out), "-f", "json")
    assert r.exit_code == 1
    assert "another input already writes" in r.stderr
    assert json.loads((out / "story.json").read_text(encoding="utf-8"))["title"] == "The HTM one"


def test_one_input_still_goes_to_stdout_unchanged(tree: Path) -> None:
    r = invoke(str(tree / "roar.txt"))
    assert r.exit_code == 0
    assert r.stdout.startswith("From Reset to Rancor")
    assert r.stderr == ""


ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"), "PYTHONFAULTHANDLER": "1"}


def finish(proc: subprocess.Popen, input: bytes | None = None) -> tuple[bytes, bytes]:
    """``proc.communicate``; if the process hangs, fail with the stacks of its threads."""
    import signal

    try:
        return proc.communicate(input, timeout=90)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)  # PYTHONFAULTHANDLER: dump every thread's stack
        _, err = proc.communicate()
        pytest.fail("the command hung; its stacks:\n" + err.decode(errors="replace")[-6000:])


def run_cli(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.Popen([sys.executable, "-m", "cleanarticle", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    out, err = finish(proc, input)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_real_process_pool_pipe_and_find_print0(bad_tree: Path) -> None:
    files = sorted(p for p in bad_tree.rglob("*")
                   if p.is_file() and p.suffix != ".css" and not any(s.startswith(".") for s in p.parts))
    listing = b"".join(os.fsencode(p) + b"\0" for p in files)
    p1 = run_cli("--files-from", "-", "-0", "-f", "jsonl", "-j", "1", input=listing)
    p2 = run_cli("--files-from", "-", "-0", "-f", "jsonl", "-j", "2", input=listing)
    assert p1.returncode == p2.returncode == 1
    assert p1.stdout == p2.stdout
    assert len(p1.stdout.splitlines()) == len(files)
    assert b"Traceback" not in p2.stderr
    # Stderr is not a terminal here: no progress bar, only the error lines and the summary.
    assert p2.stderr.decode().splitlines()[-1].startswith("cleanarticle: 6 inputs: 4 ok, 0 no article, 2 failed")


def test_closed_pipe_ends_quietly(tree: Path) -> None:
    args = [sys.executable, "-m", "cleanarticle", *[str(tree)] * 40, "-f", "jsonl", "-j", "2"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    proc.stdout = None
    _, err = finish(proc)
    assert json.loads(first)["source"].endswith("two.htm")
    assert proc.returncode == 0
    assert b"Traceback" not in err and b"Broken pipe" not in err


def test_ctrl_c_stops_with_130_and_leaves_no_partial_files(tmp_path: Path) -> None:
    import signal
    import time

    pages = tmp_path / "pages"
    for i in range(60):
        make_tree(pages / f"d{i:02}")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "cleanarticle", str(pages), "-o", str(out), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    # Wait (untimed) until the run has written something, then press Ctrl-C.
    while proc.poll() is None and not (out.exists() and any(out.rglob("*.txt"))):
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = finish(proc)
    if proc.returncode == 0:
        pytest.fail("the run finished before it could be interrupted; make the batch bigger")
    assert proc.returncode == 130
    assert b"interrupted after" in err
    assert b"Traceback" not in err
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    for written in out.rglob("*.txt"):  # whatever was written is whole
        assert written.read_text(encoding="utf-8").strip()


def test_an_interrupted_jsonl_file_is_not_left_behind(tree: Path, tmp_path: Path, monkeypatch) -> None:
    from cleanarticle import batch

    calls = {"n": 0}
    real = batch.process_one

    def interrupt_on_third(*args, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*args, **kw)

    monkeypatch.setattr(batch, "process_one", interrupt_on_third)
    out = tmp_path / "all.jsonl"
    r = invoke(str(tree), "-f", "jsonl", "-o", str(out), "-j", "1")
    assert r.exit_code == 130
    assert not out.exists()
    assert list(tmp_path.glob(".*.tmp")) == []


def test_one_input_into_an_existing_folder(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    r = invoke(str(tree / "a" / "one.html"), "-o", str(out), "-f", "markdown", "-q")
    assert r.exit_code == 0, r.output
    written = [p.relative_to(out).as_posix() for p in out.rglob("*.md")]
    assert written == ["one.md"]


def test_unwritable_jsonl_file_is_a_one_line_error(tree: Path, tmp_path: Path) -> None:
    r = invoke(str(tree), "-f", "jsonl", "-o", str(tmp_path / "no-such-folder" / "all.jsonl"))
    assert r.exit_code == 1
    assert r.stderr.startswith("cleanarticle: error: cannot write") and len(r.stderr.splitlines()) == 1


def test_every_option_is_in_the_readme_cli_reference() -> None:
    import typer.main

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    reference = readme.split("## CLI reference", 1)[1].split("\n## ", 1)[0]
    command = typer.main.get_command(app)
    names = [opt for param in command.params for opt in getattr(param, "opts", []) if opt.startswith("-")]
    assert "--files-from" in names and "--skip-existing" in names
    missing = [name for name in names if f"`{name}" not in reference]
    assert missing == []

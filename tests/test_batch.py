"""The batch module on its own: input discovery, output paths, ordered running."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cleanarticle import batch
from cleanarticle.batch import Input, Settings, iter_inputs, output_path, read_list, run_ordered, walk

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "roar-news-reset-to-rancor" / "input.txt"

PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<article><h1>{title}</h1>
<p>The council met on Tuesday evening to discuss the plans for the new library, which has been
delayed for almost two years because of rising building costs and a dispute over the site.</p>
<p>Several residents said that they were worried about the loss of the small park next to the
old library, and asked the council to look again at the design before the work starts.</p>
<p>The mayor said that the council would publish the revised plans in the spring and that there
would be another public meeting before any decision is taken about the future of the park.</p>
</article><footer>Copyright 2024 The Town Paper. All rights reserved.</footer></body></html>
"""


def make_tree(root: Path) -> Path:
    """A small folder of real pages: text dump, HTML pages, a .gz, and files to ignore."""
    import gzip

    (root / "a" / "b").mkdir(parents=True)
    shutil.copy(SAMPLE, root / "roar.txt")
    (root / "a" / "one.html").write_text(PAGE.format(title="Library plans delayed again"), encoding="utf-8")
    (root / "a" / "b" / "two.htm").write_text(PAGE.format(title="Park to stay, says mayor"), encoding="utf-8")
    with gzip.open(root / "a" / "three.html.gz", "wt", encoding="utf-8") as fh:
        fh.write(PAGE.format(title="Council publishes revised plans"))
    (root / "a" / "style.css").write_text("body { color: red }", encoding="utf-8")
    (root / ".hidden.html").write_text(PAGE.format(title="Hidden"), encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "page.html").write_text(PAGE.format(title="In a hidden folder"), encoding="utf-8")
    return root


def test_walk_finds_matching_files_in_sorted_order_and_skips_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path)
    rels = [rel for _, rel in walk(str(tmp_path))]
    assert rels == ["a/b/two.htm", "a/one.html", "a/three.html.gz", "roar.txt"]


def test_walk_with_other_globs(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert [rel for _, rel in walk(str(tmp_path), ["*.css"])] == ["a/style.css"]
    assert [rel for _, rel in walk(str(tmp_path), ["a/b/*"])] == ["a/b/two.htm"]
    # Patterns ignore case, so saved pages named .HTML are found too.
    (tmp_path / "LOUD.HTML").write_text(PAGE.format(title="Loud"), encoding="utf-8")
    assert "LOUD.HTML" in [rel for _, rel in walk(str(tmp_path))]


def test_walk_survives_a_symlink_loop_and_follows_other_links(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    outside = tmp_path.parent / (tmp_path.name + "-outside")
    outside.mkdir()
    (outside / "linked.html").write_text(PAGE.format(title="Linked"), encoding="utf-8")
    (tmp_path / "elsewhere").symlink_to(outside, target_is_directory=True)
    rels = [rel for _, rel in walk(str(tmp_path))]
    assert rels == ["a/b/two.htm", "a/one.html", "a/three.html.gz", "elsewhere/linked.html", "roar.txt"]


def test_walk_leaves_out_the_output_folder(tmp_path: Path) -> None:
    make_tree(tmp_path)
    out = tmp_path / "clean"
    out.mkdir()
    (out / "roar.txt").write_text("an earlier output", encoding="utf-8")
    st = out.stat()
    rels = [rel for _, rel in walk(str(tmp_path), skip=frozenset({(st.st_dev, st.st_ino)}))]
    assert "clean/roar.txt" not in rels and "roar.txt" in rels


def test_iter_inputs_keeps_argument_order_and_mirrors_relative_paths(tmp_path: Path, monkeypatch) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    got = list(iter_inputs(["roar.txt", "-", "a"], listed=["a/one.html", "a"]))
    assert got == [
        Input("roar.txt", "roar.txt"), Input("-", "stdin"),
        Input(os.path.join("a", "b", "two.htm"), "b/two.htm"), Input(os.path.join("a", "one.html"), "one.html"),
        Input(os.path.join("a", "three.html.gz"), "three.html.gz"),
        Input("a/one.html", "a/one.html"),  # a folder in a list is skipped: its files are listed too
    ]
    # Absolute paths (what `find /archive -print0` gives) mirror below their deepest common folder.
    absolute = list(iter_inputs([str(tmp_path / "roar.txt")], listed=[str(tmp_path / "a" / "b" / "two.htm")]))
    assert [i.rel for i in absolute] == ["roar.txt", "a/b/two.htm"]
    assert list(iter_inputs(["../x/page.html"]))[0].rel == "page.html"


def test_read_list_newlines_and_nul() -> None:
    assert list(read_list(b"a.html\r\nb c.txt\n\n", null=False)) == ["a.html", "b c.txt"]
    assert list(read_list(b"a\nb.html\0c.txt\0", null=True)) == ["a\nb.html", "c.txt"]


def test_output_path_replaces_page_suffixes_with_the_formats() -> None:
    out = Path("out")
    assert output_path(out, "x/page.html.gz", "text") == Path("out/x/page.txt")
    assert output_path(out, "page.HTM", "json") == Path("out/page.json")
    assert output_path(out, "notes.txt", "markdown") == Path("out/notes.md")
    assert output_path(out, "report.v2.xhtml", "jsonl") == Path("out/report.v2.jsonl")
    assert output_path(out, "stdin", "text") == Path("out/stdin.txt")


def test_process_one_reports_errors_as_records(tmp_path: Path) -> None:
    png = tmp_path / "image.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    r = batch.process_one(str(png), None, Settings(fmt="jsonl"))
    assert r.status == batch.FAILED
    assert r.record() == {"source": str(png), "error": {"type": "NotAPageError",
                                                        "message": "input is a PNG image, not a web page or text",
                                                        "exit_code": 1}}
    r = batch.process_one(str(tmp_path / "missing.html"), None, Settings())
    assert r.status == batch.FAILED and r.error["type"] == "InputError"


def test_run_ordered_gives_the_same_results_in_order_for_any_worker_count(tmp_path: Path) -> None:
    make_tree(tmp_path)
    jobs = [(path, None, None) for path, _ in walk(str(tmp_path))] * 3
    jobs.insert(4, (str(tmp_path / "missing.html"), None, None))
    one = list(run_ordered(iter(jobs), Settings(fmt="jsonl"), workers=1))
    two = list(run_ordered(iter(jobs), Settings(fmt="jsonl"), workers=2, chunk_size=2, window=2))
    assert [r.source for r in one] == [j[0] for j in jobs]
    assert one == two
    assert [r.status for r in one].count(batch.FAILED) == 1


def test_run_ordered_stops_its_workers_when_the_consumer_stops(tmp_path: Path) -> None:
    make_tree(tmp_path)
    jobs = [(path, None, None) for path, _ in walk(str(tmp_path))] * 20
    results = run_ordered(iter(jobs), Settings(), workers=2, chunk_size=1, window=2)
    first = next(results)
    assert first.status == batch.OK
    results.close()  # must not hang, must not leave work running


def test_tally_exit_codes() -> None:
    t = batch.Tally()
    assert t.exit_code() == 3  # nothing found at all
    t.add(batch.NO_ARTICLE)
    assert t.exit_code() == 3
    t.add(batch.OK)
    assert t.exit_code() == 0
    t.add(batch.FAILED)
    assert t.exit_code() == 1
    s = batch.Tally()
    s.add(batch.SKIPPED)
    assert s.exit_code() == 0  # a resumed run whose outputs all exist


@pytest.mark.parametrize("jobs", [1, 2])
def test_worker_function_pickles(jobs: int) -> None:
    import pickle

    assert pickle.loads(pickle.dumps(batch.process_chunk)) is batch.process_chunk
    assert pickle.loads(pickle.dumps(Settings(disabled=frozenset({"x"})))) == Settings(disabled=frozenset({"x"}))


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    make_tree(tmp_path / "pages")
    inputs = list(iter_inputs([str(tmp_path / "pages"), str(tmp_path / "missing.html")]))
    for terminal in (True, False):
        buf = io.StringIO()
        console = Console(file=buf, force_terminal=terminal, width=120)
        opts = batch.Options(Settings(fmt="text"), out_dir=tmp_path / f"out-{terminal}", workers=1)
        code = batch.run_batch(inputs, opts, console)
        text = buf.getvalue()
        assert code == 1
        assert ("files/s" in text and "1 failed" in text) is terminal
        assert "5 inputs: 4 ok, 0 no article, 1 failed" in text
        buf = io.StringIO()
        quiet = batch.Options(Settings(fmt="text"), out_dir=tmp_path / f"out-{terminal}", workers=1, quiet=True,
                              overwrite=True)
        batch.run_batch(inputs, quiet, Console(file=buf, force_terminal=terminal, width=120))
        assert "files/s" not in buf.getvalue() and "inputs:" not in buf.getvalue()


@pytest.mark.skipif(__import__("multiprocessing").get_start_method() != "fork",
                    reason="the patched worker function reaches the workers only when they are forked")
def test_an_input_that_kills_its_worker_fails_alone(tmp_path: Path, monkeypatch) -> None:
    make_tree(tmp_path)
    real = batch.process_one

    def crash_on(source, data, settings):
        if source.endswith("crash.html"):
            os._exit(1)  # as if lxml crashed or the kernel killed the worker
        return real(source, data, settings)

    monkeypatch.setattr(batch, "process_one", crash_on)
    good = [(path, None, None) for path, _ in walk(str(tmp_path))]
    jobs = good * 2 + [(str(tmp_path / "crash.html"), None, None)] + good * 2
    results = list(run_ordered(iter(jobs), Settings(), workers=2, chunk_size=3, window=3))
    assert [r.source for r in results] == [j[0] for j in jobs]
    assert [r.status for r in results].count(batch.OK) == len(good) * 4
    (died,) = [r for r in results if r.status == batch.FAILED]
    assert died.source.endswith("crash.html") and died.error["type"] == "WorkerDied"

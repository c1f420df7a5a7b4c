"""The ``cleanarticle`` command.

Data goes to stdout (or ``-o FILE``), messages to stderr.  Exit codes:

    0  an article was found and written
    1  bad input: unreadable, undecodable, binary, empty, a directory, too large,
       or over the time budget
    2  usage: unknown option, unknown pass name, bad value
    3  the input was read but no article was found in it

Several inputs (more than one PATH, a folder, ``--files-from``, or ``-o`` naming an
existing folder) run as a batch
(see ``batch.py``): ``-f jsonl`` streams one record per input to stdout (or ``-o FILE``),
or ``-o DIR`` writes one file per input.  A bad input never stops a batch: it gets a
JSONL error record and a line on stderr.  The exit code of a batch is

    0  no input failed and at least one had an article (or its output already existed)
    1  at least one input failed (or nothing matched, or an output was kept or refused)
    2  usage: as above, also several inputs in a format that cannot be concatenated
    3  no input failed, and none had an article
  130  interrupted (Ctrl-C); no partial output files are left
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import __version__
from .article import Article
from .config import Config
from .errors import CleanArticleError, ConfigError, InputError
from .files import write_atomic
from .passes import PASSES
from .pipeline import clean

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_NO_ARTICLE = 0, 1, 2, 3
EXIT_INTERRUPTED = 130
EXIT_CODES = {
    EXIT_OK: "an article was found and written",
    EXIT_BAD_INPUT: "bad input: unreadable, undecodable, binary, empty, a directory, too large, or over the time budget",
    EXIT_USAGE: "usage error: unknown option, unknown pass name, bad value",
    EXIT_NO_ARTICLE: "the input was read, but no article was found in it",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C) during a batch; no partial output files are left",
}

app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})


@cache
def err() -> Console:
    """The console for messages on stderr, made on the first message: a command that prints none (most) does not
    import rich, ~40 ms of a command's ~0.4 s (measured 2 Dec 2026, without bytecode)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


class Kind(str, Enum):
    auto = "auto"
    html = "html"
    text = "text"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleanarticle {__version__}")
        raise typer.Exit()


def _list_passes(value: bool) -> None:
    if value:
        width = max(len(p.name) for p in PASSES)
        for p in PASSES:
            kinds = "html+text" if len(p.kinds) == 2 else next(iter(p.kinds))
            typer.echo(f"{p.name:<{width}}  [{kinds:<9}]  {p.summary}")
        raise typer.Exit()


def render(article: Article, fmt: Format, explain: bool, source: str | None = None) -> str:
    if fmt is Format.json:
        return article.to_json(explain=explain) + "\n"
    if fmt is Format.jsonl:
        d = article.to_dict(explain=explain)
        if source is not None:
            d = {"source": source, **d}
        import json

        return json.dumps(d, ensure_ascii=False) + "\n"
    if fmt is Format.markdown:
        return article.to_markdown()
    return article.to_text()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def explain_table(article: Article) -> None:
    """Print the trace as a rich table on stderr, grouped by pass."""
    from .explain import print_explain

    print_explain(article, err())


@app.command()
def run(
    inputs: Annotated[Optional[list[str]], typer.Argument(metavar="PATH | DIR | -",
                      help="Saved pages (HTML or text, .gz too), folders to walk, or - for standard input (the default).")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout; with several inputs a folder (one file per input) or, for jsonl, one file.")] = None,
    kind: Annotated[Kind, typer.Option("--kind", help="Read the input as html or text (default: sniff).")] = Kind.auto,
    url: Annotated[Optional[str], typer.Option("--url", help="The page's address, for links and dates.")] = None,
    disable: Annotated[Optional[list[str]], typer.Option("--disable", metavar="PASS",
                       help="Skip a pass by name (repeatable; see --list-passes).")] = None,
    files_from: Annotated[Optional[str], typer.Option("--files-from", metavar="FILE",
                          help="Also read input paths from FILE, one a line (- for standard input).")] = None,
    null: Annotated[bool, typer.Option("--null", "-0", help="--files-from paths are separated by NUL, not newlines (find -print0).")] = False,
    glob: Annotated[Optional[list[str]], typer.Option("--glob", metavar="PATTERN",
                    help="File-name pattern for files found in folders (repeatable; default: *.html *.htm *.xhtml *.txt *.html.gz *.txt.gz).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, metavar="N",
                    help="Worker processes for several inputs (default: all cores).")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="With -o DIR, replace outputs that already exist.")] = False,
    skip_existing: Annotated[bool, typer.Option("--skip-existing",
                             help="With -o DIR, skip inputs whose output exists (resume an interrupted run).")] = False,
    report_path: Annotated[Optional[Path], typer.Option("--report", metavar="PATH",
                           help="Also write a visual HTML report of every block and decision: a file for one input, a folder (with index.html) for several.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show every relabelling on stderr; with json, add 'removed' and 'trace'.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No messages on stderr except errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
    list_passes: Annotated[bool, typer.Option("--list-passes", callback=_list_passes, is_eager=True,
                           help="List the passes in the order they run, and exit.")] = False,
) -> None:
    """Print the article of a saved web page (HTML or a plain-text dump), without site chrome or teasers."""
    paths = inputs or ([] if files_from is not None else ["-"])
    if (files_from is not None or len(paths) > 1 or any(p != "-" and os.path.isdir(p) for p in paths)
            or (output is not None and output.is_dir())):
        from .batch import run_cli

        raise typer.Exit(run_cli(paths, files_from=files_from, null=null, globs=glob, jobs=jobs, fmt=fmt.value,
                                 output=output, overwrite=overwrite, skip_existing=skip_existing, kind=kind.value,
                                 url=url, disabled=disable, explain=explain, quiet=quiet, console=err(),
                                 report_dir=report_path))
    src = paths[0]
    try:
        cfg = Config.build(disabled=frozenset(disable or ()))
        if src == "-":
            data = sys.stdin.buffer.read(cfg.max_input_bytes + 1)  # a bounded read: over the limit is an error
            article = clean(data, kind=kind.value, url=url, config=cfg)
        else:
            path = Path(src)
            for target, what in ((output, "output"), (report_path, "report")):
                if target is not None and _same_file(path, target):
                    _fail(EXIT_USAGE, f"refusing to overwrite the input {src} with the {what}")
            article = clean(path, kind=kind.value, url=url, config=cfg)
    except ConfigError as e:
        _fail(EXIT_USAGE, str(e))
    except CleanArticleError as e:
        _fail(e.exit_code, str(e))
    if explain and not quiet:
        explain_table(article)
    if report_path is not None:
        from .report import report

        try:
            write_atomic(report_path, report(article, source=None if src == "-" else src))
        except OSError as e:
            _fail(EXIT_BAD_INPUT, f"cannot write {report_path}: {e.strerror or e}")
    if not article.found:
        _fail(EXIT_NO_ARTICLE, f"{src if src != '-' else 'stdin'}: no article found")
    text = render(article, fmt, explain, None if src == "-" else src)
    if output is None:
        _write_stdout(text)
    else:
        try:
            write_atomic(output, text)
        except OSError as e:
            _fail(EXIT_BAD_INPUT, f"cannot write {output}: {e.strerror or e}")


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (| head): end quietly, without Python's shutdown noise.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(EXIT_OK) from None


def _fail(code: int, message: str) -> None:
    err().print(f"cleanarticle: error: {message}", markup=False)
    raise typer.Exit(code)


def main() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="cleanarticle")
    except SystemExit as e:
        batch = sys.modules.get("cleanarticle.batch")
        if batch is not None and batch.HARD_EXIT:  # a batch had to kill stuck workers
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except Exception:
                    pass
            os._exit(e.code if isinstance(e.code, int) else 1)
        raise


__all__ = ["EXIT_CODES", "app", "main", "InputError"]

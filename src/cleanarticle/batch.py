"""Batch use: many inputs, parallel workers, ordered streaming output.

Three parts, each usable on its own:

- **input discovery** (:func:`iter_inputs`): paths, directories walked recursively
  (matching file-name patterns, hidden files and symlink loops skipped), ``-`` for
  standard input, and path lists read from a file or stdin (newline or NUL separated);
- **job running** (:func:`run_ordered`): a process pool fed through a bounded window of
  chunks, results yielded in input order, so the output is byte-identical whatever the
  number of workers and memory does not grow with the number of inputs.  Workers get
  paths (never file contents, except the one page read from stdin) and return the
  rendered output;
- **output writing** (:func:`run_batch`): a JSONL stream on stdout, one JSONL file, or
  one file per input under an output folder mirroring the inputs' relative paths.
  Writes are atomic; existing outputs are kept unless asked otherwise; an input is
  never overwritten.

A bad input never stops the batch: it gets an error record and one line on stderr.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import signal
import stat
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from rich.console import Console

from .cli import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_NO_ARTICLE, EXIT_OK, EXIT_USAGE, Format, render
from .files import write_atomic
from .config import Config
from .errors import CleanArticleError
from .pipeline import clean

STDIN = "-"
DEFAULT_GLOBS = ("*.html", "*.htm", "*.xhtml", "*.txt", "*.html.gz", "*.txt.gz")
EXTENSIONS = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}
# Suffixes replaced by the output extension (a.html.gz -> a.txt); any other suffix is kept.
_INPUT_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".gz")

OK, NO_ARTICLE, FAILED, SKIPPED = "ok", "no article", "failed", "skipped"


class BatchUsageError(Exception):
    """The arguments cannot work together (the CLI exits with code 2)."""


# --------------------------------------------------------------------------- inputs

@dataclass(frozen=True, slots=True)
class Input:
    """One input: ``source`` as given or found (``-`` for stdin) and ``rel``, the
    relative path (POSIX, suffixes kept) that an output folder mirrors."""

    source: str
    rel: str


def default_jobs() -> int:
    """All the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def read_list(data: bytes, null: bool) -> Iterator[str]:
    """Paths from a ``--files-from`` list: one a line, or NUL-separated with ``null``."""
    sep = b"\0" if null else b"\n"
    for raw in data.split(sep):
        if not null:
            raw = raw.rstrip(b"\r")
        if raw:
            yield os.fsdecode(raw)


def _matches(rel: str, name: str, globs: Sequence[str]) -> bool:
    low_name, low_rel = name.lower(), rel.lower()
    for pat in globs:
        pat = pat.lower()
        if fnmatch.fnmatchcase(low_rel if "/" in pat else low_name, pat):
            return True
    return False


def walk(root: str, globs: Sequence[str] = DEFAULT_GLOBS, skip: frozenset[tuple[int, int]] = frozenset()
         ) -> Iterator[tuple[str, str]]:
    """Yield ``(path, relative path)`` of matching files under ``root``, depth first in
    sorted order.  Hidden files and folders (``.name``) are skipped; symbolic links are
    followed, but a folder already visited (a link loop, or a second link to it) is not
    walked again; folders whose identity is in ``skip`` (the output folder) are left out."""
    try:
        st = os.stat(root)
    except OSError:
        return
    seen = {(st.st_dev, st.st_ino)} | set(skip)
    # A stack of (folder's relative path, iterator over its sorted entries): entries are
    # visited in name order and a subfolder is walked where it sorts, like `find | sort`.
    stack: list[tuple[str, Iterator[os.DirEntry[str]]]] = [("", _sorted_entries(root))]
    while stack:
        rel, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        entry_rel = f"{rel}{entry.name}"
        try:
            is_dir = entry.is_dir()  # follows symlinks
            if is_dir:
                est = entry.stat()
        except OSError:
            continue
        if is_dir:
            key = (est.st_dev, est.st_ino)
            if key not in seen:
                seen.add(key)
                stack.append((entry_rel + "/", _sorted_entries(entry.path)))
        elif _matches(entry_rel, entry.name, globs):
            yield entry.path, entry_rel


def _sorted_entries(folder: str) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            return iter(sorted(it, key=lambda e: e.name))
    except OSError:
        return iter(())


def _outside(path: str) -> bool:
    """True for a path that is absolute or climbs out of the working folder."""
    p = Path(path)
    return p.is_absolute() or ".." in p.parts


def _rel_for_file(path: str, base: str | None) -> str:
    """The mirrored relative path of a file named directly (or in a list): the path
    itself when relative and inside the working folder, else its path relative to
    ``base``, the deepest folder holding all such files."""
    if not _outside(path):
        parts = Path(path).parts
        return PurePosixPath(*parts).as_posix() if parts else path
    rel = os.path.relpath(os.path.abspath(path), base or os.sep)
    return PurePosixPath(*Path(rel).parts).as_posix()


def iter_inputs(paths: Iterable[str], globs: Sequence[str] = DEFAULT_GLOBS,
                skip: frozenset[tuple[int, int]] = frozenset(), listed: Sequence[str] = ()) -> Iterator[Input]:
    """Expand ``paths`` (files, directories, ``-``) into inputs, in order, then the
    ``listed`` paths (from ``--files-from``): files only, folders there are skipped
    (``find DIR -print0`` lists a folder's files as well as the folder).  Files named
    by an absolute path (or one with ``..``) mirror their path below the deepest folder
    that holds them all: ``find /archive -print0`` gives ``OUT/a/b.txt`` for
    ``/archive/a/b.html``."""
    paths = list(paths)
    named = [p for p in paths if p != STDIN and not os.path.isdir(p)]
    named += [p for p in listed if not os.path.isdir(p)]
    outside = [os.path.dirname(os.path.abspath(p)) for p in named if _outside(p)]
    base = os.path.commonpath(outside) if outside else None
    for path in paths:
        if path == STDIN:
            yield Input(STDIN, "stdin")
        elif os.path.isdir(path):
            for found, rel in walk(path, globs, skip):
                yield Input(found, rel)
        else:
            yield Input(path, _rel_for_file(path, base))
    for path in listed:
        if not os.path.isdir(path):
            yield Input(path, _rel_for_file(path, base))


def output_path(out_dir: Path, rel: str, fmt: str) -> Path:
    """Where the output of the input at ``rel`` goes: same relative path, with the
    input's page suffixes (``.html``, ``.txt``, ``.gz``...) replaced by the format's."""
    name = rel.rsplit("/", 1)[-1]
    stem = name
    while True:
        low = stem.lower()
        for suffix in _INPUT_SUFFIXES:
            if low.endswith(suffix) and len(stem) > len(suffix):
                stem = stem[: -len(suffix)]
                break
        else:
            break
    parent = rel[: len(rel) - len(name)]
    return out_dir / (parent + stem + EXTENSIONS[fmt])


# --------------------------------------------------------------------------- work

@dataclass(frozen=True, slots=True)
class Settings:
    """What every worker needs; small and picklable."""

    fmt: str = "text"
    kind: str = "auto"
    url: str | None = None
    disabled: frozenset[str] = frozenset()
    explain: bool = False
    report_dir: str | None = None     # write each input's report page here (--report DIR)


@dataclass(frozen=True, slots=True)
class Result:
    """One input's outcome: ``status`` is ok / no article / failed / skipped;
    ``output`` the rendered article (ok only); ``error`` type, message, exit_code."""

    source: str
    status: str
    output: str | None = None
    error: dict[str, Any] | None = None
    report: dict[str, Any] | None = None   # the index entry of its report page (--report DIR)

    def record(self) -> dict[str, Any]:
        """The JSONL error record of a result that is not ok."""
        return {"source": self.source, "error": self.error}


def _error(source: str, type_: str, message: str, exit_code: int) -> Result:
    status = NO_ARTICLE if exit_code == EXIT_NO_ARTICLE else FAILED
    return Result(source, status, None, {"type": type_, "message": message, "exit_code": exit_code})


def process_one(source: str, data: bytes | None, settings: Settings) -> Result:
    """Clean one input (a path, or ``data`` read from stdin) and render it."""
    try:
        cfg = Config.build(disabled=settings.disabled)
        article = clean(Path(source) if data is None else data, kind=settings.kind, url=settings.url, config=cfg)
        if not article.found:
            return _error(source, "NoArticleError", "no article found", EXIT_NO_ARTICLE)
        fmt = Format(settings.fmt)
        entry = _write_report(source, article, settings.report_dir) if settings.report_dir else None
        return Result(source, OK, render(article, fmt, settings.explain, source), report=entry)
    except CleanArticleError as e:
        return _error(source, type(e).__name__, str(e), e.exit_code)
    except RecursionError:
        return _error(source, "NotAPageError", "the page is nested too deeply to read", EXIT_BAD_INPUT)
    except Exception as e:  # a bug must not stop the batch: report it against this input
        return _error(source, type(e).__name__, f"internal error: {e}", EXIT_BAD_INPUT)


def _write_report(source: str, article: Any, report_dir: str) -> dict[str, Any]:
    """Write one input's report page (in the worker) and return its entry for the index."""
    from collections import Counter

    from .report import report, report_file_name

    name = report_file_name(source)
    write_atomic(Path(report_dir) / name, report(article, source=source))
    return {"href": name, "title": article.title, "body_words": len(article.body.split()),
            "counts": dict(Counter(b.label.value for b in article.blocks))}


Job = tuple[str, "bytes | None", "Result | None"]  # source, stdin data, result decided without work


def process_chunk(chunk: Sequence[Job], settings: Settings) -> list[Result]:
    """Worker entry point (top level, so it pickles): process a few inputs in order."""
    return [done if done is not None else process_one(source, data, settings) for source, data, done in chunk]


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group; the parent decides what to do about it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    chunk: list[Job] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Set when pool threads may be stuck (workers had to be killed): the console script then
# ends the process with os._exit instead of waiting for those threads at exit.
HARD_EXIT = False


def _stop(executor: ProcessPoolExecutor, grace: float = 2.0) -> None:
    """Cancel the queued work and let each worker finish the chunk in hand, then end.

    Workers are not killed at once: one killed while sending its result leaves half a
    message in the pool's pipe, and the pool's thread then waits for the rest forever
    (and Python with it, at exit).  Only a chunk still running after ``grace`` seconds (a
    pathological page) gets its worker killed, and the process is marked for a hard exit.
    """
    global HARD_EXIT
    procs = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    if manager is None:
        return
    manager.join(timeout=grace)
    if not manager.is_alive():
        return
    for proc in procs:
        try:
            proc.terminate()
        except Exception:  # already gone
            pass
    manager.join(timeout=1.0)
    if manager.is_alive():
        HARD_EXIT = True


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers are all started now.  Start it before building big
    structures (a list of paths, a page read from stdin): forked workers would share
    them, and each would count them in its resident memory."""
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
    # Where workers are forked, the first submit starts them all; elsewhere they are
    # started on demand from a clean process (forkserver, spawn) and inherit nothing.
    executor.submit(int).result()
    return executor


def run_ordered(jobs: Iterable[Job], settings: Settings, workers: int, chunk_size: int = 4,
                window: int | None = None, executor: ProcessPoolExecutor | None = None,
                ctrl_c: CtrlC | None = None) -> Iterator[Result]:
    """Process ``jobs`` and yield their results in input order.

    With one worker everything runs in this process.  Otherwise chunks go to a process
    pool through a window of at most ``window`` chunks in flight (default eight per
    worker), so neither pending work nor finished results pile up in memory.  An input
    that kills its worker (a crash, the out-of-memory killer) fails alone; the pool is
    restarted.  ``executor`` is a pool from :func:`start_pool` to use (and shut down).
    """
    chunks = _chunks(jobs, max(1, chunk_size))
    if workers <= 1:
        if executor is not None:
            executor.shutdown(wait=False)
        for chunk in chunks:
            if ctrl_c is None:
                done = process_chunk(chunk, settings)
            else:
                with ctrl_c.anywhere():  # only computation here: Ctrl-C may stop it at once
                    done = process_chunk(chunk, settings)
            yield from done
        return
    yield from _run_pool(chunks, settings, workers, window or workers * 8, executor, ctrl_c)


def _run_pool(chunks: Iterator[list[Job]], settings: Settings, workers: int, window: int,
              executor: ProcessPoolExecutor | None, ctrl_c: CtrlC | None) -> Iterator[Result]:
    if executor is None:
        executor = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
    pending: deque[tuple[list[Job], Any]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, _submit(executor, chunk, settings)))
            while len(pending) >= window:
                _, results, executor = _collect(pending, executor, settings, workers, ctrl_c)
                yield from results
        while pending:
            _, results, executor = _collect(pending, executor, settings, workers, ctrl_c)
            yield from results
    except BaseException:  # Ctrl-C, a closed pipe, or the consumer stopping early
        _stop(executor)
        raise
    executor.shutdown(wait=True)


def _submit(executor: ProcessPoolExecutor, chunk: list[Job], settings: Settings) -> Future:
    """Submit a chunk; a pool already broken gives a future that fails like the others
    (``_collect`` then handles it in its turn)."""
    try:
        return executor.submit(process_chunk, chunk, settings)
    except BrokenProcessPool as e:
        future: Future = Future()
        future.set_exception(e)
        return future


def _wait(future: Any, ctrl_c: CtrlC | None) -> Any:
    """``future.result()``, looking at Ctrl-C every 0.1 s."""
    if ctrl_c is None:
        return future.result()
    while True:
        ctrl_c.check()
        try:
            return future.result(timeout=0.1)
        except FuturesTimeout:
            continue


def _collect(pending: deque, executor: ProcessPoolExecutor, settings: Settings, workers: int,
             ctrl_c: CtrlC | None = None):
    chunk, future = pending.popleft()
    try:
        return chunk, _wait(future, ctrl_c), executor
    except BrokenProcessPool:
        pass
    # A worker died (killed, out of memory, a crash in a C library).  Run this chunk's
    # inputs one at a time in fresh pools, so that only the input that kills a worker
    # fails; then resubmit the chunks that were in flight.
    _stop(executor)
    results = []
    for job in chunk:
        if job[2] is not None:
            results.append(job[2])
            continue
        single = ProcessPoolExecutor(max_workers=1, initializer=_init_worker)
        try:
            results.append(_wait(single.submit(process_chunk, [job], settings), ctrl_c)[0])
            single.shutdown(wait=True)
        except BrokenProcessPool:
            _stop(single)
            results.append(_error(job[0], "WorkerDied", "the worker process died while reading this input",
                                  EXIT_BAD_INPUT))
        except BaseException:
            _stop(single)
            raise
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
    for i, (other, _) in enumerate(pending):
        pending[i] = (other, _submit(executor, other, settings))
    return chunk, results, executor


# --------------------------------------------------------------------------- outputs

@dataclass
class Tally:
    ok: int = 0
    no_article: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, status: str) -> None:
        if status == OK:
            self.ok += 1
        elif status == NO_ARTICLE:
            self.no_article += 1
        elif status == SKIPPED:
            self.skipped += 1
        else:
            self.failed += 1

    @property
    def done(self) -> int:
        return self.ok + self.no_article + self.failed + self.skipped

    def exit_code(self) -> int:
        """1 if any input failed, else 3 if no input had an article, else 0.
        Inputs skipped because their output exists count as having one."""
        if self.failed:
            return EXIT_BAD_INPUT
        if not self.ok and not self.skipped:
            return EXIT_NO_ARTICLE
        return EXIT_OK

    def summary(self) -> str:
        secs = time.monotonic() - self.started
        parts = [f"{self.ok} ok", f"{self.no_article} no article", f"{self.failed} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        rate = (self.done - self.skipped) / secs if secs > 0 else 0.0
        return f"cleanarticle: {self.done} inputs: {', '.join(parts)} in {secs:.1f} s ({rate:.1f} inputs/s)"


def _file_id(path: str | Path) -> int | None:
    """A regular file's identity (device and inode in one int: a small set entry)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev << 64) | st.st_ino if stat.S_ISREG(st.st_mode) else None


@dataclass
class Options:
    """The batch run as the CLI asked for it."""

    settings: Settings
    out_dir: Path | None = None       # one output per input under this folder
    out_file: Path | None = None      # all JSONL records in this one file
    overwrite: bool = False
    skip_existing: bool = False
    workers: int = 1
    quiet: bool = False
    progress: bool | None = None      # None: when stderr is a terminal (and not quiet)
    executor: ProcessPoolExecutor | None = None  # a pool from start_pool, when workers > 1


def _plan(inputs: Iterable[Input], opts: Options, input_ids: set[int], stdin_data: bytes | None
          ) -> Iterator[tuple[Job, Path | None]]:
    """Pair each input with its output path and decide, without reading it, whether it
    must be skipped or refused (its output exists, is an input, or is another's output)."""
    taken: set[str] = set()  # strings: a Path object weighs several times more
    for item in inputs:
        data = stdin_data if item.source == STDIN else None
        if opts.out_dir is None:
            yield (item.source, data, None), None
            continue
        out = output_path(opts.out_dir, item.rel, opts.settings.fmt)
        done: Result | None = None
        if _file_id(out) in input_ids or (out.exists() and item.source != STDIN and _same(out, item.source)):
            done = _error(item.source, "OutputIsInput",
                          f"refusing to write {out}: it is an input", EXIT_BAD_INPUT)
        elif str(out) in taken:
            done = _error(item.source, "OutputCollision", f"another input already writes {out}", EXIT_BAD_INPUT)
        elif os.path.lexists(out):
            if opts.skip_existing:
                done = Result(item.source, SKIPPED)
            elif not opts.overwrite:
                done = _error(item.source, "OutputExists",
                              f"{out} exists, kept it (--overwrite replaces it, --skip-existing skips its input)",
                              EXIT_BAD_INPUT)
        taken.add(str(out))
        yield (item.source, data, done), out


def _same(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class _Stdout:
    def __init__(self) -> None:
        self.fh = sys.stdout

    def write(self, text: str) -> None:
        self.fh.write(text)
        self.fh.flush()


class _AtomicFile:
    """A file written through a temporary sibling, renamed into place by ``commit``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        folder = path.parent if str(path.parent) else Path(".")
        fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def commit(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        try:
            self.fh.close()
        finally:
            Path(self.tmp).unlink(missing_ok=True)


class CtrlC:
    """Where Ctrl-C may stop the run.  A KeyboardInterrupt raised at any bytecode could land
    inside the pool's locks and queues (and hang the shutdown) or between creating a
    temporary file and renaming it.  Inside ``with CtrlC() as ctrl_c:`` the key only sets a
    flag, except in the blocks marked ``with ctrl_c.anywhere():`` (pure computation in this
    process), and ``ctrl_c.check()`` raises KeyboardInterrupt at the safe points: between
    inputs and, while waiting for workers, every 0.1 s.  Outside the main thread, where no
    signal handler can be set, it does nothing."""

    def __init__(self) -> None:
        self.hit = False
        self._anywhere = False
        self._previous: Any = None

    def __enter__(self) -> CtrlC:
        import threading

        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _handle(self, signum: int, frame: Any) -> None:
        self.hit = True
        if self._anywhere:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def anywhere(self) -> Iterator[None]:
        self.check()
        self._anywhere = True
        try:
            yield
        finally:
            self._anywhere = False

    def check(self) -> None:
        if self.hit:
            raise KeyboardInterrupt


def _message(result: Result) -> str:
    err = result.error or {}
    msg = str(err.get("message", ""))
    where = "" if msg.startswith(result.source) else f"{'stdin' if result.source == STDIN else result.source}: "
    if result.status == NO_ARTICLE:
        return f"cleanarticle: {where}{msg}"
    return f"cleanarticle: error: {where}{msg}"


def run_batch(inputs: Callable[[], Iterable[Input]] | Sequence[Input], opts: Options, console: Console,
              stdin_data: bytes | None = None) -> int:
    """Run the whole batch; returns the exit code (0, 1, 3, or 130 when interrupted).

    ``inputs`` is a list, or a function giving a fresh iterator over them: the inputs are
    then streamed, never held in memory together (a first pass counts them for the
    progress bar, and notes their identities when writing into a folder)."""
    make = inputs if callable(inputs) else (lambda: inputs)
    # Identities of the inputs, to never write over one (only needed with an output folder).
    input_ids: set[int] = set()
    if opts.out_dir is not None:
        input_ids = {fid for fid in (_file_id(i.source) for i in make() if i.source != STDIN) if fid}
    out_id = _file_id(opts.out_file) if opts.out_file is not None else None
    if out_id is not None and any(_file_id(i.source) == out_id for i in make() if i.source != STDIN):
        raise BatchUsageError(f"refusing to overwrite the input {opts.out_file} with the output")
    show_progress = opts.progress if opts.progress is not None else (console.is_terminal and not opts.quiet)
    total: int | None = None
    if not callable(inputs):
        total = len(inputs)
    elif show_progress:
        total = sum(1 for _ in make())
    tally = Tally()
    index_entries: list[Any] = []
    sink: _Stdout | _AtomicFile | None = None
    if opts.out_dir is None:
        try:
            sink = _Stdout() if opts.out_file is None else _AtomicFile(opts.out_file)
        except OSError as e:
            console.print(f"cleanarticle: error: cannot write {opts.out_file}: {e.strerror or e}", markup=False)
            return EXIT_BAD_INPUT
    jsonl = opts.settings.fmt == "jsonl"
    planned = _plan(make(), opts, input_ids, stdin_data)
    outs: deque[Path | None] = deque()

    def jobs() -> Iterator[Job]:
        for job, out in planned:
            outs.append(out)
            yield job

    progress = None
    stack = contextlib.ExitStack()
    try:
        if show_progress:
            progress = _progress(console)
            progress.start()
            task = progress.add_task("cleaning", total=total, failed=0)
        chunk = 1 if total is not None and total < opts.workers * 16 else 4
        ctrl_c = stack.enter_context(CtrlC())
        results = run_ordered(jobs(), opts.settings, opts.workers, chunk_size=chunk, executor=opts.executor,
                              ctrl_c=ctrl_c)
        stack.callback(results.close)  # stops the workers at once if we leave early
        for result in results:
            ctrl_c.check()
            out = outs.popleft()
            if result.status == OK and out is not None:
                try:
                    out.parent.mkdir(parents=True, exist_ok=True)
                    write_atomic(out, result.output or "")
                except OSError as e:
                    result = _error(result.source, "OutputError", f"cannot write {out}: {e.strerror or e}",
                                    EXIT_BAD_INPUT)
            elif sink is not None:
                if result.status == OK:
                    sink.write(result.output or "")
                elif jsonl and result.status != SKIPPED:
                    sink.write(json.dumps(result.record(), ensure_ascii=False) + "\n")
            tally.add(result.status)
            if opts.settings.report_dir and result.status != SKIPPED:
                index_entries.append(_index_entry(result))
            if result.status == FAILED or (result.status == NO_ARTICLE and not opts.quiet):
                line = _message(result)
                (progress.console if progress else console).print(line, markup=False, highlight=False)
            if progress is not None:
                progress.update(task, completed=tally.done, failed=tally.failed)
        if isinstance(sink, _AtomicFile):
            if tally.done:
                sink.commit()
            else:
                sink.discard()
            sink = None
    except KeyboardInterrupt:
        if isinstance(sink, _AtomicFile):
            sink.discard()
        if progress is not None:
            progress.stop()
        of = f" of {total}" if total is not None else ""
        console.print(f"cleanarticle: interrupted after {tally.done}{of} inputs", markup=False)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (| head): end quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        if progress is not None:
            progress.stop()
        return EXIT_OK
    except OSError as e:  # the output cannot be written (disk full, ...): stop, keep nothing partial
        if isinstance(sink, _AtomicFile):
            sink.discard()
        where = opts.out_file if opts.out_file is not None else "stdout"
        console.print(f"cleanarticle: error: cannot write {where}: {e.strerror or e}", markup=False)
        return EXIT_BAD_INPUT
    except BaseException:
        if isinstance(sink, _AtomicFile):
            sink.discard()
        raise
    finally:
        stack.close()
        if progress is not None:
            progress.stop()
    if not tally.done:
        console.print("cleanarticle: error: no input files found", markup=False)
        return EXIT_BAD_INPUT
    if opts.settings.report_dir:
        from .report import report_index

        write_atomic(Path(opts.settings.report_dir) / "index.html", report_index(index_entries))
    if not opts.quiet:
        console.print(tally.summary(), markup=False, highlight=False)
    return tally.exit_code()


def _index_entry(result: Result) -> Any:
    from .report import IndexEntry

    if result.report is not None:
        return IndexEntry(source=result.source, **result.report)
    return IndexEntry(source=result.source, error=(result.error or {}).get("message", result.status))


def _progress(console: Console):
    """A rich progress bar: done/total, rate, elapsed, ETA, failures."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:  # type: ignore[override]
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} files/s" if speed else "- files/s")

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        TextColumn("{task.fields[failed]} failed"),
        console=console, transient=False, refresh_per_second=4,
    )


# --------------------------------------------------------------------------- the CLI's batch mode

def run_cli(paths: Sequence[str], *, files_from: str | None, null: bool, globs: Sequence[str] | None,
            jobs: int | None, fmt: str, output: Path | None, overwrite: bool, skip_existing: bool, kind: str,
            url: str | None, disabled: Sequence[str] | None, explain: bool, quiet: bool, console: Console,
            report_dir: Path | None = None) -> int:
    """Check the arguments of a batch run, find the inputs and run it; returns the exit code."""
    try:
        return _run_cli(paths, files_from, null, globs, jobs, fmt, output, overwrite, skip_existing, kind, url,
                        disabled, explain, quiet, console, report_dir)
    except BatchUsageError as e:
        console.print(f"cleanarticle: error: {e}", markup=False)
        return EXIT_USAGE
    except KeyboardInterrupt:
        console.print("cleanarticle: interrupted", markup=False)
        return EXIT_INTERRUPTED


def _run_cli(paths, files_from, null, globs, jobs, fmt, output, overwrite, skip_existing, kind, url, disabled,
             explain, quiet, console, report_dir=None) -> int:
    from .errors import ConfigError
    from .passes import check_disabled

    disabled_set = frozenset(disabled or ())
    try:
        check_disabled(disabled_set)
    except ConfigError as e:
        raise BatchUsageError(str(e)) from None
    if overwrite and skip_existing:
        raise BatchUsageError("--overwrite and --skip-existing contradict each other; give one")
    if list(paths).count(STDIN) + (files_from == STDIN) > 1:
        raise BatchUsageError("standard input can be read only once (- given twice, or with --files-from -)")
    out_dir = out_file = None
    if output is None:
        if fmt != "jsonl":
            raise BatchUsageError(f"several inputs cannot be written as one {fmt} stream: "
                                  "use --format jsonl, or -o DIR for one output file per input")
    elif fmt == "jsonl" and not output.is_dir():
        out_file = output
    else:
        if output.exists() and not output.is_dir():
            raise BatchUsageError(f"-o {output}: several inputs need a folder, and this is a file")
        out_dir = output
    wanted = jobs or default_jobs()
    executor = start_pool(wanted) if wanted > 1 else None
    try:
        code = _discover_and_run(paths, files_from, null, globs, wanted, fmt, out_dir, out_file, overwrite,
                                 skip_existing, kind, url, disabled_set, explain, quiet, console, executor, report_dir)
    except BaseException:
        if executor is not None:
            _stop(executor)
        raise
    if executor is not None:
        executor.shutdown(wait=True)  # a no-op when the run already shut it down
    return code


def _discover_and_run(paths, files_from, null, globs, wanted, fmt, out_dir, out_file, overwrite, skip_existing,
                      kind, url, disabled_set, explain, quiet, console, executor, report_dir=None) -> int:
    listed: list[str] = []
    if files_from is not None:
        try:
            data = sys.stdin.buffer.read() if files_from == STDIN else Path(files_from).read_bytes()
        except OSError as e:
            console.print(f"cleanarticle: error: cannot read the list {files_from}: {e.strerror or e}", markup=False)
            return EXIT_BAD_INPUT
        listed = list(read_list(data, null))
    stdin_data = sys.stdin.buffer.read() if STDIN in paths else None
    skip: frozenset[tuple[int, int]] = frozenset()
    if out_dir is not None and out_dir.is_dir():
        st = out_dir.stat()
        skip = frozenset({(st.st_dev, st.st_ino)})
    pats = tuple(globs) if globs else DEFAULT_GLOBS

    def inputs() -> Iterator[Input]:
        return iter_inputs(paths, pats, skip, listed)

    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            console.print(f"cleanarticle: error: cannot create {out_dir}: {e.strerror or e}", markup=False)
            return EXIT_BAD_INPUT
    workers = wanted
    if report_dir is not None:
        if report_dir.exists() and not report_dir.is_dir():
            console.print(f"cleanarticle: error: --report {report_dir}: several inputs need a folder", markup=False)
            return EXIT_USAGE
        try:
            report_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            console.print(f"cleanarticle: error: cannot create {report_dir}: {e.strerror or e}", markup=False)
            return EXIT_BAD_INPUT
    settings = Settings(fmt=fmt, kind=kind, url=url, disabled=disabled_set, explain=explain,
                        report_dir=str(report_dir) if report_dir is not None else None)
    opts = Options(settings, out_dir=out_dir, out_file=out_file, overwrite=overwrite, skip_existing=skip_existing,
                   workers=workers, quiet=quiet, executor=executor)
    return run_batch(inputs, opts, console, stdin_data)

"""Batch benchmark (not a test): files per second for -j 1 and -j 2, peak memory for
1,000 vs 10,000 files.

    python benchmarks/batch.py [--files 1000] [--big 10000] [--jobs 1,2] [--keep DIR]

Pages come from $CLEANARTICLE_BENCH_DATA (a folder of *.html / *.html.gz / *.txt), else
/work/shared/data/scrapinghub/html, else the repository's samples/.  They are unpacked
once into a temporary folder and replicated (hard links, copies where links fail) into
sub-folders of 500 files, so a batch of any size is real pages.  Each run is
``cleanarticle DIR -f jsonl -q > /dev/null`` (and ``-o OUT`` for the memory runs) in a
fresh process.  Peak memory is reported two ways: the largest single process (ru_maxrss of
the waited-for children: the parent or one worker) and the sum of the RSS of the parent
and its workers, sampled from /proc every 50 ms.  The load average is printed before and
after, because the machine may be shared.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared/data/scrapinghub/html")


def source_pages() -> list[tuple[str, bytes]]:
    """(name, bytes) of the pages to replicate."""
    env = os.environ.get("CLEANARTICLE_BENCH_DATA")
    folder = Path(env) if env else SHARED if SHARED.is_dir() else ROOT / "samples"
    pages = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name = path.name
        if name.endswith(".gz"):
            data, name = gzip.decompress(path.read_bytes()), name[:-3]
        elif name.endswith((".html", ".htm", ".txt")):
            data = path.read_bytes()
        else:
            continue
        pages.append((name, data))
    if not pages:
        sys.exit(f"no pages found in {folder}")
    print(f"source: {len(pages)} pages from {folder}")
    return pages


def build(root: Path, pages: list[tuple[str, bytes]], count: int) -> Path:
    """A folder of ``count`` pages under ``root``, 500 to a sub-folder."""
    originals = root / "originals"
    if not originals.exists():
        originals.mkdir(parents=True)
        for i, (name, data) in enumerate(pages):
            (originals / f"{i:04}-{name}").write_bytes(data)
    files = sorted(originals.iterdir())
    batch = root / f"batch-{count}"
    if batch.exists():
        return batch
    for i in range(count):
        src = files[i % len(files)]
        dest = batch / f"part{i // 500:03}" / f"{i:06}-{src.name}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dest)
        except OSError:
            shutil.copyfile(src, dest)
    return batch


def tree_rss_kb(pid: int) -> int:
    """RSS of ``pid`` and its direct children (the workers), from /proc."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            ppid = int(fields[1])
            if int(entry.name) != pid and ppid != pid:
                continue
            with open(f"/proc/{entry.name}/status", "rb") as fh:
                for line in fh:
                    if line.startswith(b"VmRSS:"):
                        total += int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total


def run(args: list[str]) -> tuple[float, int, int, int]:
    """Run the command in a fresh measuring process: (seconds, exit code, largest process
    peak RSS in KB, peak sampled RSS of the process tree in KB)."""
    code = r"""
import os, resource, subprocess, sys, time, json
sys.path.insert(0, sys.argv[1])
from batch import tree_rss_kb
t = time.perf_counter()
p = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL)
peak = 0
while p.poll() is None:
    peak = max(peak, tree_rss_kb(p.pid))
    time.sleep(0.05)
secs = time.perf_counter() - t
print(json.dumps([secs, p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, peak]))
"""
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), *args],
                         capture_output=True, text=True, check=True)
    secs, rc, maxrss, peak = __import__("json").loads(out.stdout)
    return secs, rc, maxrss, peak


def cli() -> list[str]:
    exe = Path(sys.executable).with_name("cleanarticle")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "cleanarticle"]


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=1000, help="batch size for the speed runs and the small memory run")
    ap.add_argument("--big", type=int, default=10000, help="batch size for the big memory run")
    ap.add_argument("--jobs", default="1,2", help="worker counts to time (comma-separated)")
    ap.add_argument("--memory-jobs", type=int, default=2, help="worker count for the memory runs")
    ap.add_argument("--keep", type=Path, help="build the batches here and keep them (default: a temporary folder)")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ns = ap.parse_args()
    pages = source_pages()
    tmp = ns.keep or Path(tempfile.mkdtemp(prefix="cleanarticle-batch-bench-"))
    try:
        small = build(tmp, pages, ns.files)
        print(f"before: {load()}")
        if not ns.skip_speed:
            speed(ns, small)
        if ns.skip_memory:
            return
        memory(ns, tmp, pages, small)
    finally:
        if ns.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


def _spin(n: int) -> float:
    t = time.perf_counter()
    x = 0
    for i in range(n):
        x += i
    return time.perf_counter() - t


def ceiling(workers: int, n: int = 15_000_000) -> float:
    """How much faster ``workers`` processes get pure CPU work done than one, right now:
    the best speed-up the machine (shared with other work) allows at this moment."""
    import multiprocessing

    one = _spin(n)
    t = time.perf_counter()
    with multiprocessing.Pool(workers) as pool:
        pool.map(_spin, [n] * workers)
    return workers * one / (time.perf_counter() - t)


def speed(ns: argparse.Namespace, small: Path) -> None:
    jobs = [int(x) for x in ns.jobs.split(",")]
    print("\nceiling now (a busy loop in N processes vs 1): "
          + ", ".join(f"-j {j}: {ceiling(j):.2f}x" for j in jobs if j > 1))
    print(f"\nspeed, {ns.files} files, cleanarticle DIR -f jsonl -q -j N > /dev/null")
    print("| -j | seconds | files/s | speed-up |")
    print("|---:|---:|---:|---:|")
    base = None
    for j in jobs:
        secs, rc, _, _ = run([*cli(), str(small), "-f", "jsonl", "-q", "-j", str(j)])
        rate = ns.files / secs
        base = base or rate
        print(f"| {j} | {secs:.1f} | {rate:.1f} | {rate / base:.2f}x |  (exit {rc})")
    print(f"after: {load()}")
    print("ceiling after: " + ", ".join(f"-j {j}: {ceiling(j):.2f}x" for j in jobs if j > 1))


def memory(ns: argparse.Namespace, tmp: Path, pages: list[tuple[str, bytes]], small: Path) -> None:
    big = build(tmp, pages, ns.big)
    print(f"\npeak memory, -j {ns.memory_jobs} (KB; largest process = ru_maxrss, tree = parent + workers sampled)")
    print("| files | output | largest process | tree | seconds |")
    print("|---:|---|---:|---:|---:|")
    results = {}
    for label, extra in (("jsonl stdout", ["-f", "jsonl"]), ("-o DIR", None)):
        for n, folder in ((ns.files, small), (ns.big, big)):
            out = tmp / f"out-{n}"
            shutil.rmtree(out, ignore_errors=True)
            args = extra if extra is not None else ["-o", str(out)]
            secs, rc, maxrss, peak = run([*cli(), str(folder), *args, "-q", "-j", str(ns.memory_jobs)])
            results[(label, n)] = (maxrss, peak)
            print(f"| {n} | {label} | {maxrss:,} | {peak:,} | {secs:.1f} |  (exit {rc})")
            shutil.rmtree(out, ignore_errors=True)
        (a1, t1), (a2, t2) = results[(label, ns.files)], results[(label, ns.big)]
        print(f"  {label}: {ns.big} vs {ns.files} files: largest process {a2 / a1:.2f}x, tree {t2 / t1:.2f}x")
    print(f"after: {load()}")


if __name__ == "__main__":
    main()

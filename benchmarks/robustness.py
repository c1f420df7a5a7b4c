"""Robustness figures for the README: huge, deep and hostile inputs, the bad-input corpus, and a fuzz run.

    python benchmarks/robustness.py                     # inputs + corpus + pattern checks
    python benchmarks/robustness.py --fuzz-minutes 10   # and a fuzz run of that length

Every figure is measured here, once, on this machine; tests assert behaviour only.
Prints Markdown tables (paste them into the README's Robustness section).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from cleanarticle import CleanArticleError, clean  # noqa: E402
from cleanarticle import patterns as P  # noqa: E402
from robust_cases import CASES, PARAS  # noqa: E402


def _big_page(target: int) -> str:
    """A realistic article page with nav, teasers and comments, repeated up to ``target`` bytes."""
    unit = ("<div class='story'><h2>Council approves budget</h2>" + "".join(f"<p>{p}</p>" for p in PARAS)
            + "<ul class='related'>" + "".join(f"<li><a href='/s{i}'>Related story {i}</a></li>" for i in range(5))
            + "</ul></div>")
    head = "<!doctype html><html><head><meta charset='utf-8'><title>Big</title></head><body><main>"
    tail = "</main></body></html>"
    n = (target - len(head) - len(tail)) // len(unit.encode())
    return head + unit * n + tail


def inputs() -> list[tuple[str, object, dict]]:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    big = _big_page(49_900_000)
    rows = [
        ("50 MB page (HTML, 49.9 MB)", big),
        ("the same with time_budget=5", big, {"time_budget": 5.0}),
        ("50 MB of tiny paragraphs (5.5 million <p>)", "<html><body>" + "<p>ab</p>" * 5_500_000 + "</body></html>"),
        ("50 MB of short lines (text, 16 million lines)", "ab\n" * 16_000_000),
        ("100,000 nested divs around an article", "<html><body>" + "<div>" * 100_000 + paras + "</div>" * 100_000
         + "</body></html>"),
        ("1,000,000 nested inline tags", "<html><body><p>" + "<b>" * 1_000_000 + PARAS[0] + "</p></body></html>"),
        ("100,000 unclosed <p> and <li>", "<html><body>" + "<p>x <li>y " * 100_000 + paras + "</body></html>"),
        ("5 MB line without spaces (text)", "x" * 5_000_000),
        ("5 MB line without spaces (HTML)", "<html><body><p>" + "x" * 5_000_000 + "</p></body></html>"),
        ("5 MB line of words (text)", ("word " * 1_000_000).strip() + "."),
        ("100,000 short lines (text)", "\n".join(f"Menu item {i}" for i in range(100_000)) + "\n\n" + "\n\n".join(PARAS)),
        ("500 prompt lines padded with 20,000 dashes", "\n".join("menu" + "-" * 20_000 + "x" for _ in range(500))
         + "\n\n" + "\n\n".join(PARAS)),
        ("meta author of 1,000,000 spaces", "<html><head><meta name='author' content='Jane" + " " * 1_000_000
         + "Doe'><title>T" + " " * 1_000_000 + "x</title></head><body>" + paras + "</body></html>"),
        ("20 MB of '<' without '>'", "<html><body><p>" + "<a " * 6_000_000 + "</p></body></html>"),
    ]
    return [r if len(r) == 3 else (*r, {}) for r in rows]


def measure_inputs() -> list[tuple[str, str, str, str]]:
    rows = []
    for name, src, overrides in inputs():
        size = len(src.encode()) if isinstance(src, str) else 0
        t0 = time.perf_counter()
        try:
            art = clean(src, **overrides)
            outcome = f"article, {len(art.body.split()):,} words" if art.found else "no article (exit 3)"
        except CleanArticleError as e:
            outcome = f"{type(e).__name__}: {e}"
        except Exception as e:  # noqa: BLE001
            outcome = f"CRASH {type(e).__name__}: {e}"
        rows.append((name, f"{size / 1e6:.1f} MB", f"{time.perf_counter() - t0:.2f} s", outcome))
        print(f"  {name}: {rows[-1][2]}  {outcome[:80]}", file=sys.stderr)
    return rows


def measure_patterns(limit: float = 2.0, n: int = 100_000) -> tuple[int, float, str, list[str]]:
    """Each pattern on adversarial texts of about ``n`` characters (a few more in some): calls, the slowest call, and the calls cut off at ``limit``.

    The library calls most patterns with the ``regex`` module's timeout (``patterns.search``), so a
    super-linear pattern costs a page at most ``Config.regex_timeout``; this lists such patterns
    instead of waiting for them.  A text of at most ``patterns.UNTIMED_CHARS`` is matched without
    that timeout (it costs two system calls a call): measured at that size, the slowest call shows
    what an untimed call can cost.
    """
    texts = [" " * n + "x", "a" + " " * n + "b", "-" * n + "x", "menu" + "-" * n + "x", ". " * (n // 2) + "x",
             "..." * (n // 3) + "x", "Ab " * (n // 3), "1 " * (n // 2), "x-" * (n // 2), "([" * (n // 2),
             "By " + "Ab " * (n // 3) + "x", "writer " * (n // 7), "(" * n, "©" * n, "é" * n]
    pats = [(k, v) for k, v in vars(P).items() if k.isupper() and hasattr(v, "search")]
    worst, worst_name, calls, cut = 0.0, "", 0, []
    for name, pat in pats:
        for i, t in enumerate(texts):
            # (the two-step matchers, BYLINE and the month-name dates, have only some of these methods)
            for f in filter(None, (getattr(pat, m, None) for m in ("search", "fullmatch", "findall", "split"))):
                t0 = time.perf_counter()
                try:
                    f(t, timeout=limit)
                except TimeoutError:
                    cut.append(f"{name}.{f.__name__} on text {i}")
                dt = time.perf_counter() - t0
                calls += 1
                if dt > worst:
                    worst, worst_name = dt, f"{name}.{f.__name__}"
    return calls, worst, worst_name, cut


def measure_corpus() -> tuple[int, int, int]:
    """Run the bad-input corpus through the library; (cases, as expected, tracebacks)."""
    import tempfile

    ok = crashes = 0
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            src = case.make(Path(tmp))
            try:
                art = clean(src, **case.overrides)
                good = case.error is None and (art.found == (case.exit_code == 0))
            except CleanArticleError as e:
                good = case.error is not None and isinstance(e, case.error) and case.message in str(e)
            except Exception:  # noqa: BLE001
                crashes += 1
                good = False
            ok += good
    return len(CASES), ok, crashes


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz-minutes", type=float, default=0.0)
    ap.add_argument("--fuzz-engine", choices=["hypothesis", "atheris"], default="hypothesis")
    args = ap.parse_args()
    print("| input | size | time | outcome |\n|---|---|---|---|")
    for row in measure_inputs():
        print("| " + " | ".join(row) + " |")
    cases, ok, crashes = measure_corpus()
    print(f"\nbad-input corpus: {cases} cases, {ok} as expected, {crashes} crashes")
    calls, worst, name, cut = measure_patterns()
    print(f"patterns: {calls} calls on adversarial 100,000-character texts; slowest {worst * 1000:.1f} ms ({name})")
    calls, worst, name, _ = measure_patterns(n=P.UNTIMED_CHARS)
    print(f"patterns: {calls} calls on adversarial texts of ~{P.UNTIMED_CHARS} characters (the size matched untimed "
          f"in the library); slowest {worst * 1000:.1f} ms ({name})")
    for call in cut:
        print(f"  cut off at the time limit: {call}")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.fuzz_minutes:
        import subprocess
        out = subprocess.run([sys.executable, str(ROOT / "fuzz" / "run.py"), "--minutes", str(args.fuzz_minutes),
                              "--engine", args.fuzz_engine], capture_output=True, text=True)
        print(out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr[-500:])


if __name__ == "__main__":
    main()

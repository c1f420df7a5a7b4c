"""Fuzz cleanarticle on demand: every input must end in an Article or a CleanArticleError.

    python fuzz/run.py --minutes 10                     # hypothesis engine (always available)
    python fuzz/run.py --minutes 10 --engine atheris    # coverage-guided (pip install -e '.[fuzz]')

A crash (any other exception) or a hang (an input over --hang-seconds) is saved under
fuzz/findings/ (not committed) with its traceback; turn each into a case in
tests/robust_cases.py once fixed.  Prints how many inputs were tried, the crashes and
hangs found, and the slowest input.  tests/test_robust_fuzz.py runs a small smoke
budget of the hypothesis engine in CI.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))     # the shared strategies and the bad-input corpus
FINDINGS = ROOT / "fuzz" / "findings"


class Hang(Exception):
    pass


@dataclass
class Report:
    tried: int = 0          # inputs generated
    cleanings: int = 0      # clean() calls (each input as given, as html and as text)
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    slowest: float = 0.0
    started: float = field(default_factory=time.monotonic)

    def summary(self, engine: str) -> str:
        return (f"fuzz ({engine}): {self.tried:,} inputs, {self.cleanings:,} cleanings in "
                f"{time.monotonic() - self.started:.0f} s; "
                f"crashes {len(self.crashes)}, hangs {len(self.hangs)}; slowest input {self.slowest:.2f} s")


def _on_alarm(signum, frame):  # noqa: ANN001
    raise Hang()


def check_one(source: str | bytes, report: Report, hang_seconds: int = 30, save: bool = True) -> None:
    """Clean ``source`` (as given, and forced to html and text); record a crash or a hang."""
    from cleanarticle import CleanArticleError, clean

    report.tried += 1
    for kind in ("auto", "html", "text"):
        report.cleanings += 1
        t0 = time.monotonic()
        old = signal.signal(signal.SIGALRM, _on_alarm)
        signal.alarm(hang_seconds)
        try:
            clean(source, kind=kind)
        except CleanArticleError:
            pass
        except Hang:
            report.hangs.append(_save(source, f"hang over {hang_seconds} s (kind={kind})", save))
        except Exception:  # noqa: BLE001 - this is what a fuzzer is for
            report.crashes.append(_save(source, f"kind={kind}\n" + traceback.format_exc(), save))
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
        report.slowest = max(report.slowest, time.monotonic() - t0)


def _save(source: str | bytes, what: str, save: bool) -> str:
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    name = hashlib.sha1(data).hexdigest()[:12]
    if save:
        FINDINGS.mkdir(parents=True, exist_ok=True)
        (FINDINGS / f"{name}.input").write_bytes(data)
        (FINDINGS / f"{name}.txt").write_text(what)
    print(f"FOUND {name}: {what.strip().splitlines()[-1]}", file=sys.stderr)
    return name


def run_hypothesis(seconds: float | None = None, examples: int | None = None, report: Report | None = None,
                   save: bool = True, derandomize: bool = False) -> Report:
    """Generate inputs with the property tests' strategies until ``seconds`` or ``examples`` run out.

    ``derandomize`` makes the examples the same on every run (the CI smoke run)."""
    from hypothesis import HealthCheck, given, settings
    from robust_strategies import hostile

    report = report or Report()
    batch = 200 if examples is None else examples
    health = list(HealthCheck)

    @settings(max_examples=batch, deadline=None, database=None, suppress_health_check=health,
              derandomize=derandomize)
    @given(hostile())
    def one(source: str | bytes) -> None:
        check_one(source, report, save=save)

    while True:
        one()
        if examples is not None or seconds is None or time.monotonic() - report.started >= seconds:
            return report


def run_atheris(seconds: float, report: Report) -> None:
    import atheris

    with atheris.instrument_imports():
        import cleanarticle  # noqa: F401
    corpus = FINDINGS.parent / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    from robust_cases import ARTICLE_HTML, ARTICLE_TEXT, LOGIN_WALL, NGINX_404
    for i, seed in enumerate([ARTICLE_HTML, ARTICLE_TEXT, LOGIN_WALL, NGINX_404]):
        (corpus / f"seed{i}").write_text(seed)

    def one(data: bytes) -> None:
        check_one(data, report)
        if report.tried % 1000 == 0:
            print(report.summary("atheris"), file=sys.stderr)
        if time.monotonic() - report.started >= seconds:
            print(report.summary("atheris"))
            sys.stdout.flush()
            os._exit(1 if report.crashes or report.hangs else 0)   # libFuzzer never returns

    atheris.Setup([sys.argv[0], "-timeout=60", "-rss_limit_mb=4096", str(corpus)], one)
    atheris.Fuzz()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--engine", choices=["hypothesis", "atheris"], default="hypothesis")
    args = ap.parse_args()
    report = Report()
    if args.engine == "atheris":
        run_atheris(args.minutes * 60, report)
    else:
        run_hypothesis(seconds=args.minutes * 60, report=report)
    print(report.summary(args.engine))
    return 1 if report.crashes or report.hangs else 0


if __name__ == "__main__":
    sys.exit(main())

"""The README documents what the tool has: every CLI option, every JSON field, and CI runs the quick start."""

from __future__ import annotations

from pathlib import Path

import typer.main

import cleanarticle
from cleanarticle.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _option_names() -> list[str]:
    command = typer.main.get_command(app)
    names = []
    for param in command.params:
        names.extend(n for n in getattr(param, "opts", []) if n.startswith("-"))
    return names


def test_every_cli_option_is_in_the_readme():
    names = _option_names()
    assert "--format" in names and "--report" in names
    missing = [n for n in names if f"`{n}" not in README and f"{n}`" not in README]
    assert not missing, f"README does not document {missing}"


def test_every_json_field_is_in_the_readme():
    for field in (*cleanarticle.JSON_FIELDS, *cleanarticle.TEASER_FIELDS):
        assert f"`{field}`" in README, field


def test_every_pass_is_named_in_the_readme_or_listed_by_the_cli():
    assert "--list-passes" in README


def test_ci_runs_the_readme_quick_start_verbatim():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line.strip() for line in quick.splitlines() if line.startswith("    ")]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in commands:
        assert command in ci, command


def test_exit_codes_are_documented_in_the_readme_and_the_cli():
    from cleanarticle.cli import EXIT_CODES

    for code in EXIT_CODES:
        assert f"| {code} |" in README

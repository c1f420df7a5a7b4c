"""The ordered registry of passes, and the runner that records what each one changed.

A pass is a plain function ``(doc: Document, cfg: Config) -> Document`` that
relabels some blocks and deletes none.  Its docstring's first line is its
one-line description (``cleanarticle --list-passes``).  Passes do not call each
other; they communicate only through the labels they leave on the blocks.
The order below is the order they run in.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from ..config import Config
from ..document import Document, Trace
from ..errors import ConfigError
from . import body, header, prompts, teasers, verdict

PassFunc = Callable[[Document, Config], Document]


# A pass function imported from its module on first use (``passes/dom.py``: HTML pages only).
# A text dump never runs the DOM passes, so it never compiles their module (~27 M instructions
# of a fresh process's import).  Calls and ``__doc__`` (the pass's summary) go to the function.
# (No docstring: the ``__doc__`` property below takes its place.)
class _Deferred:
    __slots__ = ("_module", "_name", "_func")

    def __init__(self, module: str, name: str):
        self._module, self._name, self._func = module, name, None

    def _load(self) -> PassFunc:
        if self._func is None:
            self._func = getattr(importlib.import_module(self._module, __name__), self._name)
        return self._func

    def __call__(self, doc: Document, cfg: Config) -> Document:
        return (self._func or self._load())(doc, cfg)

    @property  # type: ignore[misc]
    def __doc__(self) -> str | None:  # type: ignore[override]
        return self._load().__doc__

    def __repr__(self) -> str:
        return f"<pass {self._module[1:]}.{self._name}, imported on first use>"


@dataclass(frozen=True, slots=True)
class Pass:
    """One pass of the registry: its name, its function and the inputs it runs on."""

    name: str
    func: PassFunc
    kinds: frozenset[str]     # which inputs it runs on: "html", "text"

    @property
    def summary(self) -> str:
        return (self.func.__doc__ or "").strip().splitlines()[0]


_BOTH = frozenset({"html", "text"})
_HTML = frozenset({"html"})

PASSES: tuple[Pass, ...] = (
    Pass("prompts", prompts.mark_prompts, _BOTH),
    Pass("credits", prompts.mark_credits, _BOTH),
    Pass("doubled_alt_text", prompts.mark_doubled_alt_text, _BOTH),
    Pass("dom_landmarks", _Deferred(".dom", "mark_landmarks"), _HTML),
    Pass("dom_hints", _Deferred(".dom", "mark_boilerplate_hints"), _HTML),
    Pass("link_lists", _Deferred(".dom", "mark_link_lists"), _HTML),
    Pass("signup_boxes", _Deferred(".dom", "mark_signup_boxes"), _HTML),
    Pass("teaser_cards", _Deferred(".dom", "mark_teaser_cards"), _HTML),
    Pass("main_container", _Deferred(".dom", "select_main_container"), _HTML),
    Pass("main_run", body.select_main_run, _BOTH),
    Pass("repeats", body.mark_repeats, _BOTH),
    Pass("linked_headings", body.restore_linked_headings, _HTML),
    Pass("title", header.mark_title, _BOTH),
    Pass("bylines", header.mark_bylines, _BOTH),
    Pass("standfirst", header.mark_standfirst, _BOTH),
    Pass("header_captions", header.mark_header_captions, _BOTH),
    Pass("teasers", teasers.mark_teasers, _BOTH),
    Pass("body_end", body.mark_body_end, _BOTH),
    Pass("recover_main_block", body.recover_main_block, _HTML),
    Pass("not_an_article", verdict.mark_no_article, _BOTH),
)
PASS_NAMES = tuple(p.name for p in PASSES)


def check_disabled(names: frozenset[str]) -> None:
    unknown = sorted(set(names) - set(PASS_NAMES))
    if unknown:
        raise ConfigError(f"unknown pass name(s): {', '.join(unknown)}; see --list-passes")


def run(doc: Document, cfg: Config,
        after_each: Callable[[str], None] | None = None) -> tuple[Document, Trace]:
    """Run every enabled pass in order; return the final document and the trace.

    ``after_each(name)`` is called after each pass (the pipeline checks its time budget there).
    """
    check_disabled(cfg.disabled)
    fields: list = []  # each step's fields in a row (a ``Trace``: no object a step)
    for p in PASSES:
        if p.name in cfg.disabled or doc.kind not in p.kinds:
            continue
        new = p.func(doc, cfg)
        if new is not doc:
            _record(fields, p.name, doc, new)
        doc = new  # (the old one let go: its relabelled blocks are freed)
        if after_each is not None:
            after_each(p.name)
    return doc, Trace.of_fields(fields)


def _record(fields: list, name: str, old: Document, new: Document) -> None:
    """Append to ``fields`` a trace step for each block whose label pass ``name`` changed from ``old`` to ``new``.

    (A function of its own: its locals, which hold the old blocks, end with it, not at the next change.)
    """
    done = len(old.changed)
    # The blocks this pass relabelled are the ones its relabels appended to ``changed``
    # (a Document built otherwise is compared block by block).
    touched = sorted(set(new.changed[done:])) if new.changed[:done] == old.changed else range(len(new.blocks))
    old_blocks, new_blocks = old.blocks, new.blocks
    for i in touched:
        new_b = new_blocks[i]
        old_label = old_blocks[i].label
        if old_label is not new_b.label:
            fields += (name, i, new_b.text, old_label, new_b.label, new_b.reason)

"""CONTRIBUTING.md's recipes as steps a test can run on a copy of the project.

A recipe step is an HTML comment (Markdown viewers do not show it) followed, for the steps that
need one, by the fenced block the reader sees:

    <!-- recipe add-item: append data/checklists/lazy-loading.yml -->
    ```yaml
      - id: ...
    ```

Steps of one recipe share its name and run in the order they appear. Actions:

- ``write PATH``: the next block is the whole new file.
- ``append PATH``: the next block goes at the end of the file.
- ``edit PATH``: the next block is a diff: lines starting with ``-`` are replaced by the lines
  starting with ``+``; lines starting with a space (or empty lines) are context that must match.
- ``move OLD NEW``: rename a file.
- ``run``: the next block holds commands, one a line (``#`` starts a comment), from COMMANDS.
- ``expect PAGE SELECTOR``: after the build, the page (its site address, e.g.
  ``topics/lazy-loading/``) has an element matching the CSS selector (soupsieve syntax).

Every path a step writes must also appear in the visible text of the recipe's section, so what
the reader is told and what the test does cannot drift apart.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

# The commands a recipe may tell the reader to run, and what the Makefile runs for each (without
# its step that installs .venv); the test runs the same in the copy, the ledger command's steps
# in its own process (run_command in tests/build/test_contributing_recipes.py).
COMMANDS = {
    "make ledger": "hooks.commands.ledger update",
    "make check": "hooks.commands.ledger check",
    "make build": "mkdocs build --strict",
}
ACTIONS = {"write", "append", "edit", "move", "run", "expect"}
NEEDS_BLOCK = {"write", "append", "edit", "run"}

_STEP = re.compile(r"^<!--\s*recipe\s+([a-z0-9-]+):\s*(.*?)\s*-->\s*$")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r"^#{1,6} ")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


class RecipeError(Exception):
    """A recipe that cannot be read or applied; the message names CONTRIBUTING.md's line."""


@dataclass
class Step:
    recipe: str
    action: str
    args: list[str]
    line: int  # of the comment in CONTRIBUTING.md
    block: str | None = None
    section: str = ""  # the visible text of the section the step is in

    def where(self) -> str:
        return f"CONTRIBUTING.md:{self.line}: recipe {self.recipe} ({self.action})"


@dataclass
class Recipe:
    name: str
    steps: list[Step] = field(default_factory=list)


def _fenced_block(lines: list[str], start: int) -> tuple[str, int]:
    """The content of the fenced block opening at ``lines[start]`` and the index after it."""
    match = _FENCE.match(lines[start])
    assert match
    indent, fence = match.group(1), match.group(2)
    body: list[str] = []
    for index in range(start + 1, len(lines)):
        closing = lines[index].strip()
        if closing.startswith(fence[0] * len(fence)) and not closing.strip(fence[0]):
            return "\n".join(body) + "\n", index + 1
        body.append(lines[index].removeprefix(indent))
    raise RecipeError(f"CONTRIBUTING.md:{start + 1}: fenced block is never closed")


def _sections(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line indexes of each part of the file between headings outside code."""
    starts, in_fence = [0], None
    for index, line in enumerate(lines):
        fence = _FENCE.match(line)
        if fence and in_fence is None:
            in_fence = fence.group(2)
        elif in_fence and line.strip().startswith(in_fence) and not line.strip(in_fence[0] + " "):
            in_fence = None
        elif in_fence is None and _HEADING.match(line):
            starts.append(index)
    return list(zip(starts, [*starts[1:], len(lines)], strict=True))


def parse(text: str) -> dict[str, Recipe]:
    """Every recipe in CONTRIBUTING.md's text, by name, with its steps in order.

    Raises RecipeError (naming the line) for an unknown action, a step without its block, or a
    path the section's visible text does not name."""
    lines = text.splitlines()
    sections = _sections(lines)
    recipes: dict[str, Recipe] = {}
    index = 0
    while index < len(lines):
        match = _STEP.match(lines[index].strip())
        if not match:
            index += 1
            continue
        name, rest = match.groups()
        # An expectation's selector is taken as written (its quotes are CSS); paths are words.
        action, _, tail = rest.partition(" ")
        words = [action, *tail.strip().split(" ", 1)] if action == "expect" else shlex.split(rest)
        if not words or words[0] not in ACTIONS:
            raise RecipeError(
                f"CONTRIBUTING.md:{index + 1}: recipe {name}: unknown action "
                f"{words[0] if words else '(none)'!r}; use one of {', '.join(sorted(ACTIONS))}"
            )
        first, end = next((s, e) for s, e in sections if s <= index < e)
        visible = _COMMENT.sub("", "\n".join(lines[first:end]))
        step = Step(name, words[0], words[1:], index + 1, section=visible)
        index += 1
        if step.action in NEEDS_BLOCK:
            while index < len(lines) and not lines[index].strip():
                index += 1
            if index >= len(lines) or not _FENCE.match(lines[index]):
                raise RecipeError(f"{step.where()}: the step needs a fenced block right after it")
            step.block, index = _fenced_block(lines, index)
        if step.action in {"write", "append", "edit", "move"}:
            for path in step.args:
                if path not in visible:
                    raise RecipeError(
                        f"{step.where()}: the section never names {path}; say it in the text"
                    )
        recipes.setdefault(name, Recipe(name)).steps.append(step)
    return recipes


def apply_edit(original: str, diff: str, where: str) -> str:
    """Apply a diff block (see the module docstring) to ``original``; its lines before the
    change (context and ``-`` lines) must occur exactly once."""
    old: list[str] = []
    new: list[str] = []
    for line in diff.splitlines():
        kind, content = (line[:1], line[1:]) if line else (" ", "")
        if kind == " ":
            old.append(content)
            new.append(content)
        elif kind == "-":
            old.append(content)
        elif kind == "+":
            new.append(content)
        else:
            raise RecipeError(f"{where}: diff line {line!r} starts with neither ' ', '-' nor '+'")
    lines = original.splitlines()
    found = [
        start
        for start in range(len(lines) - len(old) + 1)
        if lines[start : start + len(old)] == old
    ]
    if len(found) != 1:
        raise RecipeError(
            f"{where}: the lines the diff changes occur {len(found)} times in the file; "
            "the recipe no longer matches the file: update the recipe"
        )
    start = found[0]
    result = lines[:start] + new + lines[start + len(old) :]
    return "\n".join(result) + ("\n" if original.endswith("\n") else "")


def apply_file_step(step: Step, project: Path) -> None:
    """Carry out a write, append, edit or move step in the project copy ``project``."""
    if step.action == "move":
        old, new = (project / path for path in step.args)
        if not old.is_file():
            raise RecipeError(f"{step.where()}: {step.args[0]} does not exist")
        new.parent.mkdir(parents=True, exist_ok=True)
        old.rename(new)
        return
    (path,) = step.args
    target = project / path
    assert step.block is not None
    if step.action == "write":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(step.block, encoding="utf-8")
        return
    if not target.is_file():
        raise RecipeError(f"{step.where()}: {path} does not exist")
    text = target.read_text(encoding="utf-8")
    if step.action == "append":
        text = text + ("" if text.endswith("\n") else "\n") + step.block
    else:
        text = apply_edit(text, step.block, step.where())
    target.write_text(text, encoding="utf-8")


def commands(step: Step) -> list[str]:
    """The commands of a run step, as COMMANDS values; RecipeError for one the test cannot run."""
    assert step.block is not None
    found = []
    for line in step.block.splitlines():
        command = line.split("#", 1)[0].strip()
        if not command:
            continue
        if command not in COMMANDS:
            raise RecipeError(
                f"{step.where()}: the test cannot run {command!r}; use one of "
                f"{', '.join(COMMANDS)} or teach tests/recipes.py COMMANDS the new one"
            )
        found.append(COMMANDS[command])
    return found

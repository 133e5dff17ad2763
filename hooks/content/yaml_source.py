"""Load YAML while remembering the line of every key, so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hooks.content.errors import ContentError

# A key path such as ("items", 3, "id"); the empty tuple is the document itself.
KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file with the 1-based line of every value in it."""

    path: str
    data: Any
    lines: dict[KeyPath, int]

    def line_of(self, key_path: KeyPath) -> int:
        """Line of the value at ``key_path``, or of its nearest parent that has one."""
        path = tuple(key_path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def format_key_path(key_path: KeyPath) -> str:
    """``("items", 3, "id")`` -> ``items[3].id``."""
    text = ""
    for part in key_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


def _record_lines(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            _record_lines(value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), lines)


# libyaml's parser when PyYAML has it (several times faster), else PyYAML's own; both give
# the same nodes, marks and errors.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that refuses a key given twice in one mapping (YAML silently keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.MarkedYAMLError(
                    problem=f"key '{key}' appears twice (first on line {seen[key]}); "
                    "keep one of them",
                    problem_mark=key_node.start_mark,
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


# Dates stay text: the data and its schemas know a day as "YYYY-MM-DD", quoted or not, so the
# schema and the catalogue check it with its line (YAML would make an unquoted 2026-11-20 a date
# object, and fail without a line on 2026-02-30).
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_yaml_str)


def load_yaml(file: Path, display_path: str) -> YamlDocument:
    """Parse ``file``; a syntax error becomes a ContentError naming the file and line."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(
            display_path, None, f"cannot be read ({error}); save it as UTF-8"
        ) from None
    try:
        # One parse: the node tree gives the lines and is then constructed into the data (what
        # yaml.load would do with a second parse of the same text).
        loader = _UniqueKeyLoader(text)
        try:
            node = loader.get_single_node()
            data = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or "is not valid YAML"
        raise ContentError(
            display_path,
            line,
            f"invalid YAML: {problem}; check indentation, colons and quotes on that line",
        ) from None
    except yaml.YAMLError as error:
        raise ContentError(display_path, None, f"invalid YAML: {error}") from None
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return YamlDocument(path=display_path, data=data, lines=lines)

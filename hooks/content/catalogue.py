"""The catalogue: every checklist, phase and milestone, loaded and checked once per build.

Data lives in ``data/`` as YAML described by JSON Schemas in ``data/schemas/``. Loading parses each
file with line numbers, validates it against its schema, then cross-checks what no schema can see
(ids unique across the site, references to chapters and topics, a page for every topic). The first
problem stops the build as a ContentError naming file, line, key and the fix.

Every URL the catalogue hands out (a chapter's, a topic page's, the framework page's) is the URL of
a page the site publishes, looked up in the pages the engine passes in (``site_pages``): a
reference to a page that does not exist stops the build here, at the data file and line that
makes it, not in a link check of the built HTML.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from hooks.content.errors import ContentError
from hooks.content.nav import published_source, site_pages
from hooks.content.source_urls import url_problem
from hooks.content.yaml_source import KeyPath, YamlDocument, format_key_path, load_yaml

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

CHECKLIST_DIR = "data/checklists"
FRAMEWORK_FILE = "data/framework.yml"
TIMELINE_FILE = "data/timeline.yml"
SCHEMA_DIR = "data/schemas"
GUIDE_DIR = "guide"
TOPICS_DIR = "topics"
# The page that shows the framework's phase cards (its [[% framework() %]]), where phase links go.
FRAMEWORK_PAGE = f"{GUIDE_DIR}/the-practical-framework.md"


@dataclass(frozen=True)
class Source:
    """Where an item's advice comes from: a primary source's section and what it says there."""

    title: str
    url: str  # https, with the section's #fragment where the page has one
    note: str  # one sentence: what that section says that supports the item


@dataclass(frozen=True)
class Revision:
    """One change to an item's advice, as its data lists it under ``revisions``."""

    date: str  # YYYY-MM-DD, the day the change was made
    summary: str  # one line for readers: what changed
    minor: bool = False  # a change that alters no advice (a typo): readers are not told


def latest_revision(revisions: tuple[Revision, ...]) -> Revision | None:
    """The last revision readers are told about (minor ones skipped); None when there is none.
    Revisions are in date order, the newest last (the catalogue checks it)."""
    return next((revision for revision in reversed(revisions) if not revision.minor), None)


@dataclass(frozen=True)
class Item:
    """One checklist item; ``id`` is the anchor readers link and the key their ticks live under."""

    id: str
    text: str
    why: str
    sources: tuple[Source, ...]
    renamed_from: tuple[str, ...] = ()
    revisions: tuple[Revision, ...] = ()
    line: int = 0  # of its ``id`` in its topic's data file (``Topic.source_path``)

    @property
    def latest_revision(self) -> Revision | None:
        return latest_revision(self.revisions)


@dataclass(frozen=True)
class MovedItem:
    """An item that moved to another checklist: its old anchor ``id`` stays on this page as a
    pointer to the item it became (``to``), so links published under it still land on it."""

    id: str
    to: Item
    to_url: str  # site-relative URL of the item it became, with its #fragment
    to_topic_title: str


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    url: str  # site-relative, e.g. "guide/making-it-sustainable/"


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    chapters: tuple[str, ...]
    items: tuple[Item, ...]
    source_path: str
    url: str  # site-relative URL of its page, e.g. "topics/webhook-design/"
    id_prefix: str = ""  # every item id starts with it, e.g. "webhook-"
    page_source: str = ""  # its page under docs/, e.g. "topics/webhook-design.md"
    moved: tuple[MovedItem, ...] = ()  # items that moved to other checklists


@dataclass(frozen=True)
class Task:
    id: str
    text: str
    chapters: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    renamed_from: tuple[str, ...] = ()
    revisions: tuple[Revision, ...] = ()
    line: int = 0  # of its ``id`` in FRAMEWORK_FILE

    @property
    def latest_revision(self) -> Revision | None:
        return latest_revision(self.revisions)


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    title: str
    guide_text: str
    starts_on_day: int
    ends_on_day: int | None
    tasks: tuple[Task, ...]
    renamed_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class Milestone:
    """One timeline milestone: the guide's words and a signal a reader can check."""

    id: str
    label: str
    guide_text: str
    signal: str  # how a reader tells the milestone is reached; not the guide's words
    starts_on_day: int
    ends_on_day: int | None
    chapters: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    topics: dict[str, Topic]  # in nav order: the order of the topics' pages in nav
    phases: tuple[Phase, ...]
    milestones: tuple[Milestone, ...]
    chapters: dict[str, Chapter]
    framework_url: str  # site-relative URL of the page that shows the phase cards
    pages: Mapping[str, str]  # every published page: source ("guide/x.md") -> URL ("guide/x/")

    def topics_for_chapter(self, chapter_id: str) -> list[Topic]:
        """The topics whose checklists list ``chapter_id`` among their chapters, in nav order."""
        return [topic for topic in self.topics.values() if chapter_id in topic.chapters]

    def chapter_at(self, url: str) -> Chapter | None:
        """The chapter published at the site-relative ``url`` ("guide/x/"), if it is one."""
        return next((chapter for chapter in self.chapters.values() if chapter.url == url), None)


# ---------------------------------------------------------------- schema validation

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_JINJA = re.compile(r"\{\{|\{%|\{#")


def _schemas_digest(schema_dir: Path) -> str:
    return ",".join(_digest(path) for path in sorted(schema_dir.glob("*.schema.json")))


def _validators(schema_dir: Path) -> dict[str, Draft202012Validator]:
    # Keyed by the schemas' content too, so an edited schema applies on the next rebuild.
    return _validators_for(schema_dir, _schemas_digest(schema_dir))


@lru_cache(maxsize=4)
def _validators_for(schema_dir: Path, _schemas: str) -> dict[str, Draft202012Validator]:
    # Imported here: a build whose data files all passed before (CHECKS_DIR) never loads it.
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schemas = {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(schema_dir.glob("*.schema.json"))
    }
    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    return {
        name: Draft202012Validator(schema, registry=registry) for name, schema in schemas.items()
    }


def _with_hint(problem: str, hint: str | None) -> str:
    return problem + (f" ({hint})" if hint else "")


def _describe(error: ValidationError) -> tuple[KeyPath, str]:
    """Turn a jsonschema error into (key path, one-line problem with the fix).

    Reads jsonschema's structured fields (``validator``, ``validator_value``, ``instance``,
    ``schema``), never its English message, so a new jsonschema release or an edited pattern
    cannot change what a contributor is told. The hint is the failing schema's ``description``:
    that is where the schemas say what a value must look like.
    """
    path: KeyPath = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = schema.get("description")
    validator = error.validator
    instance = error.instance
    if validator == "required":
        missing = [key for key in error.validator_value if key not in instance]
        names = ", ".join(f"'{key}'" for key in missing)
        if len(missing) == 1:
            return path, f"is missing required key {names}; add it"
        return path, f"is missing required keys {names}; add them"
    if validator == "additionalProperties":
        allowed = schema.get("properties", {})
        extra = sorted(str(key) for key in set(instance) - set(allowed))
        listed = ", ".join(sorted(allowed))
        return (
            (*path, extra[0]),
            f"is not a known key; remove it or fix the spelling (allowed: {listed})",
        )
    if validator == "pattern":
        return path, f"{instance!r} does not have the required form" + (
            f": {hint}" if hint else f" (pattern {error.validator_value})"
        )
    if validator in ("minItems", "maxItems"):
        low = schema.get("minItems")
        high = schema.get("maxItems")
        bounds = f"{low} to {high}" if low is not None and high is not None else f"{low or 0}+"
        return path, f"has {len(instance)} entries; it needs {bounds}"
    if validator == "type":
        expected = error.validator_value
        return path, _with_hint(f"must be of type {expected}, not {type(instance).__name__}", hint)
    if validator == "maxLength":
        return path, _with_hint(
            f"is {len(instance)} characters long; keep it to {error.validator_value}", hint
        )
    if validator == "minLength":
        return path, _with_hint(
            f"is too short; write at least {error.validator_value} characters", hint
        )
    if validator == "enum":
        choices = ", ".join(repr(choice) for choice in error.validator_value)
        return path, f"{instance!r} is not allowed; use one of: {choices}"
    if validator in ("minimum", "maximum"):
        word = "at least" if validator == "minimum" else "at most"
        return path, _with_hint(f"is {instance!r}; it must be {word} {error.validator_value}", hint)
    if validator == "uniqueItems":
        return path, "lists a value twice; keep each value once"
    # Any other keyword: name it and its limit rather than rephrase the library's message.
    return path, _with_hint(
        f"breaks the schema's '{validator}' rule ({error.validator_value!r})", hint
    )


def _validate(document: YamlDocument, schema_dir: Path, schema_name: str) -> None:
    validator = _validators(schema_dir)[schema_name]
    errors = list(validator.iter_errors(document.data))
    if not errors:
        return
    # Report the error that comes first in the file, the one a contributor meets first.
    described = sorted(
        (_describe(error) for error in errors), key=lambda pair: document.line_of(pair[0])
    )
    key_path, problem = described[0]
    raise ContentError(
        document.path,
        document.line_of(key_path),
        f"{format_key_path(key_path)} {problem} (schema: {SCHEMA_DIR}/{schema_name})",
    )


def _check_plain_text(document: YamlDocument, value: Any, path: KeyPath = ()) -> None:
    """Data text is plain (with `code`): markup or template syntax is a mistake, never rendered."""
    if isinstance(value, dict):
        for key, child in value.items():
            _check_plain_text(document, child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _check_plain_text(document, child, (*path, index))
    elif isinstance(value, str):
        outside_code = re.sub(r"`[^`]*`", "", value)
        if _HTML_TAG.search(outside_code):
            raise ContentError(
                document.path,
                document.line_of(path),
                f"{format_key_path(path)} contains HTML markup; data text is plain text "
                "(put tags and code in `backticks`)",
            )
        if _JINJA.search(value):
            raise ContentError(
                document.path,
                document.line_of(path),
                f"{format_key_path(path)} contains template syntax ({{{{, {{% or {{#); "
                "data text is plain text: remove it",
            )


# ---------------------------------------------------------------- loading


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # load_yaml reports the file that cannot be read


# Data files that passed their checks, by file, schema and the content of both: a page edit in
# `make serve` reloads the catalogue (chapter titles come from the pages) without parsing and
# validating unchanged data again. Only files that passed are kept; a failing one is checked anew.
_CHECKED: dict[tuple[str, str, str, str], YamlDocument] = {}


# Beside the data (git ignores .cache/): one empty file per data file that passed its schema,
# named by a digest of the file, the schemas and the jsonschema release that checked it. A build
# validates only data that changed since it last passed, and then needs no jsonschema at all.
CHECKS_DIR = Path(".cache") / "data-checks"


def _passed_record(root: Path, relative: str, schema_name: str, key: tuple[str, ...]) -> Path:
    """The file that records that ``relative`` passed ``schema_name`` in the state ``key``
    (its digest and the schemas'), under the jsonschema release installed."""
    text = "\n".join([relative, schema_name, *key, version("jsonschema")])
    return root / CHECKS_DIR / hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load_checked(root: Path, relative: str, schema_name: str) -> YamlDocument:
    schema_dir = root / SCHEMA_DIR
    digests = (_digest(root / relative), _schemas_digest(schema_dir))
    key = (str(root / relative), schema_name, *digests)
    if key in _CHECKED:
        return _CHECKED[key]
    document = load_yaml(root / relative, relative)
    if document.data is None:
        raise ContentError(relative, 1, "is empty; see the schema in " + SCHEMA_DIR)
    passed = _passed_record(root, relative, schema_name, digests)
    if not passed.is_file():
        _validate(document, schema_dir, schema_name)
        try:
            passed.parent.mkdir(parents=True, exist_ok=True)
            passed.touch()
        except OSError:
            pass  # a read-only checkout validates on every build
    _check_plain_text(document, document.data)
    if len(_CHECKED) > 64:
        _CHECKED.clear()
    _CHECKED[key] = document
    return document


def _revisions(document: YamlDocument, here: KeyPath, raw: dict[str, Any]) -> tuple[Revision, ...]:
    """The ``revisions`` of the item or task at ``here`` (schema-valid), checked for what the
    schema cannot see: each date is a real day, and the list is in date order, the newest last
    (readers are told about the last one). Raises ContentError at the entry's line."""
    revisions: list[Revision] = []
    for index, entry in enumerate(raw.get("revisions", [])):
        key_path: KeyPath = (*here, "revisions", index, "date")
        try:
            datetime.date.fromisoformat(entry["date"])
        except ValueError:
            raise ContentError(
                document.path,
                document.line_of(key_path),
                f"{format_key_path(key_path)} '{entry['date']}' is no day of the calendar; "
                "write the day of the change as YYYY-MM-DD",
            ) from None
        if revisions and entry["date"] < revisions[-1].date:
            raise ContentError(
                document.path,
                document.line_of(key_path),
                f"{format_key_path(key_path)} {entry['date']} is earlier than the revision "
                f"before it ({revisions[-1].date}); list revisions oldest first, the newest last",
            )
        revisions.append(
            Revision(
                date=entry["date"],
                summary=" ".join(entry["summary"].split()),
                minor=entry.get("minor", False),
            )
        )
    return tuple(revisions)


def _sources(raw: list[dict[str, str]]) -> tuple[Source, ...]:
    return tuple(
        Source(title=s["title"], url=s["url"], note=" ".join(s["note"].split())) for s in raw
    )


def source_url_locations(document: YamlDocument) -> list[tuple[KeyPath, str]]:
    """Every source URL in a checklist document, as (key path, url), in file order.

    Reads the data as parsed, before or without schema validation (the link tools use it on
    files that may not validate), so entries of the wrong shape are skipped, not reported.
    """
    found: list[tuple[KeyPath, str]] = []
    data = document.data if isinstance(document.data, dict) else {}
    items = data.get("items")
    for index, item in enumerate(items if isinstance(items, list) else []):
        sources = item.get("sources") if isinstance(item, dict) else None
        for source_index, source in enumerate(sources if isinstance(sources, list) else []):
            url = source.get("url") if isinstance(source, dict) else None
            if isinstance(url, str):
                found.append((("items", index, "sources", source_index, "url"), url))
    return found


def source_url_errors(document: YamlDocument) -> list[ContentError]:
    """One ContentError per source URL of the wrong form (rules: source_urls.url_problem)."""
    errors = []
    for key_path, url in source_url_locations(document):
        problem = url_problem(url)
        if problem:
            errors.append(
                ContentError(
                    document.path,
                    document.line_of(key_path),
                    f"{format_key_path(key_path)} '{url}' {problem}",
                )
            )
    return errors


def _first_heading(markdown_file: Path) -> str | None:
    for line in markdown_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def _load_chapters(docs_dir: Path, pages: Mapping[str, str]) -> dict[str, Chapter]:
    """The published pages in guide/, in the pages' (reading) order; a chapter's id is its file
    name without ``.md``. Titles come from the page's first ``# `` line: the engine knows a
    page's title only once it has rendered that page, and macros on earlier pages need them."""
    chapters = {}
    for source, url in pages.items():
        folder, _, name = source.rpartition("/")
        if name == "index.md" and folder.rpartition("/")[0] == GUIDE_DIR:
            # A chapter moved into a folder of its own keeps its id (and its address).
            folder, _, name = folder.rpartition("/")
            name += ".md"
        if folder != GUIDE_DIR or not name.endswith(".md"):
            continue
        page = docs_dir / source
        stem = name.removesuffix(".md")
        title = _first_heading(page) or stem.replace("-", " ").title()
        chapters[stem] = Chapter(id=stem, title=title, url=url)
    return chapters


_CHAPTERS_ARE = f"the pages in docs/{GUIDE_DIR}/ that nav in mkdocs.yml lists"


class _IdRegistry:
    """Every id a reader can link or store progress under, with where it was defined."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, int]] = {}

    def claim(self, document: YamlDocument, key_path: KeyPath, value: str) -> None:
        line = document.line_of(key_path)
        if value in self._seen:
            other_path, other_line = self._seen[value]
            raise ContentError(
                document.path,
                line,
                f"{format_key_path(key_path)} '{value}' is already used by "
                f"{other_path}:{other_line}; ids must be unique across the site — pick another id",
            )
        self._seen[value] = (document.path, line)


def _claim_prefix(document: YamlDocument, prefix: str, claimed: dict[str, tuple[str, int]]) -> None:
    """Topics' id prefixes neither repeat nor nest ('api-' and 'api-v2-'), so an item id names
    exactly one topic; ``claimed`` maps each prefix seen so far to its file and line."""
    line = document.line_of(("id_prefix",))
    for other, (other_path, other_line) in claimed.items():
        if prefix.startswith(other) or other.startswith(prefix):
            raise ContentError(
                document.path,
                line,
                f"id_prefix '{prefix}' overlaps '{other}' of {other_path}:{other_line}; give "
                "each topic a prefix that no other topic's prefix starts with",
            )
    claimed[prefix] = (document.path, line)


def _check_id_prefix(document: YamlDocument, key_path: KeyPath, value: str, prefix: str) -> None:
    """An item id starts with its topic's ``id_prefix`` (CONTRIBUTING.md, "Add or edit a
    checklist item"), so an id says which checklist it belongs to wherever it is linked or
    stored. Only current ids: a ``renamed_from`` alias keeps the id it was published under."""
    if not value.startswith(prefix):
        raise ContentError(
            document.path,
            document.line_of(key_path),
            f"{format_key_path(key_path)} '{value}' does not start with this topic's id_prefix "
            f"'{prefix}'; name it '{prefix}…' (to rename a published id, keep the old one in "
            "renamed_from)",
        )


def _check_references(
    document: YamlDocument,
    key_path: KeyPath,
    values: list[str],
    known: dict[str, Any],
    kind: str,
    where: str,
) -> None:
    for index, value in enumerate(values):
        if value not in known:
            choices = ", ".join(sorted(known)) or "(none)"
            raise ContentError(
                document.path,
                document.line_of((*key_path, index)),
                f"{format_key_path((*key_path, index))} names unknown {kind} '{value}'; "
                f"use one of: {choices} ({where})",
            )


def _load_topics(
    root: Path, ids: _IdRegistry, chapters: dict[str, Chapter], pages: Mapping[str, str]
) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    prefixes: dict[str, tuple[str, int]] = {}
    pending_moves: list[tuple[YamlDocument, str]] = []
    files = sorted((root / CHECKLIST_DIR).glob("*.yml"))
    stray = sorted((root / CHECKLIST_DIR).glob("*.yaml"))
    if stray:
        raise ContentError(
            f"{CHECKLIST_DIR}/{stray[0].name}", None, "uses the .yaml extension; rename it to .yml"
        )
    for file in files:
        relative = f"{CHECKLIST_DIR}/{file.name}"
        document = _load_checked(root, relative, "checklist.schema.json")
        data = document.data
        if data["id"] != file.stem:
            raise ContentError(
                relative,
                document.line_of(("id",)),
                f"id '{data['id']}' must equal the file name '{file.stem}'; rename one of them",
            )
        ids.claim(document, ("id",), data["id"])
        page_source = f"{TOPICS_DIR}/{data['id']}.md"
        published = published_source(pages, page_source)
        if published is None:
            raise ContentError(
                relative,
                document.line_of(("id",)),
                f"id '{data['id']}' has no page; create docs/{page_source} with "
                f'[[% checklist("{data["id"]}") %]] (and render_macros: true) and add it to '
                "nav in mkdocs.yml",
            )
        prefix = data["id_prefix"]
        _claim_prefix(document, prefix, prefixes)
        _check_references(
            document, ("chapters",), data["chapters"], chapters, "chapter", _CHAPTERS_ARE
        )
        url_errors = source_url_errors(document)
        if url_errors:
            raise url_errors[0]
        items = []
        for index, raw in enumerate(data["items"]):
            _check_id_prefix(document, ("items", index, "id"), raw["id"], prefix)
            ids.claim(document, ("items", index, "id"), raw["id"])
            for alias_index, alias in enumerate(raw.get("renamed_from", [])):
                ids.claim(document, ("items", index, "renamed_from", alias_index), alias)
            items.append(
                Item(
                    id=raw["id"],
                    text=raw["text"].strip(),
                    why=" ".join(raw["why"].split()),
                    sources=_sources(raw["sources"]),
                    renamed_from=tuple(raw.get("renamed_from", [])),
                    revisions=_revisions(document, ("items", index), raw),
                    line=document.line_of(("items", index, "id")),
                )
            )
        topics[data["id"]] = Topic(
            id=data["id"],
            title=data["title"],
            summary=" ".join(data["summary"].split()),
            chapters=tuple(data["chapters"]),
            items=tuple(items),
            source_path=relative,
            url=pages[published],
            id_prefix=prefix,
            page_source=published,
        )
        if data.get("moved"):
            pending_moves.append((document, data["id"]))
    if not topics:
        raise ContentError(CHECKLIST_DIR, None, "holds no checklist; add at least one .yml file")
    for document, topic_id in pending_moves:
        topics[topic_id] = replace(topics[topic_id], moved=_moved_items(document, topics, topic_id))
    # One order everywhere: the nav's. Every list of topics (home page, topic index, team leads'
    # page, plan page, related-topics boxes) follows the order readers meet the pages in.
    position = {source: index for index, source in enumerate(pages)}
    return dict(sorted(topics.items(), key=lambda entry: position[entry[1].page_source]))


def _moved_items(
    document: YamlDocument, topics: Mapping[str, Topic], topic_id: str
) -> tuple[MovedItem, ...]:
    """The ``moved`` entries of one checklist, each resolved to the item it became in another
    checklist, whose ``renamed_from`` must list the old id (so readers' ticks move with it);
    raises ContentError naming the entry's line otherwise."""
    where = {item.id: topic for topic in topics.values() for item in topic.items}
    moved = []
    for index, entry in enumerate(document.data["moved"]):
        target = where.get(entry["to"])
        key_path: KeyPath = ("moved", index, "to")
        if target is None or target.id == topic_id:
            raise ContentError(
                document.path,
                document.line_of(key_path),
                f"{format_key_path(key_path)} '{entry['to']}' is no item of another checklist; "
                "name the id of the item this one became",
            )
        item = next(item for item in target.items if item.id == entry["to"])
        if entry["id"] not in item.renamed_from:
            raise ContentError(
                document.path,
                document.line_of(("moved", index, "id")),
                f"{format_key_path(('moved', index, 'id'))} '{entry['id']}' is not in "
                f"renamed_from of '{item.id}' ({target.source_path}); add it there, so readers' "
                "ticks move to that item",
            )
        moved.append(MovedItem(entry["id"], item, f"{target.url}#{item.id}", target.title))
    return tuple(moved)


def _load_phases(
    root: Path, ids: _IdRegistry, chapters: dict[str, Chapter], topics: dict[str, Topic]
) -> tuple[Phase, ...]:
    document = _load_checked(root, FRAMEWORK_FILE, "framework.schema.json")
    phases = []
    for index, raw in enumerate(document.data["phases"]):
        here: KeyPath = ("phases", index)
        ids.claim(document, (*here, "id"), raw["id"])
        for alias_index, alias in enumerate(raw.get("renamed_from", [])):
            ids.claim(document, (*here, "renamed_from", alias_index), alias)
        _check_days(document, here, raw)
        tasks = []
        for task_index, task in enumerate(raw["tasks"]):
            task_path: KeyPath = (*here, "tasks", task_index)
            ids.claim(document, (*task_path, "id"), task["id"])
            for alias_index, alias in enumerate(task.get("renamed_from", [])):
                ids.claim(document, (*task_path, "renamed_from", alias_index), alias)
            _check_references(
                document,
                (*task_path, "chapters"),
                task.get("chapters", []),
                chapters,
                "chapter",
                _CHAPTERS_ARE,
            )
            _check_references(
                document,
                (*task_path, "topics"),
                task.get("topics", []),
                topics,
                "topic",
                f"files in {CHECKLIST_DIR}/",
            )
            tasks.append(
                Task(
                    id=task["id"],
                    text=task["text"].strip(),
                    chapters=tuple(task.get("chapters", [])),
                    topics=tuple(task.get("topics", [])),
                    renamed_from=tuple(task.get("renamed_from", [])),
                    revisions=_revisions(document, task_path, task),
                    line=document.line_of((*task_path, "id")),
                )
            )
        phases.append(
            Phase(
                id=raw["id"],
                label=raw["label"],
                title=raw["title"],
                guide_text=" ".join(raw["guide_text"].split()),
                starts_on_day=raw["starts_on_day"],
                ends_on_day=raw["ends_on_day"],
                tasks=tuple(tasks),
                renamed_from=tuple(raw.get("renamed_from", [])),
            )
        )
    return tuple(phases)


def _check_days(document: YamlDocument, here: KeyPath, raw: dict[str, Any]) -> None:
    end = raw.get("ends_on_day")
    if end is not None and end <= raw["starts_on_day"]:
        raise ContentError(
            document.path,
            document.line_of((*here, "ends_on_day")),
            f"{format_key_path((*here, 'ends_on_day'))} {end} must be after starts_on_day "
            f"{raw['starts_on_day']}; fix the day range",
        )


def _load_milestones(
    root: Path, ids: _IdRegistry, chapters: dict[str, Chapter], topics: dict[str, Topic]
) -> tuple[Milestone, ...]:
    document = _load_checked(root, TIMELINE_FILE, "timeline.schema.json")
    milestones = []
    for index, raw in enumerate(document.data["milestones"]):
        here: KeyPath = ("milestones", index)
        ids.claim(document, (*here, "id"), raw["id"])
        _check_days(document, here, raw)
        _check_references(
            document,
            (*here, "chapters"),
            raw.get("chapters", []),
            chapters,
            "chapter",
            _CHAPTERS_ARE,
        )
        _check_references(
            document, (*here, "topics"), raw.get("topics", []), topics, "topic", CHECKLIST_DIR
        )
        milestones.append(
            Milestone(
                id=raw["id"],
                label=raw["label"],
                guide_text=" ".join(raw["guide_text"].split()),
                signal=" ".join(raw["signal"].split()),
                starts_on_day=raw["starts_on_day"],
                ends_on_day=raw["ends_on_day"],
                chapters=tuple(raw.get("chapters", [])),
                topics=tuple(raw.get("topics", [])),
            )
        )
    return tuple(milestones)


_CHECKLIST_CALL = re.compile(r"checklist\(\s*[\"']([^\"']+)[\"']\s*\)")


def _check_topic_pages(docs_dir: Path, topics: dict[str, Topic]) -> None:
    """Every topic's page (which _load_topics found) shows the topic's checklist."""
    for topic in topics.values():
        page = docs_dir / topic.page_source
        page_name = f"docs/{topic.page_source}"
        shown = _CHECKLIST_CALL.findall(page.read_text(encoding="utf-8"))
        if topic.id not in shown:
            raise ContentError(
                page_name,
                None,
                f'does not show its checklist; add [[% checklist("{topic.id}") %]] to the page',
            )


def _fingerprint(root: Path, docs_dir: Path) -> tuple[tuple[str, int, int], ...]:
    files = [*(root / "data").rglob("*"), *(docs_dir / GUIDE_DIR).glob("*.md")]
    files += list((docs_dir / TOPICS_DIR).glob("*.md"))
    return tuple(
        (str(path), path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(files)
        if path.is_file()
    )


def load_catalogue(
    root: Path, docs_dir: Path, pages: tuple[tuple[str, str], ...] | None = None
) -> Catalogue:
    """Load and check all data under ``root`` against the pages in ``docs_dir``.

    ``pages`` are the pages the site publishes as ``(source, URL)`` pairs in reading order, as
    ``hooks.content.nav.site_pages`` makes them from the engine's nav (default: every Markdown
    file, sorted). Chapters are the pages in guide/, in that order; every URL in the catalogue is
    one of these pages' URLs. Raises ContentError (``file:line: problem; fix``) for the first
    mistake: bad YAML or schema, a duplicate id, a reference to a chapter or topic without a page.

    The result is cached until a data or page file changes (``make serve``, engines that call
    the macros module per page) and shared between callers: it is read-only.
    """
    if pages is None:
        pages = site_pages(None, docs_dir)
    return _load_cached(root.resolve(), docs_dir.resolve(), pages, _fingerprint(root, docs_dir))


@lru_cache(maxsize=2)
def _load_cached(
    root: Path,
    docs_dir: Path,
    page_list: tuple[tuple[str, str], ...],
    _fingerprint: tuple[Any, ...],
) -> Catalogue:
    pages = MappingProxyType(dict(page_list))
    ids = _IdRegistry()
    chapters = _load_chapters(docs_dir, pages)
    topics = _load_topics(root, ids, chapters, pages)
    phases = _load_phases(root, ids, chapters, topics)
    milestones = _load_milestones(root, ids, chapters, topics)
    _check_topic_pages(docs_dir, topics)
    framework_page = published_source(pages, FRAMEWORK_PAGE)
    if framework_page is None:
        document = _load_checked(root, FRAMEWORK_FILE, "framework.schema.json")
        raise ContentError(
            FRAMEWORK_FILE,
            document.line_of(("phases",)),
            f"phases are shown on docs/{FRAMEWORK_PAGE}, which the site does not publish; "
            f"restore the page and its entry in nav in mkdocs.yml, or point FRAMEWORK_PAGE in "
            f"hooks/content/catalogue.py at the page that calls [[% framework() %]]",
        )
    return Catalogue(
        topics=topics,
        phases=phases,
        milestones=milestones,
        chapters=chapters,
        framework_url=pages[framework_page],
        pages=pages,
    )

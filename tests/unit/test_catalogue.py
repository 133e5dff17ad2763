"""Loading and validating data: every bad input stops the build with file, line, key and fix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from hooks.content import render
from hooks.content.catalogue import FRAMEWORK_FILE, FRAMEWORK_PAGE, _describe, load_catalogue
from hooks.content.errors import ContentError
from hooks.content.nav import site_pages
from tests.conftest import PROJECT_DIR, nav_pages, project_catalogue, replace_in

CATALOGUE = project_catalogue()
# The checklists these tests break, from the data: the last file (files load in name order, so
# OTHER's ids and prefix are taken before TOPIC's are checked) and the first. The catalogue
# itself lists topics in nav order.
_BY_FILE = sorted(CATALOGUE.topics.values(), key=lambda topic: topic.source_path)
TOPIC = _BY_FILE[-1]
OTHER = _BY_FILE[0]
TOPIC_FILE = TOPIC.source_path  # e.g. "data/checklists/x.yml"
OTHER_FILE = OTHER.source_path
TOPIC_PAGE = f"docs/{TOPIC.page_source}"


def load(project: Path):
    return load_catalogue(project, project / "docs")


def error_for(project: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load(project)
    return str(caught.value)


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def first_item_id(path: Path) -> str:
    """The id of the first entry under ``items:`` in a checklist file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["items"][0]["id"]


def raw(relative: str):
    return yaml.safe_load((PROJECT_DIR / relative).read_text(encoding="utf-8"))


def test_real_data_loads_every_file():
    catalogue = project_catalogue()
    checklists = sorted((PROJECT_DIR / "data/checklists").glob("*.yml"))
    assert checklists, "the project has checklists to load"
    assert sorted(catalogue.topics) == [path.stem for path in checklists]
    for path in checklists:
        topic = catalogue.topics[path.stem]
        data = raw(f"data/checklists/{path.name}")
        assert topic.title == data["title"]
        assert [item.id for item in topic.items] == [item["id"] for item in data["items"]]
        assert all(item.sources for item in topic.items)
    phases = raw("data/framework.yml")["phases"]
    assert [phase.label for phase in catalogue.phases] == [phase["label"] for phase in phases]
    milestones = raw("data/timeline.yml")["milestones"]
    assert [m.label for m in catalogue.milestones] == [m["label"] for m in milestones]


def schema(name: str) -> dict:
    return json.loads((PROJECT_DIR / "data/schemas" / name).read_text(encoding="utf-8"))


def test_real_data_loads_every_file_with_the_schema_limits():
    catalogue = project_catalogue()
    files = sorted((PROJECT_DIR / "data/checklists").glob("*.yml"))
    assert sorted(catalogue.topics) == [path.stem for path in files]
    limits = schema("checklist.schema.json")["properties"]["items"]
    for topic in catalogue.topics.values():
        assert limits["minItems"] <= len(topic.items) <= limits["maxItems"], topic.id
        assert all(item.sources for item in topic.items)
        assert all(item.id.startswith(topic.id_prefix) for item in topic.items), topic.id
        assert all(source.note for item in topic.items for source in item.sources)
    phases = raw("data/framework.yml")["phases"]
    assert [phase.label for phase in catalogue.phases] == [phase["label"] for phase in phases]
    milestones = raw("data/timeline.yml")["milestones"]
    assert [(m.label, m.signal) for m in catalogue.milestones] == [
        (m["label"], " ".join(m["signal"].split())) for m in milestones
    ]


def test_every_data_file_starts_with_its_schema_line():
    for path in sorted((PROJECT_DIR / "data").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert schema.is_file(), f"{path}: schema {schema} does not exist"


def test_malformed_yaml_names_file_and_line(project_copy):
    path = project_copy / TOPIC_FILE
    replace_in(path, "\ntitle:", "\n  title:")
    message = error_for(project_copy)
    assert message.startswith(f"{TOPIC_FILE}:")
    assert "invalid YAML" in message


def test_key_given_twice_is_refused(project_copy):
    path = project_copy / TOPIC_FILE
    replace_in(path, "\ntitle:", "\ntitle: Again\ntitle:")
    message = error_for(project_copy)
    assert re.match(rf"{TOPIC_FILE}:\d+: invalid YAML: key 'title' appears twice", message)


def test_missing_required_key_names_item_and_line(project_copy):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    # Drop the first item's "why" (a folded block: the key line and its indented lines).
    text = re.sub(r"\n    why: >-\n(      .*\n)+", "\n", text, count=1)
    path.write_text(text, encoding="utf-8")
    message = error_for(project_copy)
    assert f"{TOPIC_FILE}:{line_of(path, '  - id: ' + first_item_id(path))}: items[0]" in message
    assert "missing required key 'why'" in message


def test_unknown_key_names_the_key_and_allowed_ones(project_copy):
    path = project_copy / TOPIC_FILE
    replace_in(path, "\ntitle:", "\nsummery_text: Typo\ntitle:")
    message = error_for(project_copy)
    line = line_of(path, "summery_text:")
    assert message.startswith(f"{TOPIC_FILE}:{line}: summery_text is not a known key")
    allowed = ", ".join(sorted(schema("checklist.schema.json")["properties"]))
    assert f"allowed: {allowed}" in message


def test_data_is_validated_again_only_when_it_changed(project_copy, monkeypatch):
    from hooks.content import catalogue as catalogue_module

    load(project_copy)  # every file passes and is recorded as passed
    validated: list[str] = []
    validate = catalogue_module._validate

    def recorded(document, schema_dir, schema_name):
        validated.append(document.path)
        validate(document, schema_dir, schema_name)

    monkeypatch.setattr(catalogue_module, "_validate", recorded)
    # As a new build (a new process) finds them: nothing kept in memory.
    catalogue_module._CHECKED.clear()
    catalogue_module._load_cached.cache_clear()
    load(project_copy)
    assert validated == []
    replace_in(project_copy / TOPIC_FILE, "\ntitle:", "\nsummery_text: Typo\ntitle:")
    assert f"{TOPIC_FILE}:" in error_for(project_copy)
    assert validated == [TOPIC_FILE]


def test_invalid_id_is_explained(project_copy):
    path = project_copy / TOPIC_FILE
    item_id = first_item_id(path)
    replace_in(path, f"- id: {item_id}", "- id: Bad_Id")
    message = error_for(project_copy)
    assert message.startswith(
        f"{TOPIC_FILE}:{line_of(path, 'Bad_Id')}: items[0].id 'Bad_Id' does not have the "
        "required form: Stable id: lowercase letters, digits and single hyphens"
    )


def test_too_few_items_says_how_many_are_needed(project_copy):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    head, items = text.split("\nitems:\n", 1)
    kept = "\n  - id: ".join(items.split("\n  - id: ")[:3])
    path.write_text(head + "\nitems:\n" + kept + "\n", encoding="utf-8")
    message = error_for(project_copy)
    assert (
        f"{TOPIC_FILE}:{line_of(path, 'items:')}: items has 3 entries; it needs 8 to 15" in message
    )


def test_source_must_be_https(project_copy):
    path = project_copy / TOPIC_FILE
    replace_in(path, "url: https://", "url: http://")
    message = error_for(project_copy)
    assert message.startswith(f"{TOPIC_FILE}:{line_of(path, 'url: http://')}:")
    assert "items[0].sources[0].url 'http://" in message
    assert "does not have the required form: https URL of a primary source" in message


def test_wrong_type_is_named(project_copy):
    path = project_copy / TOPIC_FILE
    replace_in(path, "\nchapters:\n", "\nchapters: 7\nunused:\n")
    message = error_for(project_copy)
    assert "chapters must be of type array, not int" in message


def test_duplicate_id_across_files_names_both_places(project_copy):
    first = project_copy / OTHER_FILE
    second = project_copy / TOPIC_FILE
    taken = first_item_id(first)
    # Item ids carry their topic's prefix, so an id from another file can only come back as an
    # alias (renamed_from) or as a phase or milestone id.
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("    text:", f"    renamed_from: [{taken}]\n    text:", 1))
    message = error_for(project_copy)
    expected_first_line = line_of(first, f"- id: {taken}")
    assert re.search(
        rf"{TOPIC_FILE}:{line_of(second, 'renamed_from: [' + taken)}: items\[0\]\.renamed_from"
        rf"\[0\] '{taken}' is already used by {re.escape(OTHER_FILE)}:"
        rf"{expected_first_line}; ids must be unique",
        message,
    ), message


def test_alias_may_not_reuse_a_current_id(project_copy):
    path = project_copy / TOPIC_FILE
    taken = first_item_id(project_copy / OTHER_FILE)
    text = path.read_text(encoding="utf-8")
    text = text.replace("    text:", f"    renamed_from: [{taken}]\n    text:", 1)
    path.write_text(text, encoding="utf-8")
    message = error_for(project_copy)
    assert f"renamed_from[0] '{taken}' is already used by {OTHER_FILE}" in message


def test_phase_ids_collide_with_item_ids_too(project_copy):
    path = project_copy / "data/framework.yml"
    taken = first_item_id(project_copy / OTHER_FILE)
    replace_in(path, f"- id: {CATALOGUE.phases[0].id}\n", f"- id: {taken}\n")
    message = error_for(project_copy)
    assert message.startswith("data/framework.yml:")
    assert f"phases[0].id '{taken}' is already used by {OTHER_FILE}" in message


def test_unknown_chapter_lists_the_known_ones(project_copy):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\nchapters:\n  - \S+", "\nchapters:\n  - no-such-chapter", text, count=1)
    path.write_text(text, encoding="utf-8")
    message = error_for(project_copy)
    assert message.startswith(f"{TOPIC_FILE}:{line_of(path, 'no-such-chapter')}: chapters[0]")
    assert "unknown chapter 'no-such-chapter'" in message
    assert all(chapter in message for chapter in CATALOGUE.chapters), message


def test_unknown_topic_in_framework_task(project_copy):
    path = project_copy / "data/framework.yml"
    text = path.read_text(encoding="utf-8")
    # The first task that names topics names a misspelt one instead: its first id, cut short.
    named = re.search(r"topics: \[([\w-]+)", text)
    assert named, "no framework task names a topic"
    misspelt = named.group(1)[:-1]
    assert misspelt not in CATALOGUE.topics
    path.write_text(text[: named.start(1)] + misspelt + text[named.end(1) :], encoding="utf-8")
    message = error_for(project_copy)
    line = text.count("\n", 0, named.start()) + 1
    assert message.startswith(f"data/framework.yml:{line}:")
    assert f"unknown topic '{misspelt}'" in message


def test_topic_id_must_match_file_name(project_copy):
    path = project_copy / TOPIC_FILE
    replace_in(path, f"\nid: {TOPIC.id}\n", f"\nid: {TOPIC.id}-renamed\n")
    message = error_for(project_copy)
    assert f"id '{TOPIC.id}-renamed' must equal the file name '{TOPIC.id}'" in message


def test_topic_without_page_says_which_page_to_create(project_copy):
    (project_copy / TOPIC_PAGE).unlink()
    message = error_for(project_copy)
    line = line_of(project_copy / TOPIC_FILE, f"id: {TOPIC.id}")
    assert message.startswith(f"{TOPIC_FILE}:{line}: id '{TOPIC.id}' has no page")
    assert TOPIC_PAGE in message


def test_topic_page_must_show_its_checklist(project_copy):
    path = project_copy / TOPIC_PAGE
    replace_in(path, f'[[% checklist("{TOPIC.id}") %]]', "Coming soon.")
    message = error_for(project_copy)
    assert message.startswith(f"{TOPIC_PAGE}: does not show its checklist")


@pytest.mark.parametrize(
    "injected",
    ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "</label>"],
)
def test_markup_in_data_is_refused(project_copy, injected):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"\n    text: (.*)", lambda m: f"\n    text: '{m.group(1)} {injected}'", text, count=1
    )
    path.write_text(text, encoding="utf-8")
    message = error_for(project_copy)
    assert f"{TOPIC_FILE}:{line_of(path, injected)}: items[0].text contains HTML markup" in message


def test_markup_inside_backticks_is_allowed_as_code(project_copy):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"\n    text: (.*)", r"\n    text: 'Mention `<link rel=preload>` safely'", text, count=1
    )
    path.write_text(text, encoding="utf-8")
    catalogue = load(project_copy)
    assert catalogue.topics[TOPIC.id].items[0].text == "Mention `<link rel=preload>` safely"


def test_template_syntax_in_data_is_refused(project_copy):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"\n    text: (.*)", r"\n    text: 'Render {{ config.secret }} here'", text, count=1
    )
    path.write_text(text, encoding="utf-8")
    message = error_for(project_copy)
    assert "items[0].text contains template syntax" in message


def test_empty_file_is_refused(project_copy):
    (project_copy / TOPIC_FILE).write_text("# nothing yet\n", encoding="utf-8")
    assert error_for(project_copy).startswith(f"{TOPIC_FILE}:1: is empty")


def test_day_range_must_move_forward(project_copy):
    path = project_copy / "data/timeline.yml"
    second = CATALOGUE.milestones[1]
    text = path.read_text(encoding="utf-8")
    at = text.index(f"- id: {second.id}\n")
    end = f"ends_on_day: {second.ends_on_day}\n"
    assert end in text[at:], f"milestone {second.id} has no end day"
    early = second.starts_on_day - 1  # ends before it starts
    path.write_text(
        text[:at] + text[at:].replace(end, f"ends_on_day: {early}\n", 1), encoding="utf-8"
    )
    message = error_for(project_copy)
    assert (
        f"milestones[1].ends_on_day {early} must be after starts_on_day {second.starts_on_day}"
        in message
    )


def test_yaml_extension_is_refused(project_copy):
    source = project_copy / TOPIC_FILE
    source.rename(source.with_suffix(".yaml"))
    assert "uses the .yaml extension; rename it to .yml" in error_for(project_copy)


def test_catalogue_is_loaded_once_until_data_changes(project_copy):
    first = load(project_copy)
    assert load(project_copy) is first
    path = project_copy / "data/timeline.yml"
    label = CATALOGUE.milestones[0].label
    replace_in(path, f"label: {label}\n", f"label: {label} and on\n")
    assert load(project_copy) is not first


def test_file_that_is_not_utf8_is_named(project_copy):
    (project_copy / TOPIC_FILE).write_bytes(b"id: \xff\xfe\n")
    message = error_for(project_copy)
    assert message.startswith(f"{TOPIC_FILE}: cannot be read")
    assert "save it as UTF-8" in message


def test_other_schema_limits_are_reported_with_the_schema_hint(project_copy):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    long_text = "Do " + "this and that " * 12
    text = re.sub(r"\n    text: (.*)", f"\n    text: {long_text}", text, count=1)
    path.write_text(text, encoding="utf-8")
    message = error_for(project_copy)
    assert message.startswith(f"{TOPIC_FILE}:{line_of(path, long_text.strip())}: items[0].text")
    assert f"is {len(long_text.strip())} characters long; keep it to 120" in message
    assert "Short imperative sentence" in message


def test_a_folder_without_checklists_is_refused(project_copy):
    for path in (project_copy / "data/checklists").glob("*.yml"):
        path.unlink()
    assert error_for(project_copy).startswith("data/checklists: holds no checklist")


def published_without(project: Path, *sources: str) -> tuple[tuple[str, str], ...]:
    """The project's published pages (its nav) without ``sources``."""
    nav = [source for source in nav_pages() if source not in sources]
    return site_pages(nav, project / "docs")


def test_chapter_without_a_published_page_fails_at_the_data_line(project_copy):
    # The chapter's Markdown file is still there; the site just does not publish it.
    first_file = sorted((project_copy / "data/checklists").glob("*.yml"))[0]
    chapter = load(project_copy).topics[first_file.stem].chapters[0]
    pages = published_without(project_copy, f"guide/{chapter}.md")
    with pytest.raises(ContentError) as caught:
        load_catalogue(project_copy, project_copy / "docs", pages)
    relative = f"data/checklists/{first_file.name}"
    line = line_of(first_file, f"- {chapter}")
    assert str(caught.value).startswith(
        f"{relative}:{line}: chapters[0] names unknown chapter '{chapter}'"
    )
    assert "nav in mkdocs.yml" in str(caught.value)


def test_topic_without_a_published_page_fails_at_its_id(project_copy):
    pages = published_without(project_copy, TOPIC.page_source)
    with pytest.raises(ContentError) as caught:
        load_catalogue(project_copy, project_copy / "docs", pages)
    line = line_of(project_copy / TOPIC_FILE, f"id: {TOPIC.id}")
    assert str(caught.value).startswith(f"{TOPIC_FILE}:{line}: id '{TOPIC.id}' has no page")


def test_unpublished_framework_page_fails_at_the_phases(project_copy):
    pages = published_without(project_copy, FRAMEWORK_PAGE)
    with pytest.raises(ContentError) as caught:
        load_catalogue(project_copy, project_copy / "docs", pages)
    line = line_of(project_copy / FRAMEWORK_FILE, "phases:")
    assert str(caught.value).startswith(f"{FRAMEWORK_FILE}:{line}: phases are shown on")


def test_every_generated_url_is_a_published_page_url():
    # Without directory URLs the engine publishes "topics/x.html": the catalogue follows it.
    pages = site_pages(nav_pages(), PROJECT_DIR / "docs", use_directory_urls=False)
    catalogue = load_catalogue(PROJECT_DIR, PROJECT_DIR / "docs", pages)
    published = dict(pages)
    assert [c.url for c in catalogue.chapters.values()] == [
        url for source, url in pages if source.startswith("guide/")
    ]
    for topic in catalogue.topics.values():
        assert topic.url == published[f"topics/{topic.id}.md"]
    assert catalogue.framework_url == published[FRAMEWORK_PAGE]
    assert catalogue.framework_url.endswith(".html")


def test_a_template_linking_an_unpublished_page_names_it():
    pages = published_without(PROJECT_DIR, render.PLAN_PAGE)
    catalogue = load_catalogue(PROJECT_DIR, PROJECT_DIR / "docs", pages)
    page = render.PageContext(url="onboarding/", site_url="https://e.org/")
    with pytest.raises(render.MissingPage) as caught:
        render.render_plan_builder(catalogue, page)
    assert caught.value.source == render.PLAN_PAGE


# ---------------------------------------------------------------- sources, notes, signals, prefixes


def test_source_without_note_is_refused(project_copy):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\n        note: .*", "", text, count=1)
    path.write_text(text, encoding="utf-8")
    message = error_for(project_copy)
    assert message.startswith(f"{TOPIC_FILE}:{line_of(path, '      - title: ')}:")
    assert "items[0].sources[0] is missing required key 'note'; add it" in message


def test_milestone_without_signal_is_refused(project_copy):
    path = project_copy / "data/timeline.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\n    signal: >-\n(      .*\n)+", "\n", text, count=1)
    path.write_text(text, encoding="utf-8")
    message = error_for(project_copy)
    assert message.startswith(f"data/timeline.yml:{line_of(path, '  - id: milestone-')}:")
    assert "milestones[0] is missing required key 'signal'" in message


@pytest.mark.parametrize(
    ("bad_url", "problem"),
    [
        ("https://example.org/page?utm_source=news", "has the tracking parameter 'utm_source'"),
        ("https://example.org/page#", "ends in an empty '#'"),
        ("https://localhost/page", "has no host name with a dot in it"),
        ("https://example.org:99999/page", "does not parse as a URL"),
        ("https://user:secret@example.org/page", "carries a user name or password"),
    ],
)
def test_source_url_of_the_wrong_form_stops_the_load(project_copy, bad_url, problem):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\n        url: \S+", f"\n        url: {bad_url}", text, count=1)
    path.write_text(text, encoding="utf-8")
    message = error_for(project_copy)
    where = f"{TOPIC_FILE}:{line_of(path, bad_url)}: items[0].sources[0].url '{bad_url}' "
    assert message.startswith(where + problem), message
    assert "; " in message.removeprefix(where), "the message ends with the fix"


def test_item_id_must_start_with_the_topic_prefix(project_copy):
    path = project_copy / TOPIC_FILE
    prefix = raw(TOPIC_FILE)["id_prefix"]
    item_id = first_item_id(path)
    replace_in(path, f"- id: {item_id}", "- id: other-rotate-secrets")
    message = error_for(project_copy)
    assert message == (
        f"{TOPIC_FILE}:{line_of(path, 'other-rotate-secrets')}: items[0].id "
        f"'other-rotate-secrets' does not start with this topic's id_prefix '{prefix}'; name it "
        f"'{prefix}…' (to rename a published id, keep the old one in renamed_from)"
    )


def test_alias_from_another_topic_keeps_its_own_prefix(project_copy):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    moved = f"{OTHER.id_prefix}moved-here"
    text = text.replace("    text:", f"    renamed_from: [{moved}]\n    text:", 1)
    path.write_text(text, encoding="utf-8")
    topic = load(project_copy).topics[TOPIC.id]
    assert topic.items[0].renamed_from == (moved,)


@pytest.mark.parametrize("shape", ["same", "nested"])
def test_topics_may_not_share_or_nest_a_prefix(project_copy, shape):
    other = OTHER_FILE
    taken = raw(TOPIC_FILE)["id_prefix"]
    own = raw(other)["id_prefix"]
    new = taken if shape == "same" else f"{taken}nested-"
    path = project_copy / other
    text = path.read_text(encoding="utf-8").replace(f"id_prefix: {own}", f"id_prefix: {new}")
    path.write_text(text.replace(f"- id: {own}", f"- id: {new}"), encoding="utf-8")
    message = error_for(project_copy)
    # OTHER_FILE loads before TOPIC_FILE (files load in name order).
    line = line_of(project_copy / TOPIC_FILE, "id_prefix:")
    assert message.startswith(
        f"{TOPIC_FILE}:{line}: id_prefix '{taken}' overlaps '{new}' of {other}:"
    ), message
    assert "give each topic a prefix that no other topic's prefix starts with" in message


def test_checklist_without_prefix_is_refused(project_copy):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\nid_prefix: .*", "", text, count=1), encoding="utf-8")
    message = error_for(project_copy)
    first_key = line_of(path, f"id: {TOPIC.id}")
    assert message.startswith(
        f"{TOPIC_FILE}:{first_key}: (document) is missing required key 'id_prefix'; add it"
    )


def _errors(schema_name: str, instance: object):
    schemas = {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in (PROJECT_DIR / "data/schemas").glob("*.schema.json")
    }
    registry = Registry().with_resources(
        (name, Resource.from_contents(value)) for name, value in schemas.items()
    )
    return list(Draft202012Validator(schemas[schema_name], registry=registry).iter_errors(instance))


@pytest.mark.parametrize(
    ("instance", "key_path", "expected"),
    [
        (
            {"milestones": [{"id": "m-one", "label": "Week 1"}]},
            ("milestones", 0),
            "is missing required keys 'guide_text', 'signal', 'starts_on_day', 'ends_on_day'; "
            "add them",
        ),
        (
            {"milestones": [], "mistake": 1},
            ("mistake",),
            "is not a known key; remove it or fix the spelling (allowed: milestones)",
        ),
        (
            {"milestones": [{"id": "Bad Id"}]},
            ("milestones", 0, "id"),
            "'Bad Id' does not have the required form: Stable id: lowercase letters",
        ),
    ],
)
def test_schema_errors_are_described_from_fields_not_from_the_message(instance, key_path, expected):
    """The description stays the same whatever jsonschema's English message says."""
    errors = _errors("timeline.schema.json", instance)
    described = [_describe(error) for error in errors]
    for error in errors:
        error.message = "a message in other words, with 'quoted' names"
    assert [_describe(error) for error in errors] == described
    assert dict(described)[key_path].startswith(expected), described


# ---------------------------------------------------------------- items moved to another topic


# The checklist with the most room takes the moved item (a list holds at most 15).
DEST = min((t for t in CATALOGUE.topics.values() if t.id != OTHER.id), key=lambda t: len(t.items))


def move_first_item(project: Path, add_alias: bool = True) -> tuple[str, str]:
    """Move OTHER's first item to DEST in a project copy (as CONTRIBUTING says: the item goes,
    DEST's new item lists the old id in renamed_from, OTHER lists it under moved); returns
    (old id, new id)."""
    old = OTHER.items[0]
    new_id = f"{DEST.id_prefix}moved-here"
    other_path, topic_path = project / OTHER_FILE, project / DEST.source_path
    text = other_path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {old.id}\n")
    end = text.index("\n  - id: ", start + 1) + 1
    entry = f"  - id: {old.id}\n    to: {new_id}\n"
    head = text[:start]
    if "\nmoved:\n" in head:
        head = head.replace("\nmoved:\n", f"\nmoved:\n{entry}", 1)
    else:
        head = head.replace("\nitems:\n", f"\nmoved:\n{entry}items:\n", 1)
    other_path.write_text(head + text[end:], encoding="utf-8")
    block = text[start:end].replace(f"- id: {old.id}\n", f"- id: {new_id}\n", 1)
    if add_alias and "    renamed_from: [" in block:
        block = block.replace("    renamed_from: [", f"    renamed_from: [{old.id}, ", 1)
    elif add_alias:
        block = block.replace(
            f"- id: {new_id}\n", f"- id: {new_id}\n    renamed_from: [{old.id}]\n"
        )
    topic_text = topic_path.read_text(encoding="utf-8").rstrip("\n") + "\n" + block
    topic_path.write_text(topic_text, encoding="utf-8")
    return old.id, new_id


def test_an_item_moved_to_another_topic_leaves_a_pointer_under_its_old_id(project_copy):
    old_id, new_id = move_first_item(project_copy)
    catalogue = load(project_copy)
    moved = next(m for m in catalogue.topics[OTHER.id].moved if m.id == old_id)
    assert moved.to.id == new_id
    assert moved.to_url == f"{catalogue.topics[DEST.id].url}#{new_id}"
    page = render.PageContext(url=catalogue.topics[OTHER.id].url, site_url="https://e.org/")
    html = render.render_checklist(catalogue, catalogue.topics[OTHER.id], page)
    pointer = BeautifulSoup(html, "html.parser").select_one(f"a#{old_id}")
    assert pointer is not None and pointer["href"].endswith(f"/{DEST.id}/#{new_id}")


def test_a_moved_item_must_take_readers_ticks_with_it(project_copy):
    old_id, new_id = move_first_item(project_copy, add_alias=False)
    message = error_for(project_copy)
    line = line_of(project_copy / OTHER_FILE, f"  - id: {old_id}")
    assert message.startswith(f"{OTHER_FILE}:{line}: moved[0].id '{old_id}' is not in ")
    assert f"renamed_from of '{new_id}'" in message and "add it there" in message

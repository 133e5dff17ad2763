"""Whole builds that must fail: page-level mistakes stop `mkdocs build --strict` with a message
naming the file and the fix. Data mistakes are covered one by one in tests/unit/test_catalogue.py.
"""

from __future__ import annotations

import posixpath
import re

import pytest

from hooks.guards.titles import nav_titles
from tests.conftest import PROJECT_DIR, project_catalogue, replace_in, run_mkdocs_build, site_config

CATALOGUE = project_catalogue()
SOURCES = {url: source for source, url in CATALOGUE.pages.items()}  # "guide/x/" -> "guide/x.md"


def renders_macros(source: str) -> bool:
    return "render_macros: true" in (PROJECT_DIR / "docs" / source).read_text(encoding="utf-8")


# The pages these tests break, from the data (any would do): the last chapter in reading order
# that renders no macros, and the first topic's page, which shows its checklist by a macro.
PAGE_URL = next(
    chapter.url
    for chapter in reversed(CATALOGUE.chapters.values())
    if not renders_macros(SOURCES[chapter.url])
)
PAGE_SOURCE = SOURCES[PAGE_URL]  # e.g. "guide/x.md"
PAGE = f"docs/{PAGE_SOURCE}"
TOPIC = next(iter(CATALOGUE.topics.values()))
MACRO_PAGE = f"docs/{TOPIC.page_source}"
CALL = f'checklist("{TOPIC.id}") %]]'  # the end of the topic page's checklist call


def link_from_page(source: str) -> str:
    """A Markdown link target from PAGE to the docs/ file ``source`` ("topics/x.md")."""
    return posixpath.relpath(source, posixpath.dirname(PAGE_SOURCE))


def append_to_page(project, text: str, page: str = PAGE) -> None:
    """Add ``text`` as the last paragraph of ``page`` in the project copy."""
    path = project / page
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{text}\n")


def description_line(project) -> str:
    """PAGE's front matter line that gives its description."""
    text = (project / PAGE).read_text(encoding="utf-8")
    return re.search(r"^description: .*$", text, re.M).group()


def failed_build(project, *, full_site: bool = False) -> str:
    """The log of a build of ``project`` that must fail; by default built as `make serve` builds
    (the page checks are the same, the publishing extras are left out, so the mistake also stops
    a preview); ``full_site=True`` for what only `make build` checks (the link ledger)."""
    site = project / "site"
    result = run_mkdocs_build(project, site, "http://127.0.0.1:8000/", full_site=full_site)
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr


def test_unmodified_copy_builds(project_copy):
    result = run_mkdocs_build(project_copy, project_copy / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr[-3000:]


def test_unmodified_copy_builds_as_a_preview(project_copy):
    # failed_build builds this way: a failure there is the mistake's, not the preview's.
    site = project_copy / "site"
    result = run_mkdocs_build(project_copy, site, "http://127.0.0.1:8000/", full_site=False)
    assert result.returncode == 0, result.stderr[-3000:]


def test_unknown_topic_names_the_page(project_copy):
    replace_in(
        project_copy / MACRO_PAGE,
        CALL,
        f'{CALL}\n\n[[% checklist("no-such-topic") %]]',
    )
    log = failed_build(project_copy)
    line = line_of(project_copy, 'checklist("no-such-topic")', MACRO_PAGE)
    assert f"{MACRO_PAGE}:{line}: checklist('no-such-topic') names an unknown topic" in log


def test_wrong_argument_type_names_the_page(project_copy):
    replace_in(
        project_copy / MACRO_PAGE,
        CALL,
        f"{CALL}\n\n[[% checklist(3) %]]",
    )
    log = failed_build(project_copy)
    line = line_of(project_copy, "checklist(3)", MACRO_PAGE)
    assert f"{MACRO_PAGE}:{line}: checklist() needs a topic id in quotes, got 3" in log


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("[[% no_such_thing %]]", "'no_such_thing' is no macro or variable of this site"),
        (f'[[% checklist_for("{TOPIC.id}") %]]', "'checklist_for' is no macro or variable"),
        ("[[%% if %%]]", "macro syntax error: Expected an expression"),
        (f'[[% checklist("{TOPIC.id}" %]]', "macro syntax error: "),
    ],
)
def test_macro_mistake_names_the_line(project_copy, tag, message):
    replace_in(
        project_copy / MACRO_PAGE,
        CALL,
        f"{CALL}\n\nIntro.\n\n{tag}\n",
    )
    log = failed_build(project_copy)
    line = line_of(project_copy, tag, MACRO_PAGE)
    assert f"{MACRO_PAGE}:{line}: {message}" in log


@pytest.mark.parametrize("tag", ["[[% timeline() %]]", "[[%% if true %%]]x[[%% endif %%]]"])
def test_macro_on_page_without_render_macros_is_caught(project_copy, tag):
    append_to_page(project_copy, f"See {tag} here.")
    log = failed_build(project_copy)
    line = (project_copy / PAGE).read_text().splitlines().index(f"See {tag} here.") + 1
    assert f"{PAGE}:{line}: unrendered macro '{tag[:5]}" in log
    assert "render_macros: true" in log


@pytest.mark.parametrize(
    "markdown",
    [
        "Write `[[% config.site_name %]]` for the name.",
        "> ```text\n> Subject: [[% config.site_name %]] webhook failed\n> ```",
        "Before:\n\n    [[%% if config.site_name %%]]yes[[%% endif %%]]\n\nAfter.",
        "- Step:\n\n    ```\n    [[%# a comment #%]]\n    ```",
    ],
)
def test_macro_tag_in_code_on_a_macro_page_fails_with_the_fix(project_copy, markdown):
    replace_in(
        project_copy / MACRO_PAGE,
        CALL,
        f"{CALL}\n\n{markdown}\n",
    )
    log = failed_build(project_copy)
    lines = (project_copy / MACRO_PAGE).read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "[[%" in text and "checklist(" not in text)
    assert f"{MACRO_PAGE}:{line}: macro tag '[[%" in log
    assert "wrap the example in [[%% raw %%]] … [[%% endraw %%]]" in log


def test_macro_tag_in_code_inside_a_raw_block_is_shown_as_written(project_copy):
    example = "[[%% raw %%]]\n```text\nSubject: [[% config.site_name %]]\n```\n[[%% endraw %%]]"
    replace_in(
        project_copy / MACRO_PAGE,
        CALL,
        f"{CALL}\n\n{example}\n",
    )
    result = run_mkdocs_build(project_copy, project_copy / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (project_copy / "site" / TOPIC.url / "index.html").read_text(encoding="utf-8")
    assert "Subject: [[% config.site_name %]]" in html


@pytest.mark.parametrize("call", [f'{{{{ checklist("{TOPIC.id}") }}}}', "{{- timeline() }}"])
def test_macro_written_with_jinja_braces_is_named(project_copy, call):
    append_to_page(project_copy, call)
    log = failed_build(project_copy)
    line = (project_copy / PAGE).read_text().splitlines().index(call) + 1
    assert f"{PAGE}:{line}: '{call.split('(')[0]}(' is written with" in log
    assert "write the macro as [[% " in log


def test_broken_link_fails(project_copy):
    append_to_page(project_copy, f"[topic checklist]({link_from_page('topics/missing.md')})")
    log = failed_build(project_copy)
    assert PAGE_SOURCE in log and "topics/missing.md" in log


def test_broken_anchor_fails(project_copy):
    framework = link_from_page(SOURCES[CATALOGUE.framework_url])
    append_to_page(project_copy, f"[the framework]({framework}#no-such-anchor)")
    log = failed_build(project_copy)
    assert "no-such-anchor" in log and PAGE_SOURCE in log


def test_broken_link_in_raw_html_fails(project_copy):
    append_to_page(project_copy, '<a href="../nowhere/">x</a>')
    log = failed_build(project_copy)
    line = (project_copy / PAGE).read_text().splitlines().index('<a href="../nowhere/">x</a>')
    assert f"{PAGE}:{line + 1}: link '../nowhere/' leads to no page" in log


@pytest.mark.parametrize(
    "html",
    [
        '| Where | Link |\n| - | - |\n| table | <a href="../gone-away/">x</a> |',
        '<details>\n<summary>More</summary>\n<p><a href="../gone-away/">x</a></p>\n</details>',
    ],
)
def test_broken_raw_html_link_elsewhere_names_its_line(project_copy, html):
    append_to_page(project_copy, html)
    log = failed_build(project_copy)
    line = line_of(project_copy, 'href="../gone-away/"')
    assert f"{PAGE}:{line}: link '../gone-away/' leads to no page" in log


def test_broken_anchor_in_raw_html_fails(project_copy):
    topic = "../" * PAGE_URL.count("/") + TOPIC.url  # the topic page, from PAGE's URL
    append_to_page(project_copy, f'<a href="{topic}#no-such-item">x</a>')
    log = failed_build(project_copy)
    assert "points to '#no-such-item'" in log


def test_page_missing_from_nav_fails(project_copy):
    (project_copy / "docs/guide/orphan.md").write_text("---\ndescription: Lost.\n---\n\n# Orphan\n")
    log = failed_build(project_copy)
    assert "guide/orphan.md" in log and 'not included in the "nav"' in log


def test_page_without_description_fails(project_copy):
    replace_in(project_copy / PAGE, description_line(project_copy) + "\n", "")
    log = failed_build(project_copy)
    assert f"{PAGE}:1: front matter has no 'description'" in log


def test_image_without_alt_text_fails_with_line(project_copy):
    append_to_page(project_copy, "![](../assets/x.png)")
    log = failed_build(project_copy)
    assert f"{PAGE}:{line_of(project_copy, '![](../assets/x.png)')}: image has no alt text" in log


def test_html_image_without_alt_fails(project_copy):
    append_to_page(project_copy, '<img src="x.png">')
    log = failed_build(project_copy)
    assert f"{PAGE}:{line_of(project_copy, '<img src=')}: <img> has no alt attribute" in log


def line_of(project, text: str, page: str = PAGE) -> int:
    """The 1-based line of ``page`` in the project copy that holds ``text``."""
    lines = (project / page).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize(
    ("markdown", "written_at", "message"),
    [
        ("![][flame]\n\n[flame]: ../assets/flame.png", "![][flame]", "image has no alt text"),
        ("![ ][flame]\n\n[flame]: <../assets/flame.png>", "![ ][flame]", "image has no alt text"),
        ("See ![ ](../assets/flame.png) here.", "See ![ ]", "image has no alt text"),
        ("| A | B |\n| - | - |\n| <IMG SRC=x.png> | b |", "<IMG", "<img> has no alt attribute"),
        (
            "<details markdown>\n<summary>More</summary>\n<img src='x.png'>\n</details>",
            "<img src='x.png'>",
            "<img> has no alt attribute",
        ),
    ],
)
def test_image_without_alt_text_in_the_page_fails_at_its_line(
    project_copy, markdown, written_at, message
):
    append_to_page(project_copy, markdown)
    log = failed_build(project_copy)
    assert f"{PAGE}:{line_of(project_copy, written_at)}: {message}" in log


def test_images_in_code_and_decorative_images_build(project_copy):
    examples = (
        '```html\n<img src="x.png">\n```\n\n'
        "Inline: `![](x.png)` and `<img src=x.png>`.\n\n"
        '    <img src="indented.png">\n\n'
        '<img src="../../assets/favicon.svg" alt="">\n\n'
    )
    append_to_page(project_copy, examples)
    result = run_mkdocs_build(project_copy, project_copy / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (project_copy / "site" / PAGE_URL / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x.png&gt;" in html and "![](x.png)" in html


@pytest.mark.parametrize("broken", ["title: [unclosed", "items:\n\t- tab"])
def test_malformed_yaml_stops_the_build_naming_file_and_line(project_copy, broken):
    path = project_copy / TOPIC.source_path
    replace_in(path, "\ntitle:", f"\n{broken}\nold_title:")
    log = failed_build(project_copy)
    assert f"{TOPIC.source_path}:" in log and "invalid YAML" in log
    assert "Traceback" not in log


def test_too_long_description_fails(project_copy):
    replace_in(
        project_copy / PAGE,
        description_line(project_copy),
        "description: " + "Start where you are and keep going " * 8 + ".",
    )
    log = failed_build(project_copy)
    assert f"{PAGE}:1: 'description' is too long" in log


def test_inline_event_handler_in_a_page_fails(project_copy):
    append_to_page(project_copy, '<button onclick="go()">Go</button>')
    log = failed_build(project_copy)
    lines = (project_copy / PAGE).read_text().splitlines()
    line = lines.index('<button onclick="go()">Go</button>') + 1
    where = f"{PAGE}:{line}"
    assert f"{where}: inline event handler 'onclick=' on <button>" in log


@pytest.mark.parametrize(
    ("html", "attribute", "tag"),
    [
        ('<img src="../../assets/favicon.svg" alt="Logo" onload="track()">', "onload", "img"),
        (
            '<details ontoggle="opened()"><summary>More</summary>Text</details>',
            "ontoggle",
            "details",
        ),
    ],
)
def test_inline_event_handler_elsewhere_names_its_line(project_copy, html, attribute, tag):
    append_to_page(project_copy, f"Before.\n\n{html}")
    log = failed_build(project_copy)
    where = f"{PAGE}:{line_of(project_copy, f'{attribute}=')}"
    assert f"{where}: inline event handler '{attribute}=' on <{tag}>" in log


def test_unknown_link_directory_kind_names_the_page(project_copy):
    replace_in(
        project_copy / "docs/onboarding/index.md",
        'link_directory("phases")',
        'link_directory("weeks")',
    )
    log = failed_build(project_copy)
    assert "docs/onboarding/index.md:" in log
    assert "link_directory('weeks') takes 'chapters', 'topics' or 'phases'" in log


def test_a_macro_linking_an_unpublished_page_names_the_call(project_copy):
    # The plan page is gone from the site: the builder's link to it fails where it is made.
    (project_copy / "docs/onboarding/plan.md").unlink()
    replace_in(project_copy / "mkdocs.yml", "\n      - onboarding/plan.md\n", "\n")
    log = failed_build(project_copy)
    source = (project_copy / "docs/onboarding/index.md").read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "plan_builder()" in text)
    assert (
        f"docs/onboarding/index.md:{line}: plan_builder() links docs/onboarding/plan.md, "
        "which the site does not publish" in log
    )


def test_corrupt_link_ledger_names_the_file_and_the_fix(project_copy):
    (project_copy / "published-links.json").write_text("{ not json", encoding="utf-8")
    log = failed_build(project_copy, full_site=True)
    assert "published-links.json: cannot be read (JSONDecodeError" in log
    assert "git checkout -- published-links.json" in log


def test_markup_in_data_stops_the_build_before_any_page(project_copy):
    # The first milestone's guide_text (a plain or folded scalar) starts with markup.
    path = project_copy / "data/timeline.yml"
    text = path.read_text(encoding="utf-8")
    marked = re.sub(
        r"(\n *guide_text: (?:>-\n *)?)", r"\1<script>alert(1)</script> ", text, count=1
    )
    assert marked != text, "data/timeline.yml has no guide_text"
    path.write_text(marked, encoding="utf-8")
    log = failed_build(project_copy)
    assert "data/timeline.yml:" in log and "contains HTML markup" in log


def test_a_title_case_heading_fails_with_its_sentence_case(project_copy):
    append_to_page(project_copy, "## Where to Go Next\n\nOnwards.")
    log = failed_build(project_copy)
    assert f"{PAGE}:" in log and "'Where to Go Next' is not in sentence case" in log, log[-2000:]
    assert "write 'Where to go next'" in log


def test_a_title_case_nav_section_fails_with_the_line(project_copy):
    nav = project_copy / "mkdocs.yml"
    text = nav.read_text(encoding="utf-8")
    section = next(title for title in nav_titles(site_config(project_copy)["nav"]) if " " in title)
    wrong = section.title()
    nav.write_text(text.replace(f"  - {section}:", f"  - {wrong}:"), encoding="utf-8")
    log = failed_build(project_copy)
    line = next(
        number
        for number, text_line in enumerate(nav.read_text().splitlines(), 1)
        if f"- {wrong}:" in text_line
    )
    assert f"mkdocs.yml:{line}: nav title '{wrong}' is not in sentence case" in log, log[-2000:]


def test_a_macro_whose_html_markdown_would_escape_names_the_line(project_copy):
    # In a link's title Markdown escapes the HTML a macro returns: the reader would see markup.
    call = f'[[% checklist("{TOPIC.id}") %]]'
    replace_in(project_copy / MACRO_PAGE, CALL, f'{CALL}\n\nSee [the list](#top "{call}").\n')
    log = failed_build(project_copy)
    line = line_of(project_copy, "[the list]", MACRO_PAGE)
    assert f"{MACRO_PAGE}:{line}: a macro's HTML landed where Markdown escapes it" in log
    assert "call the macro on a line of its own" in log

"""Walking mkdocs.yml's nav without MkDocs: pages in order, and top-level sections."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from hooks.content.nav import nav_sections, nav_sources, printed_items, published_source
from tests.conftest import project_catalogue

NAV = [
    {"Home": "index.md"},
    "about.md",
    {"Guide": ["guide/a.md", {"Deeper": [{"B": "guide/b.md"}]}, "https://example.org/"]},
    {"Guide": ["guide/c.md"]},
]


def test_sources_in_nav_order_without_external_links():
    assert nav_sources(NAV) == ("index.md", "about.md", "guide/a.md", "guide/b.md", "guide/c.md")


def test_sections_group_pages_by_top_level_section():
    assert nav_sections(NAV) == {
        "Home": ("index.md",),
        "about.md": ("about.md",),
        "Guide": ("guide/a.md", "guide/b.md", "guide/c.md"),
    }


def test_a_page_moved_into_a_folder_of_its_own_is_still_found():
    pages = {"onboarding/plan/index.md": "onboarding/plan/", "guide/x.md": "guide/x/"}
    assert published_source(pages, "onboarding/plan.md") == "onboarding/plan/index.md"
    assert published_source(pages, "guide/x.md") == "guide/x.md"
    assert published_source(pages, "guide/y.md") is None


def test_a_chapter_and_a_topic_moved_into_folders_keep_their_ids(project_copy):
    before = project_catalogue(project_copy)
    chapter = next(iter(before.chapters.values()))
    topic = next(iter(before.topics.values()))
    for old in (f"guide/{chapter.id}.md", f"topics/{topic.id}.md"):
        source = project_copy / "docs" / old
        target = source.with_suffix("") / "index.md"
        target.parent.mkdir()
        source.rename(target)
        config = project_copy / "mkdocs.yml"
        config.write_text(config.read_text().replace(old, old[:-3] + "/index.md"))
    after = project_catalogue(project_copy)
    assert after.chapters[chapter.id].url == chapter.url
    assert after.topics[topic.id].url == topic.url


@dataclass
class Item:
    """A nav item as the print plugin reads MkDocs' nav: a page, a section or a link."""

    title: str
    src_path: str | None = None
    children: list[Item] = field(default_factory=list)
    is_link: bool = False

    @property
    def is_page(self) -> bool:
        return self.src_path is not None

    @property
    def is_section(self) -> bool:
        return self.src_path is None and not self.is_link

    @property
    def file(self) -> SimpleNamespace:
        return SimpleNamespace(src_path=self.src_path)


def test_printed_items_drop_sections_with_no_printed_page():
    leads = Item("For team leads", children=[Item("Leads", "onboarding/index.md")])
    guide = Item(
        "The guide",
        children=[Item("A", "guide/a.md"), Item("Deeper", children=[Item("B", "drafts/b.md")])],
    )
    nav = [Item("Home", "index.md"), guide, leads, Item("Source", is_link=True)]
    printed = printed_items(nav, lambda path: path.startswith(("onboarding/", "drafts/")))
    assert [item.title for item in printed] == ["Home", "The guide", "Source"]
    assert [child.title for child in printed[1].children] == ["A"]
    # The site's nav keeps every item.
    assert [child.title for child in guide.children] == ["A", "Deeper"]
    assert printed_items(nav, lambda path: False)[2].children == leads.children

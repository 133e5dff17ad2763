"""MkDocs hooks: wiring only. Guards (hooks/guards/) stop the build with one line naming the file,
the line where known, and the fix; output rewrites (hooks/output/) then change the built site.

- every page has a one-sentence ``description`` and every image of the rendered article alt
  text (guards/images.py);
- on a page that renders macros, every macro tag (``[[% … %]]``) parses, names a macro or
  variable, and stands outside code (guards/macro_tags.py); on every page, no tag reaches the
  output unrendered and no macro is called with Jinja's ``{{ }}`` (guards/pages.py);
- every redirect starts at a page that is gone and leads to one that exists (guards/redirects.py);
- every link inside page content resolves, links in raw HTML included, and so does every URL of
  the site in llms.txt and llms-full.txt (guards/llms.py);
- nothing in page content loads from another host (images, media, frames, scripts, styles),
  which the Content Security Policy would block (guards/resources.py);
- no page has an inline event handler, which the Content Security Policy would block;
- every page URL and anchor in the link ledger (published-links.json) is still served, and no
  heading has an id that depends on its position on the page;
- no item's text differs from the hash the ledger recorded unless the item has a new revision
  entry (content/revisions.py);
- what the overrides rely on in Material's output and templates is still there
  (guards/material.py).
- nav titles, the print page's title and every heading are in sentence case (guards/titles.py).

Chapters get their "related topics" box from data through the page context (on_page_context),
every page its "Suggest a fix" link and link preview values (Open Graph), and mkdocs-llmstxt its
sections from nav (on_config).

The macros' HTML skips Markdown: each macro hands Markdown a placeholder, and on_page_content
puts the HTML back before any plugin reads the page (content/stash.py); a placeholder Markdown
escaped stops the build at the macro's line. Chapters and topics list the headings macros write
as raw HTML in their table of contents (content/toc.py, on_page_content).

After mkdocs-redirects writes its stubs, each gets the preview tags of the page it leads to
(output/redirects.py). Then every page gets its Content Security Policy (not when serving, where
the live-reload script is injected inline) and the pages' social cards are written
(output/social_cards.py).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown as markdown_lib
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc
from mkdocs.utils import get_theme_dir

from hooks.content import render, revisions
from hooks.content.catalogue import Catalogue, load_catalogue
from hooks.content.feedback import suggest_fix_url
from hooks.content.nav import nav_sections, printed_items, site_pages
from hooks.content.stash import STASH
from hooks.content.toc import toc_tokens
from hooks.guards import (
    handlers,
    images,
    ledger,
    links,
    llms,
    macro_tags,
    material,
    pages,
    redirects,
    resources,
    titles,
)
from hooks.guards.built_pages import BuiltPage, PositionalHeading, read_page
from hooks.output import csp, social_cards
from hooks.output import redirects as redirect_pages

# The print plugin adds its stylesheets and script to every page; only its own page needs them.
PRINT_PLUGIN_ASSETS = ("css/print-site", "js/print-site")

_serving = False
# The build's catalogue, loaded once in on_nav for the pages' "related topics" boxes.
_catalogue: Catalogue
# The Markdown converter the macro-tag check uses, with the config it was made for.
_converter: tuple[MkDocsConfig, markdown_lib.Markdown] | None = None
# Built page ("guide/x/index.html") -> its source: the name shown ("docs/guide/x.md") and the file.
_sources: dict[str, tuple[str, Path]] = {}
# The social cards this build's pages name in their og:image, written in on_post_build.
_cards: list[social_cards.Card] = []
# Where cards are kept between builds, beside mkdocs.yml (git ignores .cache/).
CARDS_CACHE = Path(".cache") / "social-cards"


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _builds_print_page(config: MkDocsConfig) -> bool:
    """Whether the print plugin is on (FULL_SITE=false turns it off, with the other extras)."""
    plugin = config.plugins.get("print-site")
    return plugin is not None and bool(plugin.config.get("enabled"))


def _fail(problems: list[str]) -> None:
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise PluginError(problems[0] + more)


@event_priority(-100)  # after the print plugin's on_config, which adds the assets
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Move the print plugin's assets from every page to the print page alone: they go to
    ``extra.print_site_assets``, which overrides/main.html adds on that page only. Give
    mkdocs-llmstxt its ``sections`` from ``nav`` (content/nav.py nav_sections)."""
    moved: dict[str, list[object]] = {"css": [], "js": []}
    for kind, key in (("css", "extra_css"), ("js", "extra_javascript")):
        kept = []
        for entry in config[key]:
            path = str(entry)
            (moved[kind] if path.startswith(PRINT_PLUGIN_ASSETS) else kept).append(entry)
        config[key] = kept
    config.extra["print_site_assets"] = moved
    config_text = Path(config.config_file_path).read_text(encoding="utf-8")

    def in_config(title: str) -> str:
        for number, line in enumerate(config_text.splitlines(), 1):
            if title in line:
                return f"mkdocs.yml:{number}"
        return "mkdocs.yml"

    named = [("nav title", title) for title in titles.nav_titles(config.nav)]
    print_site = config.plugins.get("print-site")
    if print_site is not None:
        named.append(("print_page_title", print_site.config.get("print_page_title", "")))
    _fail(titles.title_problems(named, in_config))
    # mkdocs-llmstxt reads its sections in on_files, so any on_config may set them.
    llmstxt = config.plugins.get("llmstxt")
    if llmstxt is not None:
        llmstxt.config.sections = {
            title: list(pages) for title, pages in nav_sections(config.nav).items()
        }
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _sources.clear()
    _cards.clear()
    # The macros' HTML skips Markdown: _restore_macro_html puts it back (content/stash.py).
    if config.plugins.get("macros") is not None:
        STASH.start()
    for file in files.documentation_pages():
        _sources[file.dest_uri] = (f"docs/{file.src_uri}", Path(file.abs_src_path or ""))
    redirects_plugin = config.plugins.get("redirects")
    if redirects_plugin is not None:
        pages_by_source = {file.src_uri: file.dest_uri for file in files.documentation_pages()}

        def address_of(source: str) -> str:
            return File(source, "", "", config.use_directory_urls).dest_uri

        config_text = Path(config.config_file_path).read_text(encoding="utf-8")
        _fail(
            redirects.redirect_problems(
                redirects_plugin.config.get("redirect_maps") or {},
                pages_by_source,
                address_of,
                config_text,
            )
        )
    return files


@event_priority(50)  # before mkdocs-macros renders the page: the tags as written
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    name = f"docs/{page.file.src_uri}"
    _fail(pages.front_matter_problems(page.meta, name))
    delimiters = _macro_delimiters(config)
    if page.meta.get("render_macros") is True and delimiters is not None:
        path = Path(page.file.abs_src_path or "")
        source = path.read_text(encoding="utf-8") if path.is_file() else markdown
        body_start = max(source.find(markdown), 0)

        def locate(offset: int) -> str:
            line = source.count("\n", 0, body_start + offset) + 1
            return f"{name}:{line}"

        def to_html(text: str) -> str:
            return _markdown(config).reset().convert(text)

        _fail(macro_tags.tag_in_code_problems(markdown, delimiters, to_html, locate))
        macros = config.plugins["macros"]
        known = frozenset(macros.variables) | frozenset(macros.env.globals) | {"page"}
        problems = macro_tags.template_problems(
            markdown,
            macros.env,
            known | frozenset(page.meta),
            _macro_names(config),
            delimiters,
            locate,
        )
        _fail(problems)
    return markdown


def _markdown(config: MkDocsConfig) -> markdown_lib.Markdown:
    """One converter with the site's Markdown extensions per build, reset between pages:
    setting the extensions up (the emoji index above all) costs far more than converting."""
    global _converter
    if _converter is None or _converter[0] is not config:
        converter = markdown_lib.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        _converter = (config, converter)
    return _converter[1]


def _macro_delimiters(config: MkDocsConfig) -> macro_tags.Delimiters | None:
    """mkdocs-macros' Jinja delimiters as mkdocs.yml sets them; None without the plugin."""
    macros = config.plugins.get("macros")
    if macros is None:
        return None
    env = macros.env  # the Jinja environment the plugin built from the j2_* settings
    return macro_tags.Delimiters(
        variable=(env.variable_start_string, env.variable_end_string),
        block=(env.block_start_string, env.block_end_string),
        comment=(env.comment_start_string, env.comment_end_string),
    )


def _macro_names(config: MkDocsConfig) -> frozenset[str]:
    """The macros hooks/macros.py registers with mkdocs-macros (after its on_config), without
    the plugin's own (``now()``, ``context()``…), whose names are common in Jinja examples."""
    macros = config.plugins.get("macros")
    registered = getattr(macros, "macros", None) or {}
    return frozenset(
        name
        for name, function in registered.items()
        if not str(getattr(function, "__module__", "")).startswith("mkdocs_macros")
    )


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Load the catalogue once per build for on_page_context (the cache in load_catalogue
    would otherwise be asked, and every data file's date read, once per page)."""
    global _catalogue
    docs_dir = Path(config.docs_dir)
    pages = site_pages(config.nav, docs_dir, config.use_directory_urls)
    _catalogue = load_catalogue(docs_dir.parent, docs_dir, pages)
    _print_only_printed_sections(nav, config)
    return nav


def _print_only_printed_sections(nav: Navigation, config: MkDocsConfig) -> None:
    """Give the print page the nav without the sections whose pages its ``exclude`` leaves out:
    the plugin prints a section's heading even when it prints none of its pages. Runs after the
    plugin's own on_nav (hooks come after plugins), which hands the renderer ``nav.items``."""
    plugin = config.plugins.get("print-site")
    if plugin is None or not plugin.config.get("enabled"):
        return
    from mkdocs_print_site_plugin.exclude import exclude

    patterns = list(plugin.config.get("exclude", []))
    plugin.renderer.items = printed_items(nav.items, lambda path: exclude(path, patterns))


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Give overrides/main.html the page's "related topics" box (``related_topics``, HTML; ""
    on pages that are not chapters), rendered from the checklists' data, and ``page_links``
    (see on_template_context)."""
    where = render.PageContext(
        url=page.url, site_url=config.site_url or "/", repo_url=config.repo_url
    )
    context["related_topics"] = render.render_related_topics(_catalogue, where)
    page.next_page = _in_reading_chain(page.next_page, "next_page")
    page.previous_page = _in_reading_chain(page.previous_page, "previous_page")
    context["page_links"] = functools.partial(_page_links, config=config)
    return context


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """``page_links`` in every template's context too: the print plugin renders its page with
    the context of 404.html (not through on_page_context), and its page needs them as well."""
    context["page_links"] = functools.partial(_page_links, config=config)
    return context


def _page_links(page: Page | None, *, config: MkDocsConfig) -> dict[str, Any]:
    """What overrides/main.html writes for ``page`` besides its content: ``suggest_fix_url``
    (content/feedback.py; None without ``repo_url``) and ``link_preview`` (see _link_preview);
    an empty dict without a page (404.html)."""
    if page is None:
        return {}
    title = config.site_name if page.is_homepage else Markup(page.title or "").striptags()
    base = (config.site_url or "/").removesuffix("/") + "/"
    url = page.canonical_url or base + page.url
    return {
        "suggest_fix_url": suggest_fix_url(config.repo_url, url, title),
        "link_preview": _link_preview(page, config, title, url),
    }


def _link_preview(page: Page, config: MkDocsConfig, title: str, url: str) -> dict[str, Any]:
    """The page's Open Graph and Twitter card values, as overrides/main.html writes them:
    ``title``, ``description``, ``url`` (canonical), ``site_name``, ``type`` ("website" for the
    home page, else "article") and ``image`` (``url`` absolute from ``site_url``, ``width`` and
    ``height`` in pixels, ``alt``), or ``image`` None when ``extra.social_cards`` is off (the
    preview). The card is recorded for on_post_build to write (output/social_cards.py)."""
    image = None
    if config.extra.get("social_cards", True):
        section = page.parent.title if page.parent is not None else ""
        card = social_cards.Card(title=title, section=section, site_name=config.site_name)
        _cards.append(card)
        base = (config.site_url or "/").removesuffix("/") + "/"
        image = {
            "url": base + card.path,
            "width": social_cards.WIDTH,
            "height": social_cards.HEIGHT,
            "alt": card.alt,
        }
    return {
        "title": title,
        "description": page.meta.get("description") or config.site_description or "",
        "url": url,
        "site_name": config.site_name,
        "type": "website" if page.is_homepage else "article",
        "image": image,
    }


def _in_reading_chain(page: Any, step: str) -> Any:
    """``page``, or the first page after it in the direction ``step`` (``"next_page"`` or
    ``"previous_page"``) that is in the reading chain; None at the end. A page that hides its
    footer (Material's ``hide: [footer]`` front matter: the plan page, which reads as the whole
    guide under a plan's title when reached without a plan link) shows no Previous/Next links
    and no Previous/Next link leads to it; it stays in the nav. Every page's front matter is
    read before any page is built, so ``meta`` is there."""
    while page is not None and "footer" in (page.meta.get("hide") or ()):
        page = getattr(page, step)
    return page


@event_priority(100)  # before any plugin reads the page's HTML (llms.txt, the print page)
def _restore_macro_html(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's HTML with the macros' HTML back in place of their placeholders."""
    try:
        return STASH.restore(html)
    except ValueError:
        raise PluginError(
            f"{_locate_inline_macro(page.file.dest_uri, config)}: a macro's HTML landed where "
            "Markdown escapes it (a link's address or title, an attribute); call the macro on "
            "a line of its own"
        ) from None


def _locate_inline_macro(page_name: str, config: MkDocsConfig) -> str:
    """The source line of the first macro call that shares its line with other text (where
    Markdown may escape what it returns), else of the first macro call; the file alone when
    no line holds one."""
    delimiters = _macro_delimiters(config)
    if page_name not in _sources or delimiters is None:
        return _locate(page_name, "")
    name, path = _sources[page_name]
    tag = delimiters.tags()
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    calls = [(number, line) for number, line in enumerate(lines, 1) if tag.search(line)]
    inline = [number for number, line in calls if tag.sub("", line).strip()]
    number = (inline or [number for number, _ in calls] or [None])[0]
    return name if number is None else f"{name}:{number}"


def _check_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    def locate(text: str) -> str:
        return _locate(page.file.dest_uri, text)

    delimiters = _macro_delimiters(config)
    openers = delimiters.openers() if delimiters is not None else ()
    problems = [
        pages.unrendered_macro_problem(html, openers, locate),
        pages.jinja_style_macro_problem(html, _macro_names(config), locate),
    ]
    _fail([problem for problem in problems if problem])
    _fail(
        titles.title_problems((("heading", text) for text in titles.heading_titles(html)), locate)
    )
    # Headings the macros write as raw HTML (checklists, phases) join the table of contents.
    page.toc = get_toc(toc_tokens(html, _as_tokens(page.toc.items)))
    return html


on_page_content = CombinedEvent(_restore_macro_html, _check_page_content)


def _as_tokens(items: list[AnchorLink]) -> list[dict[str, Any]]:
    """MkDocs' table of contents back as the toc extension's tokens (content/toc.py)."""
    return [
        {
            "level": item.level,
            "id": item.id,
            "name": item.title,
            "children": _as_tokens(item.children),
        }
        for item in items
    ]


def _locate(page_name: str, text: str) -> str:
    """Where to fix something on a built page: its source and the first line holding ``text``
    (``docs/guide/x.md:12``); the source alone when no line holds it (a macro wrote it); the
    built page for pages without a source (404, print page, redirect stubs)."""
    if page_name not in _sources:
        return page_name
    name, path = _sources[page_name]
    if text and path.is_file():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if text in line:
                return f"{name}:{number}"
    return name


def _locate_heading(page_name: str, heading: PositionalHeading) -> str:
    """Where a heading is written: the source line of the ``occurrence``-th Markdown heading
    (``## …``) of its level and text; the file alone when no line matches (HTML, a macro)."""
    if page_name not in _sources:
        return page_name
    name, path = _sources[page_name]
    pattern = re.compile(rf"^{'#' * heading.level}\s+{re.escape(heading.text)}\s*(\{{.*)?#*\s*$")
    matches = [
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.match(line)
    ]
    if heading.occurrence < len(matches):
        return f"{name}:{matches[heading.occurrence]}"
    return _locate(page_name, heading.text)


def _read_site(site_dir: Path) -> tuple[dict[str, BuiltPage], dict[str, str]]:
    """Every built HTML page parsed once, and its text, by site-relative name."""
    readings, texts = {}, {}
    for html_file in sorted(site_dir.rglob("*.html")):
        name = html_file.relative_to(site_dir).as_posix()
        texts[name] = html_file.read_text(encoding="utf-8")
        readings[name] = read_page(texts[name])
    return readings, texts


def _redirect_stubs(redirects_plugin: Any, config: MkDocsConfig) -> dict[str, str]:
    """The redirect stubs mkdocs-redirects writes and the built pages they lead to, as
    site-relative files: ``{"start/index.html": "guide/x/index.html"}``; redirects to other
    sites and to pages the site does not build are left out."""
    built = {source: page for page, (source, _) in _sources.items()}
    stubs = {}
    for old, new in (redirects_plugin.config.get("redirect_maps") or {}).items():
        target = built.get("docs/" + str(new).partition("#")[0])
        if target is not None:
            stubs[File(str(old), "", "", config.use_directory_urls).dest_uri] = target
    return stubs


def _llms_outputs(config: MkDocsConfig) -> tuple[str, ...]:
    """The files mkdocs-llmstxt writes (llms.txt and its full output), when it runs."""
    llmstxt = config.plugins.get("llmstxt")
    if llmstxt is None:
        return ()
    full = llmstxt.config.get("full_output")
    return ("llms.txt", full) if full else ("llms.txt",)


@event_priority(-100)  # after mkdocs-llmstxt and the print plugin write their files
def on_post_build(*, config: MkDocsConfig) -> None:
    STASH.stop()  # every page is built; macros called from now on return their HTML
    site_dir = Path(config.site_dir).resolve()
    redirects_plugin = config.plugins.get("redirects")
    if redirects_plugin is not None:
        redirect_pages.preview_as_target(site_dir, _redirect_stubs(redirects_plugin, config))
    readings, texts = _read_site(site_dir)
    files = frozenset(
        path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()
    )
    problems = []
    for name, reading in readings.items():
        problems += handlers.handler_problems(reading, lambda text, at=name: _locate(at, text))
        # Pages with a source: the print page repeats their images and headings.
        if name in _sources:
            source_name, path = _sources[name]
            source = path.read_text(encoding="utf-8") if path.is_file() else ""
            problems += images.image_problems(reading, source_name, source)
            problems += ledger.positional_heading_problems(
                reading, lambda heading, at=name: _locate_heading(at, heading)
            )
    site_path = urlsplit(config.site_url or "/").path or "/"
    problems += links.broken_content_links(readings, files, _locate, site_path.rstrip("/") + "/")
    problems += resources.blocked_resource_problems(
        readings, csp.directives(), config.site_url or "", _locate
    )
    for name in _llms_outputs(config):
        if name in files:
            text = (site_dir / name).read_text(encoding="utf-8")
            problems += llms.unresolved_site_urls(name, text, config.site_url or "/", files)
    if redirects_plugin is not None:
        ids_by_source = {
            name.removeprefix("docs/"): readings[built].ids
            for built, (name, _) in _sources.items()
            if built in readings
        }
        problems += redirects.missing_anchor_problems(
            redirects_plugin.config.get("redirect_maps") or {},
            ids_by_source,
            Path(config.config_file_path).read_text(encoding="utf-8"),
        )
    problems += material.bundle_problems(readings)
    problems += material.theme_asset_problems(site_dir)
    if config.theme.custom_dir:
        problems += material.forked_template_problems(
            Path(config.theme.custom_dir), Path(get_theme_dir(config.theme.name))
        )
    ledger_file = Path(config.config_file_path).parent / ledger.LEDGER_NAME
    # The ledger promises the print page, so it is checked only where that page is built: not in
    # a preview (`make serve`, or FULL_SITE=false); `make build` and `make test` check it.
    if ledger_file.is_file() and not _serving and _builds_print_page(config):
        try:
            recorded = ledger.Ledger.read(ledger_file)
        except ledger.LedgerError as error:
            raise PluginError(str(error)) from None
        problems += ledger.missing_links(recorded, ledger.scan(readings))
        problems += ledger.changed_text_problems(recorded, revisions.read_texts(_catalogue))
    _fail(problems)
    if _cards:
        cache_dir = Path(config.config_file_path).parent / CARDS_CACHE
        social_cards.write_cards(_cards, site_dir, cache_dir)
    if not _serving:
        for name, reading in readings.items():
            html = csp.with_policy(texts[name], reading.inline_scripts)
            (site_dir / name).write_text(html, encoding="utf-8")

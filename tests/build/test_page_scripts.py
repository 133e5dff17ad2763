"""Each page loads exactly the scripts of the components its macros rendered, in one order,
with what they import requested together; no script tag sits in page content."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from hooks.content import render
from tests.conftest import PROJECT_DIR

ASSETS = PROJECT_DIR / "overrides" / "assets"


def asset_name(url: str) -> str:
    return url.rsplit("/", 1)[-1].removesuffix(".js")


def test_each_page_loads_exactly_the_scripts_its_components_need(built_site):
    loaded_anywhere: set[str] = set()
    for html_file in sorted(built_site.site_dir.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is None:  # redirect pages
            continue
        components = [el["data-mdx-component"] for el in article.select("[data-mdx-component]")]
        where = html_file.relative_to(built_site.site_dir).as_posix()
        loaders = soup.select("script[data-mdx-scripts]")
        assert len(loaders) <= 1, f"{where}: more than one script loader"
        scripts = loaders[0]["data-mdx-scripts"].split() if loaders else []
        preloads = loaders[0]["data-mdx-modules"].split() if loaders else []
        # The loader imports exactly what its attributes name, each from the site's assets/.
        lists = re.findall(r'\[(?:"[^"]*"(?:, )?)*\]', loaders[0].string) if loaders else []
        imported = [path.removesuffix(".js") for found in lists for path in json.loads(found)]
        assert [asset_name(url) for url in imported] == preloads + scripts, where
        for url in imported:
            assert (html_file.parent / f"{url}.js").resolve().is_file(), (where, url)
        # No module script or preload in the markup: they are imported after the first paint.
        assert soup.select("script[type=module], link[rel=modulepreload]") == [], where
        assert article.select("script") == [], f"{where}: a script tag in the page's content"
        if soup.select_one("#print-site-page"):
            # The print page copies the other pages' content; no macro runs on it, and its
            # checklists print as the static lists they are without a script.
            assert scripts == [] and preloads == [], where
            continue
        assert scripts == render.entry_scripts(components), where
        assert preloads == render.preloaded_modules(scripts), where
        loaded_anywhere.update(scripts)
    # Every entry script is some page's: none is dead, and the check above ran for each.
    assert loaded_anywhere == set(render.ENTRY_SCRIPTS)


def imports_of(name: str) -> set[str]:
    """The modules ``overrides/assets/<name>.js`` imports, directly or through another."""
    source = (ASSETS / f"{name}.js").read_text(encoding="utf-8")
    direct = set(re.findall(r'^import .* from "\./([\w-]+)\.js";$', source, re.MULTILINE))
    return direct.union(*(imports_of(module) for module in direct))


def test_preloaded_modules_are_what_each_entry_script_imports():
    for entry in render.ENTRY_SCRIPTS:
        assert set(render.SCRIPT_IMPORTS[entry]) == imports_of(entry), entry


def test_the_inline_scripts_of_our_templates_send_no_comments(built_site):
    # Every page carries these scripts (storage, palette, page loader), so their comments are
    # Jinja comments, left in the templates (overrides/partials/javascripts/, overrides/main.html);
    # a "//" line would be sent with every page.
    soup = BeautifulSoup((built_site.site_dir / "index.html").read_text("utf-8"), "html.parser")
    scripts = [
        script.string
        for script in soup.select("script:not([src]):not([type])")
        if "__md_get =" in script.string
        or "data-mdx-palette" in script.string
        or script.has_attr("data-mdx-loader")
    ]
    assert len(scripts) == 3
    for script in scripts:
        assert not re.search(r"^\s*//| // ", script, re.MULTILINE), script[:80]

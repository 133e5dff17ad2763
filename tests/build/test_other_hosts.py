"""Page content that loads from another host stops the build, naming the source file, the line
and the fix: the Content Security Policy would block it, and the reader would see a broken image
or an empty frame. One build per kind of element or CSS that makes the browser fetch."""

from __future__ import annotations

import pytest

from tests.build.test_bad_input_builds import MACRO_PAGE, PAGE, append_to_page, failed_build
from tests.conftest import run_mkdocs_build

HOST = "https://media.example.org"
PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
FIX = "put the file in docs/ and link it relatively"

# Id -> (Markdown or HTML a contributor adds, the address on the line the message must name).
LOADS = {
    "markdown-image": (f"![Flame graph]({HOST}/flame.svg)", f"{HOST}/flame.svg"),
    "protocol-relative-image": ("![Flame graph](//media.example.org/flame.svg)", "//media."),
    "reference-image": (f"![Flame graph][flame]\n\n[flame]: {HOST}/ref.svg", f"{HOST}/ref.svg"),
    "img-srcset": (
        f'<img alt="Flame graph" src="{PIXEL}" srcset="{PIXEL} 1x, {HOST}/f@2x.png 2x">',
        f"{HOST}/f@2x.png",
    ),
    "picture-source": (
        f'<picture><source srcset="{HOST}/f.webp" type="image/webp">'
        f'<img alt="Flame graph" src="{PIXEL}"></picture>',
        f"{HOST}/f.webp",
    ),
    "admonition-image": (
        f'!!! note "Profile"\n\n    ![Flame graph]({HOST}/in-note.svg)',
        f"{HOST}/in-note.svg",
    ),
    "badge-in-link": (
        f"[![Build status]({HOST}/badge.svg)](https://ci.example.org/guide)",
        f"{HOST}/badge",
    ),
    "input-image": (f'<input type="image" alt="Go" src="{HOST}/go.png">', f"{HOST}/go.png"),
    "video-src": (f'<video controls src="{HOST}/talk.mp4"></video>', f"{HOST}/talk.mp4"),
    "video-source": (
        f'<video controls><source src="{HOST}/talk.webm" type="video/webm"></video>',
        f"{HOST}/talk.webm",
    ),
    "video-data-url": (
        '<video controls src="data:video/mp4;base64,AAAAIGZ0eXA="></video>',
        "data:video/mp4",
    ),
    "video-poster": (f'<video controls poster="{HOST}/poster.jpg"></video>', f"{HOST}/poster"),
    "audio-src": (f'<audio controls src="{HOST}/episode.mp3"></audio>', f"{HOST}/episode"),
    "audio-source": (
        f'<audio controls><source src="{HOST}/episode.ogg" type="audio/ogg"></audio>',
        f"{HOST}/episode.ogg",
    ),
    "track-src": (
        f'<video controls>\n<track kind="captions" src="{HOST}/talk.vtt">\n</video>',
        f"{HOST}/talk.vtt",
    ),
    "iframe": (f'<iframe title="Talk" src="{HOST}/embed/talk"></iframe>', f"{HOST}/embed"),
    "embed": (f'<embed type="image/svg+xml" src="{HOST}/chart.svg">', f"{HOST}/chart.svg"),
    "object": (f'<object data="{HOST}/chart.svg" type="image/svg+xml"></object>', f"{HOST}/c"),
    "script-src": (f'<script src="{HOST}/widget.js"></script>', f"{HOST}/widget.js"),
    "link-stylesheet": (f'<link rel="stylesheet" href="{HOST}/theme.css">', f"{HOST}/theme"),
    "link-preload": (f'<link rel="preload" as="image" href="{HOST}/hero.png">', f"{HOST}/hero"),
    "link-modulepreload": (f'<link rel="modulepreload" href="{HOST}/m.js">', f"{HOST}/m.js"),
    "link-icon": (f'<link rel="icon" href="{HOST}/favicon.ico">', f"{HOST}/favicon.ico"),
    "style-attribute-url": (
        f"<div style=\"background-image: url('{HOST}/bg.png')\">Latency</div>",
        f"{HOST}/bg.png",
    ),
    "style-attribute-protocol-relative": (
        '<p style="list-style-image: url(//media.example.org/dot.png)">Latency</p>',
        "//media.example.org/dot.png",
    ),
    "style-element-import": (f'<style>\n@import "{HOST}/extra.css";\n</style>', f"{HOST}/extra"),
    "style-element-url": (
        f"<style>\n.hero {{ background: url({HOST}/hero-bg.png) }}\n</style>",
        f"{HOST}/hero-bg.png",
    ),
    "svg-image": (
        f'<svg width="10" height="10"><image href="{HOST}/tile.png"/></svg>',
        f"{HOST}/tile.png",
    ),
    "style-element-font-face": (
        f"<style>\n@font-face {{ font-family: Mono; src: url('{HOST}/mono.woff2') }}\n</style>",
        f"{HOST}/mono.woff2",
    ),
    "svg-image-xlink": (
        f'<svg width="10" height="10"><image xlink:href="{HOST}/old.png"/></svg>',
        f"{HOST}/old.png",
    ),
    "svg-use": (
        f'<svg width="10" height="10"><use href="{HOST}/icons.svg#gear"/></svg>',
        f"{HOST}/icons.svg",
    ),
}


def add_to_page(project, snippet: str) -> None:
    append_to_page(project, snippet)


def line_of(project, text: str) -> int:
    lines = (project / PAGE).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize("snippet, address", LOADS.values(), ids=LOADS.keys())
def test_content_from_another_host_stops_the_build_at_its_line(project_copy, snippet, address):
    add_to_page(project_copy, snippet)
    log = failed_build(project_copy)
    where = f"{PAGE}:{line_of(project_copy, address)}: "
    message = next((line for line in log.splitlines() if where in line), "")
    assert "Content Security Policy" in message or "only from the site" in message, log[-2000:]
    assert FIX in message


def test_content_from_another_host_on_a_page_that_renders_macros(project_copy):
    page = project_copy / MACRO_PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text + f"\n![Retry timeline]({HOST}/retries.svg)\n", encoding="utf-8")
    log = failed_build(project_copy)
    line = len(text.splitlines()) + 2
    assert f"{MACRO_PAGE}:{line}: <img src> loads '{HOST}/retries.svg'" in log


def test_an_object_is_refused_wherever_it_loads_from(project_copy):
    # object-src 'none': not even a file of the site's own would show.
    add_to_page(project_copy, '<object data="chart.svg" type="image/svg+xml"></object>')
    log = failed_build(project_copy)
    where = f"{PAGE}:{line_of(project_copy, 'chart.svg')}: "
    assert f"{where}<object data> loads 'chart.svg'" in log
    assert "(object-src 'none')" in log


def test_links_data_images_and_the_sites_own_files_build(project_copy):
    # Next to the page's source: `flame.svg` from its Markdown, `../flame.svg` from its URL.
    (project_copy / PAGE).with_name("flame.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8"
    )
    add_to_page(
        project_copy,
        f'[A talk on latency]({HOST}/talk) and <a href="{HOST}/slides">its slides</a>.\n\n'
        "![Flame graph](flame.svg)\n\n"
        f'<img alt="A dot" src="{PIXEL}">\n\n'
        '<svg width="10" height="10"><defs><circle id="dot" r="1"/></defs>'
        '<use href="#dot"/></svg>\n\n'
        '<div style="background: url(../flame.svg)">Latency</div>',
    )
    result = run_mkdocs_build(project_copy, project_copy / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr[-3000:]

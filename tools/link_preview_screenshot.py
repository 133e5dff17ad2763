"""Draw how a chat client previews a link to one page of a built site, for README.md and the
For Team Leads page: a small mock of a chat message whose preview is filled from the page's own
Open Graph tags and social card, screenshotted with Chromium.

    .venv/bin/mkdocs build --strict -d site
    .venv/bin/python tools/link_preview_screenshot.py site topics/webhook-design/ \
        docs/onboarding/images/link-preview.png
"""

from __future__ import annotations

import html
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from PIL import Image
from playwright.sync_api import sync_playwright

from hooks.commands.chromium import chromium_executable

MOCK = """<!doctype html>
<meta charset="utf-8">
<style>
  body {{ margin: 0; padding: 16px 20px; width: 560px; background: #fff;
         font: 15px/1.45 system-ui, sans-serif; color: #1d1c1d; }}
  .who {{ font-weight: 700; }} .when {{ color: #616061; font-size: 12px; margin-left: 6px; }}
  .text a {{ color: #1264a3; }}
  .preview {{ margin-top: 6px; padding-left: 12px; border-left: 4px solid #dddddd; }}
  .site {{ font-weight: 700; }} .title {{ color: #1264a3; font-weight: 700; }}
  .description {{ margin: 2px 0 8px; }}
  img {{ display: block; width: 360px; border-radius: 8px; }}
</style>
<div><span class="who">Team lead</span><span class="when">10:02</span></div>
<div class="text">Start here this week: <a href="#">{url}</a></div>
<div class="preview">
  <div class="site">{site_name}</div>
  <div class="title">{title}</div>
  <div class="description">{description}</div>
  <img src="{image}" alt="">
</div>
"""


def main(site_dir: Path, page_url: str, output: Path) -> None:
    soup = BeautifulSoup((site_dir / page_url / "index.html").read_text("utf-8"), "html.parser")
    tags = {tag["property"]: tag["content"] for tag in soup.select('meta[property^="og:"]')}
    site_path = urlsplit(tags["og:url"]).path.removesuffix(page_url)
    image = site_dir / urlsplit(tags["og:image"]).path.removeprefix(site_path)
    values = {key: html.escape(tags[f"og:{key}"]) for key in ("url", "site_name", "title")}
    values["description"] = html.escape(tags["og:description"])
    with tempfile.TemporaryDirectory() as folder:
        mock = Path(folder) / "mock.html"
        mock.write_text(MOCK.format(image=image.resolve().as_uri(), **values), "utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_executable())
            page = browser.new_page(viewport={"width": 600, "height": 200})
            page.goto(mock.as_uri())
            page.locator("body").screenshot(path=str(output))
            browser.close()
    # A screenshot has few colours: a palette keeps the file small.
    with Image.open(output) as shot:
        shot.convert("RGB").quantize(colors=64).save(output, optimize=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))

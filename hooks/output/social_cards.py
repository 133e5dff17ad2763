"""Social cards: the image a chat client or issue tracker shows when a page's link is pasted
(the page's ``og:image``). One PNG per page with the site's name, the page's title and its nav
section, drawn with Pillow in the font Pillow itself ships (Aileron Regular, which
``ImageFont.load_default(size)`` loads), so a build needs no font file and fetches nothing.

Cards are cached across builds in a folder keyed by their text: a build draws only the cards
whose text is new and copies the rest, so rebuilds (``make serve``) stay fast. A card's file
name is a hash of what it shows, so a changed title is a new URL and chat clients, which cache
previews by image URL, show the new card.

Drawing is most of a first build's time on a large site: about 70 ms of CPU per card, nine
tenths of it in Pillow's C code (the quantizer, then the PNG encoder), which runs while other
threads hold the GIL. So the cards a build has to draw are drawn on one thread per CPU: 12 cards
took 0.46 s instead of 0.96 s with two free CPUs, and each card's bytes are the same whichever
thread draws it. Text is drawn one card at a time (``_TEXT_LOCK``): the fonts are shared
FreeType faces, which FreeType does not let two threads use at once.

Material's social plugin does the same job, but fetches its font from Google Fonts unless its
cache already holds it and needs the Cairo system library for its icons; this module needs only
the Pillow wheel in the lock file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import PIL

if TYPE_CHECKING:
    from PIL import Image, ImageFont

# Pillow's drawing modules are imported when a card is drawn: a build whose cards are all in
# the cache (every rebuild) does not load them.

# The size Open Graph consumers crop to least (1.91:1): Facebook, Slack, Discord, Mastodon and
# GitHub all show it whole; at 600 px wide (a chat column) the title is 32 px tall.
WIDTH, HEIGHT = 1200, 630
# Where cards go in the built site.
CARDS_DIR = "assets/social"
# Change when the drawing changes, so cached cards of the old drawing are not reused.
DRAWING_VERSION = "1"
# The card's colours: Material's indigo (the site's primary colour) and white text, a contrast
# ratio of 8.6:1; the section in a lighter indigo, 5.3:1 on the background.
BACKGROUND = (63, 81, 181)
TEXT = (255, 255, 255)
SECTION = (197, 202, 233)
MARGIN = 80
# The title's size in pixels at 1200 px wide, shrunk step by step until it fits MAX_TITLE_LINES.
TITLE_SIZES = (80, 72, 64, 56, 48)
MAX_TITLE_LINES = 3
# Held while a card's text is drawn (see the module docstring).
_TEXT_LOCK = threading.Lock()


@dataclass(frozen=True)
class Card:
    """What one card shows: the page's title, its nav section ("" for pages outside a section,
    such as the home page) and the site's name."""

    title: str
    section: str
    site_name: str

    # Cached: a build asks for it once per page for the page's tags and again to write the card.
    @cached_property
    def file_name(self) -> str:
        """``<16 hex digits>.png``: a SHA-256 of the text, the drawing version and Pillow's
        version (its rasteriser decides the bytes)."""
        key = json.dumps(
            [DRAWING_VERSION, PIL.__version__, self.title, self.section, self.site_name]
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16] + ".png"

    @property
    def path(self) -> str:
        """The card's site-relative path, e.g. ``assets/social/0123456789abcdef.png``."""
        return f"{CARDS_DIR}/{self.file_name}"

    @property
    def alt(self) -> str:
        """The card's text alternative (``og:image:alt``): what it shows, in reading order."""
        parts = [self.title, self.section, self.site_name]
        return " · ".join(part for part in dict.fromkeys(parts) if part)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont, features

    if not features.check("freetype2"):
        raise RuntimeError(
            "Pillow has no FreeType support, so social cards cannot be drawn; "
            "reinstall Pillow from its wheel (make .venv/.installed-from-lock)"
        )
    font = ImageFont.load_default(size=size)
    assert isinstance(font, ImageFont.FreeTypeFont)
    return font


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap of ``text`` to lines at most ``width`` pixels wide (a word longer
    than a line stays whole on its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """``text`` cut with an ellipsis to at most ``width`` pixels."""
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def render_card(card: Card) -> bytes:
    """The card as PNG bytes, WIDTH by HEIGHT pixels, 16-colour palette (a few KB to ~30 KB).

    The title takes the largest size of TITLE_SIZES at which it fits MAX_TITLE_LINES lines;
    at the smallest size, lines past the last are dropped and the last ends in an ellipsis.
    Raises RuntimeError when Pillow was built without FreeType. Safe to call from several
    threads at once."""
    from PIL import Image

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    with _TEXT_LOCK:
        _draw_text(image, card)
    # Three colours plus their anti-aliasing steps fit a 16-colour palette, which keeps the
    # file small (the budget is 60 KB) without visible banding.
    output = io.BytesIO()
    image.quantize(colors=16, dither=Image.Dither.NONE).save(output, "PNG", optimize=True)
    return output.getvalue()


def _draw_text(image: Image.Image, card: Card) -> None:
    """Draw ``card``'s site name, rule, title and section onto ``image`` (WIDTH by HEIGHT)."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    draw.text((MARGIN, MARGIN), _fit(card.site_name, _font(36), inner), font=_font(36), fill=TEXT)
    draw.rectangle((MARGIN, MARGIN + 64, MARGIN + 96, MARGIN + 70), fill=SECTION)

    for size in TITLE_SIZES:
        lines = _wrap(card.title, _font(size), inner)
        if len(lines) <= MAX_TITLE_LINES:
            break
    if len(lines) > MAX_TITLE_LINES:
        rest = " ".join(lines[MAX_TITLE_LINES - 1 :])
        lines = [*lines[: MAX_TITLE_LINES - 1], _fit(rest, _font(size), inner)]
    lines = [_fit(line, _font(size), inner) for line in lines]
    line_height = round(size * 1.2)
    top = MARGIN + 120
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=_font(size), fill=TEXT)

    if card.section:
        section = _fit(card.section, _font(40), inner)
        draw.text((MARGIN, HEIGHT - MARGIN - 40), section, font=_font(40), fill=SECTION)


def write_cards(cards: Iterable[Card], site_dir: Path, cache_dir: Path) -> int:
    """Put each card at ``site_dir / card.path``, drawing only those ``cache_dir`` does not
    hold yet (and keeping them there); returns how many were drawn. Writes are atomic (a
    temporary file renamed), so an interrupted build never leaves half a card in the cache.
    Missing cards are drawn on up to one thread per CPU (see the module docstring)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    unique = list(dict.fromkeys(cards))
    missing = [card for card in unique if not (cache_dir / card.file_name).is_file()]
    if missing:
        workers = min(len(missing), os.cpu_count() or 1)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for card, png in zip(missing, pool.map(render_card, missing), strict=True):
                cached = cache_dir / card.file_name
                partial = cached.with_suffix(f".{os.getpid()}.tmp")
                partial.write_bytes(png)
                partial.replace(cached)
    for card in unique:
        cached = cache_dir / card.file_name
        target = site_dir / card.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    return len(missing)

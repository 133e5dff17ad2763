"""The emoji generator (hooks/emoji.py): Material's icons inline, emoji as characters, so a
page never asks another host for an image."""

from __future__ import annotations

import markdown
from material.extensions.emoji import twemoji

from hooks.emoji import icons_inline_emoji_as_text


def render(text: str) -> str:
    config = {"emoji_index": twemoji, "emoji_generator": icons_inline_emoji_as_text}
    md = markdown.Markdown(
        extensions=["pymdownx.emoji"], extension_configs={"pymdownx.emoji": config}
    )
    return md.convert(text)


def test_an_emoji_is_its_unicode_character():
    html = render(":smile:")
    assert "\N{SMILING FACE WITH OPEN MOUTH AND SMILING EYES}" in html
    assert "<img" not in html and "http" not in html


def test_an_icon_is_materials_inline_svg():
    html = render(":material-check:")
    assert '<span class="twemoji"><svg' in html
    assert "<img" not in html

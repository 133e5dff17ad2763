"""Social cards: one PNG per page within the size budget, named by its text, drawn once and
then copied from the cache."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from hooks.output import social_cards
from hooks.output.social_cards import Card
from tests.conftest import project_catalogue, site_config

MAX_CARD_BYTES = 60 * 1024
SITE_NAME = site_config()["site_name"]
CATALOGUE = project_catalogue()
# Every chapter and topic title of the data, and one longer than any page title should be.
TITLES = [chapter.title for chapter in CATALOGUE.chapters.values()]
TITLES += [topic.title for topic in CATALOGUE.topics.values()]
LONG_TITLE = " ".join(["Server-side rendering with streaming and partial hydration"] * 4)


@pytest.mark.parametrize("title", [*TITLES, LONG_TITLE])
def test_a_card_is_a_png_of_the_stated_size_within_the_budget(title):
    data = social_cards.render_card(
        Card(title=title, section="Topic checklists", site_name=SITE_NAME)
    )
    assert len(data) <= MAX_CARD_BYTES
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        assert image.size == (social_cards.WIDTH, social_cards.HEIGHT)
        # Drawn on, not blank: the text's colour is there.
        assert len(image.convert("RGB").getcolors(maxcolors=256) or []) > 2


def test_the_file_name_follows_the_text():
    card = Card(title="A", section="S", site_name=SITE_NAME)
    assert card.file_name == Card(title="A", section="S", site_name=SITE_NAME).file_name
    assert card.file_name != Card(title="B", section="S", site_name=SITE_NAME).file_name
    assert card.file_name != Card(title="A", section="T", site_name=SITE_NAME).file_name
    assert card.path == f"{social_cards.CARDS_DIR}/{card.file_name}"


def test_the_alt_text_says_what_the_card_shows():
    assert (
        Card("Webhooks", "Topic checklists", "Guide").alt == "Webhooks · Topic checklists · Guide"
    )
    # The home page's card: its title is the site's name, said once.
    assert Card("Guide", "", "Guide").alt == "Guide"


def test_cards_are_drawn_once_then_copied_from_the_cache(tmp_path):
    cards = [Card(title=title, section="", site_name=SITE_NAME) for title in TITLES[:3]]
    cache, first_site, second_site = tmp_path / "cache", tmp_path / "one", tmp_path / "two"
    assert social_cards.write_cards(cards + cards[:1], first_site, cache) == len(cards)
    for card in cards:
        assert (first_site / card.path).read_bytes() == (cache / card.file_name).read_bytes()
    # What the cache holds is what the next build publishes: nothing is drawn again.
    (cache / cards[0].file_name).write_bytes(b"kept")
    assert social_cards.write_cards(cards, second_site, cache) == 0
    assert (second_site / cards[0].path).read_bytes() == b"kept"
    assert not list(cache.glob("*.tmp"))


def test_two_renderings_are_byte_identical():
    """Builds are reproducible, cards included."""
    card = Card(title=TITLES[0], section="The guide", site_name=SITE_NAME)
    assert social_cards.render_card(card) == social_cards.render_card(card)


def test_cards_drawn_together_are_the_cards_drawn_one_by_one(tmp_path):
    """write_cards draws on several threads at once: each card is still the same bytes."""
    cards = [Card(title=title, section="The guide", site_name=SITE_NAME) for title in TITLES]
    social_cards.write_cards(cards, tmp_path / "site", tmp_path / "cache")
    for card in cards:
        assert (tmp_path / "site" / card.path).read_bytes() == social_cards.render_card(card)

"""Template syntax in code is shown verbatim on pages that run macros."""

from __future__ import annotations

from jinja2 import Environment, StrictUndefined

from hooks.content.code_guard import CodeGuard, protect_code


def render(markdown: str) -> str:
    environment = Environment(extensions=[CodeGuard], undefined=StrictUndefined)
    return environment.from_string(markdown).render(name="world")


def test_fenced_block_with_template_syntax_is_verbatim():
    page = "Hi {{ name }}\n\n```jinja\n{{ user.name }} {% if x %}{# c #}{% endif %}\n```\n"
    assert (
        render(page) == "Hi world\n\n```jinja\n{{ user.name }} {% if x %}{# c #}{% endif %}\n```\n"
    )


def test_tilde_fence_and_longer_fences_are_protected():
    page = "~~~~\n{{ a }}\n```\n{{ b }}\n```\n~~~~\n{{ name }}"
    assert render(page) == "~~~~\n{{ a }}\n```\n{{ b }}\n```\n~~~~\nworld"


def test_indented_fence_in_a_list_is_protected():
    page = "- step\n\n    ```\n    {% raw %}{{ x }}\n    ```\n"
    assert render(page) == page


def test_code_span_is_verbatim_but_text_around_it_renders():
    assert render("Write `{{ name }}` to get {{ name }}.") == "Write `{{ name }}` to get world."
    assert render("Use ``{% set x = 1 %}`` here") == "Use ``{% set x = 1 %}`` here"


def test_endraw_inside_code_does_not_escape_the_guard():
    page = "```\n{% endraw %}{{ secret }}\n```\n"
    assert render(page) == page


def test_unclosed_fence_protects_to_the_end():
    assert render("```\n{{ x }}\n") == "```\n{{ x }}\n"


def test_code_without_template_syntax_is_left_alone():
    page = "```python\nprint('hi')\n```\n"
    assert protect_code(page) == page

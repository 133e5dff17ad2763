"""The theme's and the macros' compiled templates kept between builds: reused while the source is
unchanged, compiled afresh when it changes, never shared between environments of other
settings."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from hooks import template_cache
from hooks.content import render


def _environment(templates: Path, **settings: object) -> tuple[Environment, list[str]]:
    """An environment on ``templates`` that records the name of each template it compiles."""
    environment = Environment(loader=FileSystemLoader(str(templates)), **settings)
    compiled: list[str] = []
    compile_source = environment.compile

    def compile_recorded(source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(source, name, filename, raw, defer_init)

    environment.compile = compile_recorded  # type: ignore[method-assign]
    return environment, compiled


def test_a_second_build_reuses_the_compiled_template(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    project = tmp_path / "project"
    for build in range(2):
        environment, compiled = _environment(templates)
        environment.bytecode_cache = template_cache.bytecode_cache(environment, project)
        html = environment.get_template("page.html").render(title="Hello")
        assert html == "<p>Hello</p>"
        assert compiled == (["page.html"] if build == 0 else [])


def test_an_edited_template_is_compiled_afresh(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "page.html"
    project = tmp_path / "project"
    for text in ("<p>{{ title }}</p>", "<h1>{{ title }}</h1>"):
        page.write_text(text, encoding="utf-8")
        environment, compiled = _environment(templates)
        environment.bytecode_cache = template_cache.bytecode_cache(environment, project)
        assert environment.get_template("page.html").render(title="Hello") == text.replace(
            "{{ title }}", "Hello"
        )
        assert compiled == ["page.html"]


def test_environments_of_other_settings_keep_their_own_code(tmp_path):
    plain, _ = _environment(tmp_path)
    assert template_cache.settings_digest(plain) == template_cache.settings_digest(
        _environment(tmp_path)[0]
    )
    others = [
        _environment(tmp_path, variable_start_string="[[%", variable_end_string="%]]")[0],
        _environment(tmp_path, trim_blocks=True)[0],
        _environment(tmp_path, autoescape=True)[0],
        _environment(tmp_path, extensions=["jinja2.ext.loopcontrols"])[0],
    ]
    digests = {template_cache.settings_digest(environment) for environment in [plain, *others]}
    assert len(digests) == 1 + len(others)
    folders = {template_cache.bytecode_cache(e, tmp_path).directory for e in [plain, *others]}
    assert len(folders) == len(digests)


def test_a_build_keeps_the_macros_templates_beside_its_config(tmp_path, monkeypatch):
    """The macros' templates render before on_env, so the cache is set in on_pre_build."""
    environment = render.template_environment()
    monkeypatch.setattr(environment, "bytecode_cache", None)
    config = type("Config", (), {"config_file_path": str(tmp_path / "mkdocs.yml")})()
    template_cache.on_startup(command="build", dirty=False)
    template_cache.on_pre_build(config=config)
    expected = tmp_path / template_cache.CACHE_DIR / template_cache.settings_digest(environment)
    assert Path(environment.bytecode_cache.directory) == expected

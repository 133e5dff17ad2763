"""The site's Python build layer.

What ``mkdocs.yml`` loads sits at the top of this package:

- ``macros.py``: the mkdocs-macros module (``define_env``), the content layer's entry point;
- ``mkdocs_hooks.py``: the MkDocs events, wiring the guards and output rewrites together;
- ``template_cache.py``: builds reuse the theme's and the macros' compiled templates while
  their source is unchanged;
- ``live_preview.py``: ``make serve`` only, a quicker edit-to-reload loop;
- ``emoji.py``: the pymdownx.emoji generator (Material's inline icons, emoji as characters).

Each sub-package has one contract:

- ``content/``: data to HTML (catalogue, validation, rendering and its templates); no MkDocs
  imports, so other engines (ProperDocs, Zensical) run it through mkdocs-macros;
- ``guards/``: checks that return problems as ``file:line: problem; fix`` strings; never write;
- ``output/``: rewrites of the built site; never fail (the guards check what they rely on);
- ``commands/``: what runs around a build (the strict build helper, the link ledger command).
"""

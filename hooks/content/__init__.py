"""The content layer: data to HTML. No MkDocs imports, so any engine that runs mkdocs-macros
modules runs it; its Jinja templates sit beside it in ``templates/``."""

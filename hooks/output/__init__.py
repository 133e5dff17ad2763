"""Output rewrites of the built site; never fail (guards check what they rely on first)."""

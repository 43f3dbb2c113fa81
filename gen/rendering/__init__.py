"""Rendering helpers every page uses: Markdown escaping and links, slugs and
anchors, front matter, the Jinja environment."""

"""Stage 5, rendering helpers every page uses: Markdown escaping and links, slugs and
anchors, front matter, the Jinja environment."""

"""Pages: Articles -> the OutputFiles of the site (source pages, theme and region
pages, timeline, listings, home, glossary, feeds, data)."""

"""Speed machinery, behind a small interface: a per-source results cache, a process pool
for many new sources, and watch mode. None of it changes what a build writes."""

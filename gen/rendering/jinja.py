"""The Jinja2 environment: templates live in gen/templates, values come in as plain data."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from gen.rendering import markup

TEMPLATES = Path(__file__).parent.parent / "templates"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown output: every source value goes through the `md` filter
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markup.escape
    env.filters["mdlink"] = lambda label, url: markup.link(label, url)
    env.filters["html"] = markup.html_text  # a value inside a block the template writes as HTML
    return env


def keep_compiled_templates(folder: Path | None) -> None:
    """Store compiled templates between runs (Jinja checks each template's source checksum):
    compiling all of them is a noticeable part of a small rebuild."""
    if folder is None:
        environment().bytecode_cache = None
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from gen.incremental.cache import cannot_write

        cannot_write(error)
        environment().bytecode_cache = None
        return
    environment().bytecode_cache = _TemplateCache(str(folder))


class _TemplateCache(FileSystemBytecodeCache):
    """A cache that cannot be written (full, read-only) costs compile time, not the build."""

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as error:
            from gen.incremental.cache import cannot_write

            cannot_write(error)


def render(template: str, **values) -> str:
    text = environment().get_template(template).render(**values)
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip("\n") + "\n"

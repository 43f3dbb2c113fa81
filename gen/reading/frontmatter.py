"""Split a source's YAML front matter from its body (safe loading, timestamps kept as text)."""

from __future__ import annotations

import re

import yaml

_FENCE = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


FRONT_MATTER_MAX_DEPTH = 50  # collections inside collections; real front matter has two or three


class FrontMatterError(ValueError):
    pass


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loading (libyaml when present) that keeps timestamps as text: we parse dates ourselves."""


_TextLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _refuse_hostile_structure(source: str) -> None:
    """Checked on the event stream, before anything is built (libyaml composes in C, where
    a loader subclass cannot intervene):

    - aliases let a few hundred bytes name a structure of billions of items ("billion
      laughs"): loading shares the repeats, but the first str() or walk over the value
      expands them;
    - deep nesting overflows the C stack of libyaml's composer and kills the process.

    Front matter needs neither.
    """
    depth = 0
    for event in yaml.parse(source, Loader=_TextLoader):
        if isinstance(event, yaml.AliasEvent):
            raise FrontMatterError("front matter uses YAML aliases")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > FRONT_MATTER_MAX_DEPTH:
                raise FrontMatterError(f"front matter nested deeper than {FRONT_MATTER_MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def split(text: str) -> tuple[dict | None, str]:
    """(front matter mapping, body); (None, text) when there is no front matter fence.

    Raises FrontMatterError when a fence is there but its YAML is not a mapping, uses
    aliases or nests too deeply.
    """
    match = _FENCE.match(text)
    if not match:
        return None, text
    body = text[match.end():]
    try:
        _refuse_hostile_structure(match.group(1))
        data = yaml.load(match.group(1), Loader=_TextLoader)
    except yaml.YAMLError as error:
        raise FrontMatterError(f"malformed front matter: {str(error).splitlines()[0]}") from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a mapping")
    return data, body

"""Split a source's YAML front matter from its body (safe loading, timestamps kept as text)."""

from __future__ import annotations

import re

import yaml

_FENCE = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


class FrontMatterError(ValueError):
    pass


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loading (libyaml when present) that keeps timestamps as text: we parse dates ourselves."""


_TextLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split(text: str) -> tuple[dict | None, str]:
    """(front matter mapping, body); (None, text) when there is no front matter fence.

    Raises FrontMatterError when a fence is there but its YAML is not a mapping.
    """
    match = _FENCE.match(text)
    if not match:
        return None, text
    body = text[match.end():]
    try:
        data = yaml.load(match.group(1), Loader=_TextLoader)
    except yaml.YAMLError as error:
        raise FrontMatterError(f"malformed front matter: {str(error).splitlines()[0]}") from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a mapping")
    return data, body

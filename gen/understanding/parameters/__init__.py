"""Policy parameters (gen/data/parameters.yml) read from an article's paragraphs."""

from __future__ import annotations

from gen.models import Article
from gen.understanding.parameters.extract import with_facts
from gen.understanding.parameters.vocabulary import parameter_vocabulary
from gen.understanding.places import gazetteer


def find_parameters(article: Article) -> Article:
    """The article with `facts`: every policy parameter its paragraphs state."""
    return with_facts(article, parameter_vocabulary(), gazetteer())

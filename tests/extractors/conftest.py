from __future__ import annotations

import pytest

from newsmine.article import from_parts
from newsmine.document import Document
from newsmine.pipeline import Pipeline


@pytest.fixture
def run():
    """Run the pipeline up to ``kind`` on one sentence and return that kind's mentions."""
    def _run(text: str, kind: str, published: str | None = None):
        doc = Document(from_parts(id="t", source="t", title=None, lead=None, body=text, published=published))
        return Pipeline([kind]).run(doc).found[kind]
    return _run

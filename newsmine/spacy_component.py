"""The ``newsmine`` spaCy component: every extracted mention as a span in ``doc.spans["newsmine"]``.

    import spacy
    nlp = spacy.blank("vi")          # or spacy.blank("xx")
    nlp.add_pipe("newsmine")         # found through the spacy_factories entry point
    doc = nlp(text)
    [(s.text, s.label_, s._.newsmine["value"]) for s in doc.spans["newsmine"] if s.label_ == "DATE"]

Labels: each kind's declared label (CAMPAIGN, DIRECTIVE, DATE, UNIT, INDICATOR, ACHIEVEMENT). Character offsets are aligned to
spaCy tokens with ``alignment_mode="expand"`` (a mention inside a token takes the whole token);
``span._.newsmine`` holds the record's structured values, ``doc._.newsmine`` the whole record.
An achievement told in several clauses is one span per clause (each of its ``mentions``), all
holding the same value: the achievement's dict.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


def labels() -> dict[str, str]:
    """{kind: spaCy label} of every declared kind."""
    from newsmine.kinds import kinds

    return {name: kind.label for name, kind in kinds().items()}


def colors() -> dict[str, str]:
    """{spaCy label: colour} for displaCy, as the kinds declare them."""
    from newsmine.kinds import kinds

    return {kind.label: kind.color for kind in kinds().values()}


class NewsmineComponent:
    def __init__(self, nlp: Language, name: str, spans_key: str = "newsmine"):
        self.name, self.spans_key = name, spans_key
        for cls in (Span, Doc):
            if not cls.has_extension("newsmine"):
                cls.set_extension("newsmine", default=None)

    def __call__(self, doc: Doc) -> Doc:
        import newsmine

        return annotate(doc, newsmine.extract(doc.text, shape="raw"), self.spans_key)


def annotate(doc: Doc, record, spans_key: str = "newsmine") -> Doc:
    """Put the mentions of ``record`` (whose text is ``doc.text``) into ``doc.spans[spans_key]``."""
    for cls in (Span, Doc):
        if not cls.has_extension("newsmine"):
            cls.set_extension("newsmine", default=None)
    from newsmine.kinds import kinds

    spans = []
    for name, kind in kinds().items():
        for mention in record.mentions(name):
            value = {"kind": name, **mention.to_dict()}
            for told in kind.spans(mention):
                span = doc.char_span(told.start, told.end, label=kind.label, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                span._.newsmine = value
                spans.append(span)
    doc.spans[spans_key] = sorted(spans, key=lambda s: (s.start_char, -s.end_char))
    doc._.newsmine = record
    return doc


@Language.factory("newsmine", default_config={"spans_key": "newsmine"})
def make_newsmine(nlp: Language, name: str, spans_key: str) -> NewsmineComponent:
    """The spaCy factory (entry point ``spacy_factories: newsmine``)."""
    return NewsmineComponent(nlp, name, spans_key)

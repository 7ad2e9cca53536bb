"""Pictures of what was extracted: displaCy's span visualiser, or coloured text on a terminal."""
from __future__ import annotations

from typing import Any

from .records import Record


def to_doc(record: Record) -> "spacy.tokens.Doc":  # noqa: F821
    """A spaCy Doc of the record's text with its mentions as spans.

    Tokens are the text's words and its runs of white space (so the Doc's text is the
    record's text, offsets and all, and words keep their punctuation in the picture).
    """
    import re

    import spacy
    from spacy.tokens import Doc

    from .spacy_component import annotate

    words = re.findall(r"\S+|\s+", record.text) or [" "]
    doc = Doc(spacy.blank("xx").vocab, words=words, spaces=[False] * len(words))
    return annotate(doc, record)


def html(record: Record, *, page: bool = True) -> str:
    """displaCy's span rendering, one colour per label."""
    from spacy import displacy

    from .spacy_component import colors

    title = record.title or record.id
    return displacy.render(to_doc(record), style="span", page=page, minify=True, jupyter=False,
                           options={"spans_key": "newsmine", "colors": colors()}).replace(
        "<title>displaCy</title>", f"<title>{_escape(title)} — newsmine</title>", 1)


def notebook(record: Record) -> Any:
    """Show the rendering inline in a notebook."""
    from IPython.display import HTML

    return HTML(html(record, page=False))


def terminal(record: Record) -> "rich.text.Text":  # noqa: F821
    """The text with each mention coloured by label (the outermost mention where they nest); every
    mention of an achievement is coloured."""
    from rich.text import Text

    from .kinds import kinds
    from .spacy_component import colors

    text, palette = Text(record.text), colors()
    for name, kind in kinds().items():
        for m in record.mentions(name):
            for told in kind.spans(m):  # every clause telling an achievement
                text.stylize(f"black on {palette[kind.label]}", told.start, told.end)
    legend = Text(end="")
    for label, color in palette.items():
        legend.append(f" {label} ", style=f"black on {color}")
        legend.append(" ")
    return Text.assemble(legend, "\n\n", text)


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

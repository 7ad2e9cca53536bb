"""Plain text: pages saved from a news site, and three-line text (title / lead / body)."""
from __future__ import annotations

from msgspec.structs import replace

from .. import article
from ..records import Article


def is_three_line(text: str) -> bool:
    """Exactly three non-empty lines and no blank line between them: title, lead, body."""
    lines = text.strip().split("\n")
    return len(lines) == 3 and all(line.strip() for line in lines)


def from_text(text: str, *, id: str, source: str, warnings: list[str] | None = None,
              shape: str = "auto") -> Article:
    if shape == "threeline" or (shape == "auto" and is_three_line(text)):
        lines = (text.strip().split("\n") + ["", "", ""])[:3]
        return article.from_parts(id=id, source=source, title=lines[0], lead=lines[1], body=lines[2],
                                  warnings=warnings)
    parsed = article.from_page_text(text, id=id, source=source)
    return replace(parsed, warnings=[*(warnings or []), *parsed.warnings]) if warnings else parsed

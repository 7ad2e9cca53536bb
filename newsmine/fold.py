"""Accent folding for search: "Đồng khởi mới" → "dong khoi moi", one character for one character.

SQLite's ``remove_diacritics`` leaves đ alone (U+0111 has no decomposition), so
newsmine folds text itself. Folding keeps the length, so an offset in the
folded text is the same offset in the original: snippets highlight the
original words.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "ı": "i", "ł": "l", "ø": "o", "æ": "a", "œ": "o", "ß": "s"}


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    base = unicodedata.normalize("NFD", c)[0].lower()
    if len(base) == 1:
        return base
    lower = c.lower()
    return lower if len(lower) == 1 else c


def fold(text: str) -> str:
    """Lower-case, accents stripped, đ → d; ``len(fold(s)) == len(s)``.

    >>> fold("Thi đua “Đồng khởi mới”")
    'thi dua “dong khoi moi”'
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) if not c.isascii() else c.lower() for c in text)

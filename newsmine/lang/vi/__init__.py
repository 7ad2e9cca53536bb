"""Vietnamese language data: TSV files beside this module, read by a thin loader.

Each file starts with ``#`` comment lines naming its source and its columns;
data rows are tab-separated. Nothing is read at import time.
"""
from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The data rows of ``<name>.tsv`` (NFC, stripped, empty trailing columns kept as "")."""
    raw = resources.files(__name__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    out = []
    for line in unicodedata.normalize("NFC", raw).splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(tuple(col.strip() for col in line.split("\t")))
    return tuple(out)


def column(name: str, index: int = 0) -> tuple[str, ...]:
    return tuple(r[index] for r in rows(name) if len(r) > index and r[index])


@cache
def mapping(name: str, key: int = 0, value: int = 1) -> dict[str, str]:
    """``{row[key]: row[value]}``; the first row wins for a repeated key."""
    out: dict[str, str] = {}
    for r in rows(name):
        if len(r) > max(key, value):
            out.setdefault(r[key], r[value])
    return out


@cache
def dictionary() -> frozenset[str]:
    """Vietnamese words (lower-cased, NFC) from the Viet74K list that underthesea ships.

    Read straight from the installed package's data folder, without importing
    underthesea; an empty set when the file is not there (extractors then fall
    back to their own lists).
    """
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("underthesea")
    for root in (spec.submodule_search_locations or []) if spec else []:
        path = Path(root) / "corpus" / "data" / "Viet74K.txt"
        if path.is_file():
            words = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).splitlines()
            multi = {w.strip().lower() for w in words if " " in w.strip()}
            return frozenset(multi | {tone_variant(w) for w in multi})
    return frozenset()


_OLD_TONES = {"oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oé": "óe", "oè": "òe", "oẻ": "ỏe",
              "oẽ": "õe", "oẹ": "ọe", "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_NEW_TONES = {new: old for old, new in _OLD_TONES.items()}


def tone_variant(phrase: str) -> str:
    """The same words with the other tone placement on open syllables: "văn hoá" ↔ "văn hóa"."""
    out = []
    for word in phrase.split(" "):
        tail = word[-2:]
        if tail in _OLD_TONES:
            word = word[:-2] + _OLD_TONES[tail]
        elif tail in _NEW_TONES and not (len(word) > 2 and word[-3] == "q"):
            word = word[:-2] + _NEW_TONES[tail]
        out.append(word)
    return " ".join(out)


#: a final i or y after these consonants is written either way: "chiến sĩ" / "chiến sỹ", "kĩ" / "kỹ"
_IY = {"i": "y", "í": "ý", "ì": "ỳ", "ỉ": "ỷ", "ĩ": "ỹ", "ị": "ỵ"}
_YI = {y: i for i, y in _IY.items()}
_IY_AFTER = frozenset("klmst")


def _iy_variant(word: str) -> str:
    if len(word) == 2 and word[0] in _IY_AFTER:
        if word[1] in _IY:
            return word[0] + _IY[word[1]]
        if word[1] in _YI:
            return word[0] + _YI[word[1]]
    return word


def spelling_variants(phrase: str) -> set[str]:
    """The ways a (lower-case) phrase is written: both tone placements and, in syllables like
    "sĩ", "kỹ", "lý", both a final i and a final y ("chiến sĩ thi đua" = "chiến sỹ thi đua")."""
    out = {""}
    for word in phrase.split(" "):
        forms = {word, tone_variant(word), _iy_variant(word), _iy_variant(tone_variant(word))}
        out = {f"{head} {w}" if head else w for head in out for w in forms}
    return out


def _canonical_word(word: str) -> str:
    if word[-2:] in _OLD_TONES:
        word = word[:-2] + _OLD_TONES[word[-2:]]
    if len(word) == 2 and word[0] in _IY_AFTER and word[1] in _YI:
        word = word[0] + _YI[word[1]]
    return word


def canonical(phrase: str) -> str:
    """One spelling of all of :func:`spelling_variants` (new tone placement, final i), for lookups."""
    return " ".join(_canonical_word(w) for w in phrase.split(" "))


def longest_first(words: tuple[str, ...] | list[str]) -> list[str]:
    """Words sorted for an alternation: longest first, so "phong trào thi đua" beats "phong trào"."""
    return sorted(set(words), key=lambda w: (-len(w), w))

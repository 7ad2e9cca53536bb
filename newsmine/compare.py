"""Matching rules of extracted values against gold, shared by the kinds' declarations and the scorer.

The matchers follow ``../shared/tools/score.py`` exactly (normalisation, per-kind
matchers, distinct keys), so that ``newsmine eval`` and the shared scorer agree.
"""
from __future__ import annotations

import math
import re
import unicodedata
from typing import Any


def loose(s: Any) -> str:
    """NFC, quote marks dropped, spacing collapsed, case folded."""
    s = unicodedata.normalize("NFC", str(s or ""))
    for q in "“”\"'‘’«»":
        s = s.replace(q, "")
    return " ".join(s.split()).casefold()


def same_value(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    return a == b


_QUOTES = re.compile(r"[“”\"'‘’«»()\[\]]")
_DASHES = re.compile(r"[\s\-–—]+")
_SPACES = re.compile(r"\s+")
_UNIT_WORDS = re.compile(r"[\s,;/]+")


def norm(s: Any) -> str:
    s = unicodedata.normalize("NFC", s or "").casefold()
    return _DASHES.sub(" ", _QUOTES.sub(" ", s)).strip(" .,:;")


def sym(s: Any) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFC", s or "")).casefold()


def close(a: Any, b: Any) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def unit_key(u: Any) -> str:
    words = _UNIT_WORDS.split(norm(str(u or "")))
    return words[0] if words else ""


def campaign_match(p: dict, g: dict) -> bool:
    a, b = norm(g["name"]), norm(p.get("name") or p.get("text") or "")
    if not a or not b:
        return False
    ta, tb = set(a.split()), set(b.split())
    return a == b or len(ta & tb) / len(ta | tb) >= 0.7


def directive_match(p: dict, g: dict) -> bool:
    gs, ps = sym(g.get("symbol")), sym(p.get("symbol"))
    if gs and ps and gs == ps:
        return True
    gn, pn = (g.get("number") or "").strip(), (p.get("number") or "").strip()
    if gn and pn and gn.lstrip("0") == pn.lstrip("0") and norm(g.get("type")) == norm(p.get("type")):
        return True
    return bool(not gs and not gn and g.get("text") and norm(g["text"]) in norm(p.get("text")))


def _range_end(m: dict, gold: bool) -> Any:
    """A date's range end: gold of annotation.md's shape calls it ``end``, records and our gold ``range_end``."""
    if gold:
        return m.get("end") if "end" in m else m.get("range_end")
    return m.get("range_end") if "range_end" in m else m.get("end")


def date_match(p: dict, g: dict) -> bool:
    gv, pv = g.get("value") or "", str(p.get("value") or "")
    same_day = (pv.endswith(gv[1:]) or pv == gv) if gv.startswith("--") else pv == gv
    if not same_day:
        return False
    ge = _range_end(g, True)
    return not ge or str(_range_end(p, False) or "") == ge


def unit_match(p: dict, g: dict) -> bool:
    a = norm(g["text"])
    for b in {norm(p.get("name") or ""), norm(p.get("text") or ""), norm(p.get("canonical") or "")}:
        if not b:
            continue
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        if a == b or (len(short.split()) >= 2 and short in long_ and len(short) >= 0.6 * len(long_)):
            return True
    return False


def achievement_match(p: dict, g: dict) -> bool:
    if g["type"] != p.get("type"):
        return False
    if g.get("cue") or "start" not in g:
        return norm(g.get("cue")) in norm(p.get("text") or "")
    spans = [p, *(p.get("mentions") or [])]
    return any(min(m.get("end", -1), g["end"]) > max(m.get("start", 0), g["start"]) for m in spans)


def indicator_match(p: dict, g: dict) -> bool:
    return close(g.get("value"), p.get("value")) and unit_key(g.get("unit")) == unit_key(p.get("unit"))


def indicator_value_match(p: dict, g: dict) -> bool:
    return close(g.get("value"), p.get("value"))


def name_key(x: dict) -> str:
    """Campaigns and units count once per normalised name."""
    return norm(x.get("name") or x.get("text"))


def directive_key(x: dict) -> str:
    """Directives count once per document: its symbol, else type, number (and text when unnumbered)."""
    return sym(x.get("symbol")) or norm(f"{x.get('type')} {x.get('number')} {x.get('text') if not x.get('number') else ''}")

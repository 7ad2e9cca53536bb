"""Loose equality of extracted values, shared by the kinds' evaluation keys and the scorer."""
from __future__ import annotations

import math
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

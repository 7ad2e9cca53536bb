#!/usr/bin/env python3
"""Check the gold files of the corpus against corpora/README.md.

usage: python corpora/check_gold.py [CORPUS_DIR]

Standalone on purpose (standard library only), so annotators can run it
before the package is installed. Exits 1 and lists the problems found.
"""
from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from pathlib import Path

TYPES = {"emulation_title", "order_medal", "honorary_title", "prize", "merit_certificate",
         "task_rating", "target_exceeded", "standard_attained", "exemplar"}
UNIT_KINDS = {"agency", "party", "government", "admin_area", "school", "enterprise",
              "association", "armed_forces", "other"}
GRAINS = {"day", "month", "quarter", "year", "range"}
ISO_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-Q[1-4]|--\d{2}-\d{2})$")
PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+07:00)?$")
FIELDS = {
    "campaigns": ["name", "kind", "period", "launched_by", "directive"],
    "directives": ["type", "number", "symbol", "issued", "issuer"],
    "dates": ["value", "range_end", "grain", "resolved"],
    "units": ["name", "canonical", "kind"],
    "indicators": ["value", "value_max", "unit", "qualifier", "change", "metric"],
    "achievements": ["type", "recipient", "conferred_by", "year"],
}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def article_texts(corpus: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted((corpus / "articles").iterdir()):
        raw = nfc(path.read_text(encoding="utf-8"))
        if path.suffix == ".jsonl":
            for line in raw.splitlines():
                if line.strip():
                    obj = json.loads(line)
                    parts = [obj.get(k) or "" for k in ("title", "sapo", "content")]
                    texts[obj["id"]] = "\n\n".join(parts)
        elif path.suffix == ".html":
            texts[path.stem] = html.unescape(re.sub(r"<[^>]*>", " ", raw))
        elif path.suffix == ".txt":
            texts[path.stem] = raw
    return texts


def check_record(gold: dict, text: str) -> list[str]:
    errs = []
    for key in ("title", "published", "authors", "outlet", "series", "lead", "topic",
                "achievement_types", *FIELDS):
        if key not in gold:
            errs.append(f"missing {key!r}")
    if gold.get("published") and not PUBLISHED.match(gold["published"]):
        errs.append(f"published {gold['published']!r} is not ISO")
    if gold.get("topic") not in ("emulation", "other"):
        errs.append("topic must be 'emulation' or 'other'")
    if gold.get("topic") == "other" and (gold.get("campaigns") or gold.get("achievements")):
        errs.append("an off-topic article has campaigns or achievements")
    for kind, keys in FIELDS.items():
        pointer = 0
        for j, m in enumerate(gold.get(kind) or []):
            where = f"{kind}[{j}] {m.get('text')!r}"
            for k in keys + ["text"]:
                if k not in m:
                    errs.append(f"{where}: missing {k!r}")
            t = m.get("text") or ""
            found = text.find(t, pointer)
            if not t or found < 0:
                errs.append(f"{where}: text not found in the article after the previous {kind} mention "
                             "(list each kind in document order)")
            else:
                pointer = found + len(t)
            errs += check_values(kind, m, where)
    types = sorted({a.get("type") for a in gold.get("achievements") or []})
    if sorted(gold.get("achievement_types") or []) != types:
        errs.append(f"achievement_types should be {types}")
    return errs


def check_values(kind: str, m: dict, where: str) -> list[str]:
    errs = []
    if kind == "dates":
        for k in ("value", "range_end"):
            if m.get(k) is not None and not ISO_DATE.match(str(m[k])):
                errs.append(f"{where}: {k} {m[k]!r} is not ISO")
        if m.get("grain") not in GRAINS:
            errs.append(f"{where}: grain {m.get('grain')!r}")
        if (m.get("grain") == "range") != (m.get("range_end") is not None):
            errs.append(f"{where}: range_end goes with grain 'range' only")
    elif kind == "indicators":
        if not isinstance(m.get("value"), (int, float)):
            errs.append(f"{where}: value must be a number")
    elif kind == "units" and m.get("kind") not in UNIT_KINDS:
        errs.append(f"{where}: kind {m.get('kind')!r}")
    elif kind == "achievements" and m.get("type") not in TYPES:
        errs.append(f"{where}: type {m.get('type')!r}")
    elif kind == "directives" and m.get("symbol") and " " in m["symbol"]:
        errs.append(f"{where}: symbol has spaces")
    return errs


def main() -> int:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
    texts = article_texts(corpus)
    problems = 0
    golds = {p.stem: p for p in sorted((corpus / "gold").glob("*.json"))}
    for aid in sorted(set(texts) - set(golds)):
        print(f"{aid}: no gold file")
        problems += 1
    for aid, path in golds.items():
        if aid not in texts:
            print(f"{path.name}: no article with id {aid!r}")
            problems += 1
            continue
        gold = json.loads(nfc(path.read_text(encoding="utf-8")))
        for err in check_record(gold, texts[aid]):
            print(f"{path.name}: {err}")
            problems += 1
    print(f"{len(golds)} gold files, {len(texts)} articles, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""Browsing an archive in datasette: metadata (titles, column notes, facets, search) and the server."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

#: Notes and facets of the articles table; each mention table's come from its kind's declaration.
ARTICLE_NOTES = {
    "id": "the caller's id (file name, JSONL id)", "source": "where the article was read from",
    "published": "ISO 8601 publication time",
    "year": "the article's year: published, else its latest reported day or month (never a target)",
    "province": "the province the article cites most",
    "province_2025": "that province in the 34-province map after the 2025 merger",
    "text": "the cleaned article", "folded": "the text without accents (đ → d), for accent-free search",
    "achievement_types": "kinds of achievement the article reports",
    "record": "the full extracted record as JSON (text left out)", "hash": "content hash (id, title, text)",
}
ARTICLE_FACETS = ["year", "province", "province_2025", "outlet"]


def metadata(db: Path) -> dict[str, Any]:
    from .kinds import kinds

    name = db.stem
    tables: dict[str, Any] = {"articles": {"columns": ARTICLE_NOTES, "facets": ARTICLE_FACETS}}
    for table, kind in kinds().items():
        tables[table] = {"columns": dict(kind.notes), "facets": list(kind.facets)}
    tables["articles"].update({
        "title": "Articles", "fts_table": "articles_fts", "fts_pk": "rowid",
        "searchmode": "escaped",
        "description": "Type words with or without accents: “dong khoi moi” finds “Đồng khởi mới”.",
    })
    return {
        "title": "newsmine archive",
        "description": "Vietnamese press articles about emulation movements, with the "
                       f"{', '.join(kinds())} extracted from them.",
        "databases": {name: {"tables": tables}},
    }


def serve(db: Path, host: str, port: int, *, open_browser: bool = False) -> int:
    """Run datasette on ``db`` (blocking) with newsmine's metadata."""
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(metadata(db), f, ensure_ascii=False)
    cmd = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", f.name,
           "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000"]
    if open_browser:
        cmd.append("--open")
    try:
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 0
    finally:
        Path(f.name).unlink(missing_ok=True)

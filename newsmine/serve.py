"""Browsing an archive in datasette: metadata (titles, column notes, facets, search) and the server."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

COLUMN_NOTES = {
    "articles": {
        "id": "the caller's id (file name, JSONL id)", "source": "where the article was read from",
        "published": "ISO 8601 publication time", "year": "publication year (else the year the article cites most)",
        "province": "the province the article cites most", "text": "the cleaned article",
        "folded": "the text without accents (đ → d), for accent-free search",
        "achievement_types": "kinds of achievement the article reports",
        "record": "the full extracted record as JSON (text left out)", "hash": "content hash (id, title, text)",
    },
    "campaigns": {"name": "the campaign's name, without quotes", "kind": "phong trào thi đua, cuộc vận động...",
                  "directive": "symbol of the directive it implements"},
    "directives": {"symbol": "normalised symbol: 01-CT/TU, 18/CT-TTg", "issued": "ISO date of issue"},
    "dates": {"value": "ISO date, month, quarter or year", "range_end": "end of a range (giai đoạn 2016-2020)"},
    "units": {"canonical": "abbreviations expanded, bare level completed", "kind": "agency, party, government..."},
    "indicators": {"value": "normalised number", "unit": "%, đồng, USD or the counted noun",
                   "metric": "what the number measures, when the sentence names it"},
    "achievements": {"type": "emulation_title, order_medal, merit_certificate, task_rating...",
                     "text": "the clause that states it"},
}
FACETS = {
    "articles": ["year", "province", "outlet"], "campaigns": ["name", "kind"], "directives": ["type", "symbol"],
    "dates": ["grain"], "units": ["kind"], "indicators": ["unit"], "achievements": ["type", "year"],
}


def metadata(db: Path) -> dict[str, Any]:
    name = db.stem
    tables: dict[str, Any] = {}
    for table, notes in COLUMN_NOTES.items():
        tables[table] = {"columns": notes, "facets": FACETS.get(table, [])}
    tables["articles"].update({
        "title": "Articles", "fts_table": "articles_fts", "fts_pk": "rowid",
        "searchmode": "escaped",
        "description": "Type words with or without accents: “dong khoi moi” finds “Đồng khởi mới”.",
    })
    return {
        "title": "newsmine archive",
        "description": "Vietnamese press articles about emulation movements, with the campaigns, directives, "
                       "dates, units, indicators and achievements extracted from them.",
        "databases": {name: {"tables": tables}},
    }


def serve(db: Path, host: str, port: int, *, open_browser: bool = False) -> int:
    """Run datasette on ``db`` (blocking) with newsmine's metadata.

    Datasette runs in a process group of its own, stopped on every way out (its end, Ctrl-C, SIGTERM,
    SIGHUP, an error) with its metadata file; on Linux it also ends if this process is killed outright.
    """
    import signal
    import subprocess
    import tempfile

    def stop(signum, frame):  # SIGTERM and SIGHUP end the run as Ctrl-C does
        raise KeyboardInterrupt

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    with tempfile.TemporaryDirectory(prefix="newsmine-serve-") as folder:
        meta = Path(folder) / "metadata.json"
        meta.write_text(json.dumps(metadata(db), ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(meta),
               "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000"]
        if open_browser:
            cmd.append("--open")
        child = None
        try:
            child = subprocess.Popen(cmd, start_new_session=True, preexec_fn=_die_with_parent)
            return child.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            for sig in previous:  # a second Ctrl-C must not cut the clean-up short
                signal.signal(sig, signal.SIG_IGN)
            if child is not None:
                _stop_group(child)
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _die_with_parent() -> None:
    """In the child, before datasette starts: on Linux, be sent SIGTERM when the parent dies."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _stop_group(child, grace: float = 5.0) -> None:
    """SIGTERM to the child's whole process group, then SIGKILL to what is left after ``grace`` seconds."""
    import os
    import signal
    import subprocess

    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(child.pid, sig)
        except ProcessLookupError:
            pass
        try:
            child.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue

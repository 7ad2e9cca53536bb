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
    "text": "the cleaned article",
    "newsmine_version": "the newsmine that extracted the record",
    "fingerprint": "digest of the extractors and data files that extracted it (changed: `newsmine index` extracts again)",
    "achievement_types": "kinds of achievement the article reports",
}
#: What newsmine serve loads into datasette: the search box follows newsmine's rules, internal columns are hidden.
PLUGINS = Path(__file__).parent / "datasette_plugin"
ARTICLE_FACETS = ["year", "province", "province_2025", "outlet"]


def metadata(db: Path) -> dict[str, Any]:
    from .kinds import kinds

    name = db.stem
    tables: dict[str, Any] = {"articles": {"columns": ARTICLE_NOTES, "facets": ARTICLE_FACETS}}
    for table, kind in kinds().items():
        tables[table] = {"columns": dict(kind.notes), "facets": list(kind.facets)}
        for child in kind.children:  # achievement_mentions: every clause telling an achievement
            tables[child.table] = {"description": f"Each span of the {child.field} of {table}: its row is the "
                                                  f"one with the same article_id and {child.key}."}
    tables["articles"].update({
        "title": "Articles", "fts_table": "articles_fts", "fts_pk": "rowid",
        "searchmode": "escaped",
        "description": "Type words with or without accents: “dong khoi moi” finds “Đồng khởi mới”.",
    })
    return {
        "title": "newsmine archive",
        "description": "Vietnamese press articles about emulation movements, with the "
                       f"{', '.join(kinds())} extracted from them.",
        "databases": {name: {"tables": {**tables, "filter_keys": {"hidden": True}, "articles_fts": {"hidden": True},
                                        "_migrations": {"hidden": True}}}},
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
        cmd = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(meta), "--plugins-dir", str(PLUGINS),
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

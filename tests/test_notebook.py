"""notebooks/explore.ipynb runs end to end on the bundled corpus and draws its charts."""
from __future__ import annotations

import base64
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from newsmine.archive import Archive
from newsmine.sources import read as _read

ROOT = Path(__file__).resolve().parents[1]


def test_notebook_runs_and_draws(tmp_path, monkeypatch):
    db = tmp_path / "archive.sqlite"
    with Archive(db, create=True) as a:
        a.index(_read([str(ROOT / "corpora" / "articles")], records=True))
    monkeypatch.setenv("NEWSMINE_ARCHIVE", str(db))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "stored with outputs"
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    images = [o["data"]["image/png"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) >= 5
    assert all(len(base64.b64decode(img)) > 5000 for img in images)
    html = [o["data"]["text/html"] for c in nb.cells for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    assert any("ACHIEVEMENT" in h or "CAMPAIGN" in h for h in html)  # the displaCy rendering
    out = os.environ.get("NEWSMINE_NOTEBOOK_PNG")
    if out:  # for looking at a chart by eye: NEWSMINE_NOTEBOOK_PNG=/tmp/chart.png pytest tests/test_notebook.py
        Path(out).write_bytes(base64.b64decode(images[0]))

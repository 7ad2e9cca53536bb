"""Models trained by ``newsmine train`` from ``corpora/`` and shipped with the package (JSON, no pickle)."""

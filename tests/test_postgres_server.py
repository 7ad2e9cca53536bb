"""The throwaway PostgreSQL server of tests/pg.py starts, takes connections, and has unaccent."""
from __future__ import annotations

import os

import pytest

from pg import postgres  # noqa: F401 — the fixture

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[dev]')")


def test_server_accepts_a_connection_and_stops_clean(postgres):  # noqa: F811
    with psycopg.connect(postgres.conninfo(), autocommit=True) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()[0]
        address = conn.execute("SELECT inet_server_addr()::text").fetchone()[0]
    assert int(version) >= 150000
    assert address.startswith("127.0.0.1")
    assert os.path.isdir(postgres.socket_dir)


@pytest.mark.parametrize("text, folded", [
    ("Đảng", "Dang"),
    ("phong trào thi đua", "phong trao thi dua"),
    ("Huân chương Lao động hạng Nhất", "Huan chuong Lao dong hang Nhat"),
])
def test_unaccent_folds_vietnamese(postgres, text, folded):  # noqa: F811
    with psycopg.connect(postgres.conninfo(), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        assert conn.execute("SELECT unaccent(%s)", (text,)).fetchone()[0] == folded


def test_server_folder_is_removed_after_stop():
    from pg import server

    with server() as s:
        root = s.socket_dir
        with psycopg.connect(s.conninfo(), autocommit=True) as conn:
            assert conn.execute("SELECT 1").fetchone()[0] == 1
    assert not os.path.exists(root)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(s.conninfo(), connect_timeout=5)

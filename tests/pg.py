"""A throwaway PostgreSQL server for tests: ``initdb`` into a temporary folder, ``pg_ctl`` on a loopback port.

Use the ``postgres`` fixture (import it into a test module: ``from pg import postgres``). The server
is stopped and its folder removed at the end of the session, whatever happens. ``initdb`` and
``postgres`` refuse to run as root (CI runs as root), so there they run as Debian's unprivileged
``postgres`` user. Where no server binaries are installed the tests that use it skip with one line
(``make test`` installs Debian's postgresql).
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

USER = "newsmine"
SKIP = "PostgreSQL server binaries (initdb, pg_ctl) are not installed; make test installs Debian's postgresql"


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    socket_dir: str
    user: str = USER

    def conninfo(self, dbname: str = "postgres") -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={dbname}"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"


def bindir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: PostgreSQL 15's on Debian, else the newest there, else PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    preferred = [p for p in found if Path(p).parts[-3] == "15"] or found
    if preferred:
        return Path(preferred[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server() -> Iterator[Server]:
    """Start a server; stop it and remove its folder on the way out (also on errors and interrupts)."""
    bins = bindir()
    if bins is None:
        pytest.skip(SKIP)
    run_as: dict = {}
    root = tempfile.mkdtemp(prefix="newsmine-pg-")
    try:
        if os.geteuid() == 0:  # initdb and postgres refuse root
            import pwd

            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no unprivileged 'postgres' user to run the server")
            os.chown(root, account.pw_uid, account.pw_gid)
            os.chmod(root, 0o700)
            run_as = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        data, log = os.path.join(root, "data"), os.path.join(root, "server.log")
        subprocess.run([str(bins / "initdb"), "-D", data, "-U", USER, "--auth=trust", "-E", "UTF8",
                        "--locale=C", "--no-sync"], check=True, capture_output=True, cwd=root, **run_as)
        port = _free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
        started = subprocess.run([str(bins / "pg_ctl"), "-D", data, "-l", log, "-o", options, "-w", "-t", "120",
                                  "start"], capture_output=True, text=True, cwd=root, **run_as)
        if started.returncode != 0:
            tail = Path(log).read_text(errors="replace")[-2000:] if os.path.exists(log) else started.stderr
            raise RuntimeError(f"PostgreSQL did not start: {tail}")
        try:
            yield Server("127.0.0.1", port, root)
        finally:
            subprocess.run([str(bins / "pg_ctl"), "-D", data, "-m", "immediate", "-w", "-t", "60", "stop"],
                           capture_output=True, cwd=root, **run_as)
    finally:
        _kill_leftover(os.path.join(root, "data", "postmaster.pid"))
        shutil.rmtree(root, ignore_errors=True)


def _kill_leftover(pidfile: str) -> None:
    """A postmaster that ``pg_ctl stop`` could not stop (it should never be needed)."""
    import signal

    try:
        pid = int(Path(pidfile).read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
    except (OSError, ValueError, IndexError):
        pass


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    with server() as s:
        yield s

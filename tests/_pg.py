"""A throwaway PostgreSQL server for the store tests (unix socket only), or the reason there is none."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

PG_BIN = Path(os.environ.get("COUNTERCLAIM_PG_BIN", "/usr/local/bin"))


def start_postgres():
    """Start a throwaway PostgreSQL in a temp dir (unix socket only); return (url, stop) or a skip reason."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg not installed (pip install 'counterclaim[postgres]')"
    url = os.environ.get("COUNTERCLAIM_TEST_PG_URL")
    if url:
        return (url, lambda: None), None
    initdb, pg_ctl = PG_BIN / "initdb", PG_BIN / "pg_ctl"
    if not (initdb.exists() and pg_ctl.exists()):
        return None, f"no initdb/pg_ctl in {PG_BIN} (set COUNTERCLAIM_TEST_PG_URL to test PostgreSQL)"
    tmp = tempfile.mkdtemp(prefix="ccpg")
    os.chmod(tmp, 0o777)
    prefix = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # PostgreSQL refuses to run as root
        runuser = shutil.which("runuser")
        if not runuser:
            shutil.rmtree(tmp, ignore_errors=True)
            return None, "running as root and no runuser to start PostgreSQL as another user"
        prefix = [runuser, "-u", "nobody", "--"]
    data = os.path.join(tmp, "data")
    try:
        subprocess.run([*prefix, str(initdb), "-D", data, "-A", "trust", "-U", "cc", "--no-sync"],
                       check=True, capture_output=True, timeout=60)
        subprocess.run([*prefix, str(pg_ctl), "-D", data, "-w", "-t", "30", "-l", os.path.join(tmp, "log"),
                        "-o", f"-k {tmp} -c listen_addresses='' -F", "start"],
                       check=True, capture_output=True, timeout=60)
    except (subprocess.SubprocessError, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        return None, f"could not start a throwaway PostgreSQL: {exc}"

    def stop() -> None:
        subprocess.run([*prefix, str(pg_ctl), "-D", data, "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(tmp, ignore_errors=True)

    return (f"postgresql://cc@/postgres?host={tmp}", stop), None


def reset_pg(url: str) -> None:
    """Empty the test database (a fresh public schema)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        con.execute("DROP SCHEMA public CASCADE")
        con.execute("CREATE SCHEMA public")

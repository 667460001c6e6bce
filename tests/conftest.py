"""Fixtures shared by the test modules."""

import pytest

from _pg import start_postgres


@pytest.fixture(scope="session")
def pg_url():
    """The URL of a throwaway PostgreSQL for the whole run (skips the test when none can start)."""
    started, reason = start_postgres()
    if started is None:
        pytest.skip(reason)
    url, stop = started
    yield url
    stop()

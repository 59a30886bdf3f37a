"""Ports for the test servers, shared out among pytest-xdist's workers.

`make test` runs the suite in several processes (pytest-xdist). Each picks "the first free
port" of a range for its servers, and between the check and the server's bind another
process could pick the same one. So each worker scans its own slice of the range.
"""

from __future__ import annotations

import os


def share_of(ports: range) -> range:
    """This process's slice of ``ports``: all of it without xdist, else one slice per worker
    (at least ten ports each; workers beyond that many share slices by turns)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw"):
        return ports
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    slices = max(1, min(workers, len(ports) // 10))
    size = len(ports) // slices
    index = int(worker[2:]) % slices
    return ports[index * size : (index + 1) * size]

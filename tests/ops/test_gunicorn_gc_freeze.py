"""gunicorn workers freeze what they loaded at start, so full collections skip it (gunicorn.conf.py)."""

from __future__ import annotations

import gc
import runpy
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_a_started_worker_has_its_start_up_objects_frozen():
    config = runpy.run_path(str(CONFIG))
    gc.unfreeze()
    try:
        config["post_worker_init"](worker=None)
        frozen = gc.get_freeze_count()
        tracked = len(gc.get_objects())
    finally:
        gc.unfreeze()  # the rest of the test run collects as usual
    # Django and the project's modules (the URLconf imports every view): far more than is left.
    assert frozen > 50_000
    assert tracked < frozen

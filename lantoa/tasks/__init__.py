"""The one background-task layer: every app defines and enqueues work through these names.

Backed by Huey (see settings.HUEY): an embedded SQLite-file queue by default, Redis for several workers on
several machines. Tests switch the queue to immediate mode so tasks run synchronously.
"""

from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task, db_task, lock_task

task = db_task
periodic_task = db_periodic_task

__all__ = ["HUEY", "crontab", "lock_task", "periodic_task", "task"]

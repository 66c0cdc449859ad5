"""The `lantoa` console script: manage.py for an installed project.

Accepts hyphenated command names (`lantoa restore-marks`) because that is how the docs and
officials' scripts spell them; Django commands are modules with underscores.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.settings")
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()

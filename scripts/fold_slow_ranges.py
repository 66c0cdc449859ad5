"""Print the character class of code points where the fast fold (NFC + one translate table) differs from
``lantoa.lib.text.fold``, for ``_SLOW`` in lantoa/lib/monitoring/textkey.py. Ranges less than 64 apart are
merged: a wider class only sends more (rare) text down the exact path.

    .venv/bin/python scripts/fold_slow_ranges.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lantoa.lib.monitoring.textkey import differs_from_fold


def main() -> None:
    ranges: list[list[int]] = []
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp < 0xE000 or not differs_from_fold(chr(cp)):
            continue
        if ranges and cp - ranges[-1][1] <= 64:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    print("".join(f"\\u{a:04x}-\\u{b:04x}" if b < 0x10000 else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges))


if __name__ == "__main__":
    main()

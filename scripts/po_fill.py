"""Fill empty English translations in lantoa/locale/en from a JSON file of {msgid: msgstr}.

Usage: .venv/bin/python scripts/po_fill.py translations.json
Run `make messages` first so new msgids are in the catalogue; the script keeps existing translations.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "lantoa" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main() -> None:
    translations: dict[str, str | list[str]] = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key in translations and (not message.string or not any(message.string)):
            value = translations[key]
            message.string = tuple(value) if isinstance(message.id, tuple) else value  # type: ignore[assignment]
            if isinstance(message.id, tuple) and isinstance(value, str):
                message.string = (value, value)
            message.flags.discard("fuzzy")
            filled += 1
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=110)
    missing = [m.id for m in catalog if m.id and not (m.string if isinstance(m.string, str) else any(m.string))]
    print(f"filled {filled}; still untranslated: {len(missing)}")
    for msgid in missing[:40]:
        print("  ", msgid)


if __name__ == "__main__":
    main()

"""Administrative-area mentions in text, tone-insensitive, ambiguous names left ambiguous.

Names come from the area table. A province matches by its bare name ("Phú Thọ") or with its prefix ("tỉnh Phú
Thọ"); a commune only with its prefix ("xã Thanh Thủy", "phường Vĩnh Tuy") because bare commune names are
often ordinary words ("Hòa Bình" is also "peace") or shared by dozens of communes. When one name fits
several areas, the mention is resolved by context (exactly one candidate lies in a province also named in
the text) or reported as ambiguous with every candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lantoa.lib.monitoring.query import tokens

_PREFIXES = ("thanh pho", "dac khu", "thi tran", "phuong", "tinh", "xa")
_MAX_WORDS = 8


@dataclass(frozen=True)
class AreaRef:
    id: int
    name: str
    level: str  # "province" or "commune"
    province_id: int | None


@dataclass(frozen=True)
class Mention:
    area_id: int
    ambiguous: bool


def core_name(name: str) -> str:
    """Folded name without its administrative prefix ("Xã Thanh Thuỷ" → "thanh thuy")."""
    folded = " ".join(tokens(name))
    for prefix in _PREFIXES:
        if folded.startswith(prefix + " "):
            return folded[len(prefix) + 1 :]
    return folded


class AreaMatcher:
    def __init__(self, areas: list[AreaRef]) -> None:
        self.keys: dict[tuple[str, ...], list[AreaRef]] = {}
        # Name lengths (in words) per first word, longest first: "xa" starts 2,745 names of two to six words,
        # and trying all eight lengths at every "xã" in a text was most of the scan.
        self.lengths: dict[str, list[int]] = {}
        # First two words of every longer name: "đồng", "phú", "thành" start names but mostly other words.
        self.pairs: set[tuple[str, str]] = set()
        for area in areas:
            core = tuple(core_name(area.name).split())
            if not core:
                continue
            folded_full = tuple(tokens(area.name))
            forms = {folded_full}
            if area.level == "province":
                forms |= {core, ("tinh", *core), ("thanh", "pho", *core)}
            else:
                forms |= {(prefix, *core) for prefix in ("xa", "phuong", "dac khu", "thi tran")}
                forms = {tuple(" ".join(f).split()) for f in forms}
            for form in forms:
                if len(form) <= _MAX_WORDS and len(form) not in self.lengths.setdefault(form[0], []):
                    self.lengths[form[0]].append(len(form))
                    self.lengths[form[0]].sort(reverse=True)
                if len(form) > 1:
                    self.pairs.add((form[0], form[1]))
                self.keys.setdefault(form, [])
                if area not in self.keys[form]:
                    self.keys[form].append(area)

    def find(self, text: str) -> list[Mention]:
        words = tokens(text)
        raw: list[list[AreaRef]] = []
        # Only positions holding a word that starts some name are looked at (most words start none); a name
        # consumes its words, so starts inside it are skipped.
        starts = [index for index, word in enumerate(words) if word in self.lengths]
        i = 0
        for start in starts:
            if start < i:
                continue
            pair = start + 1 < len(words) and (words[start], words[start + 1]) in self.pairs
            for n in self.lengths[words[start]]:
                if start + n > len(words) or (n > 1 and not pair):
                    continue
                candidates = self.keys.get(tuple(words[start : start + n]))
                if candidates:
                    raw.append(candidates)
                    i = start + n
                    break
        named_provinces = {c[0].id for c in raw if len(c) == 1 and c[0].level == "province"}
        named_provinces |= {c[0].province_id for c in raw if len(c) == 1 and c[0].province_id}
        found: dict[int, bool] = {}
        for candidates in raw:
            if len(candidates) == 1:
                found[candidates[0].id] = False
                continue
            in_context = [c for c in candidates if c.province_id in named_provinces or c.id in named_provinces]
            if len(in_context) == 1:
                found[in_context[0].id] = False
            else:
                for candidate in candidates:
                    found.setdefault(candidate.id, True)
        return [Mention(area_id=k, ambiguous=v) for k, v in found.items()]


def normalise_text(text: str) -> str:
    """Whitespace, zero-width characters and NFC: the normalise step of the pipeline."""
    import unicodedata

    text = unicodedata.normalize("NFC", text or "")
    text = _INVISIBLE.sub("", text)
    # The regex tries both alternatives at every character (0.17 ms an article); most extracted texts have
    # nothing for it to do, and five substring searches say so in a few microseconds.
    if any(blank in text for blank in _BLANK_SIGNS):
        text = _BLANKS.sub(" ", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


_INVISIBLE = re.compile(r"[\u200b-\u200d\ufeff\u00ad]")
# Runs of blanks and lone tabs etc., but not the single space between two words: replacing each of those
# with itself was most of this step's time on a long article.
_BLANKS = re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]")
_BLANK_SIGNS = ("  ", "\t", "\r", "\f", "\v")  # some match of _BLANKS contains one of these
_BLANK_LINES = re.compile(r"\n\s*\n+")

"""OCR repair: "chuyén dbi s6" → "chuyển đổi số", "Pang" → "Đảng", "Bj Vin hod" → "Bộ Văn hoá".

Plans arrive as scans read by OCR engines that do not know Vietnamese: marks vanish or turn into other
letters and digits (ổ → 6/b/é, đ → d/P, ư → ir/tr). Repair is a noisy channel:

- *channel*: how likely the OCR token is, given a true syllable. Learnt from synthetic scans of our own
  text read by ``tesseract -l eng`` (``scripts/build_ocr_channel.py``): whole-token statistics for
  frequent syllables, and character edit costs for everything else;
- *candidates*: syllables whose unmarked spelling is within one or two edits of the OCR token (a
  SymSpell-style deletion index over the ~3,000 unmarked syllable spellings), plus tokens seen in the
  synthetic scans;
- *language model*: the syllable trigram model of ``lm.py``; the trigram Viterbi of ``decode.py`` picks
  the best sequence.

Numbers, dates, codes ("03-KH/BCĐTW", "57-NQ/TW"), URLs and words already spelt with Vietnamese-only
letters are left alone; spacing, punctuation and line breaks are kept exactly.
"""

from __future__ import annotations

import bisect
import json
import math
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

from lantoa.lib.vn.align import DIGIT_AS_LETTER
from lantoa.lib.vn.decode import Position, decode
from lantoa.lib.vn.lm import DATA_DIR, UNK, SyllableLM, get_model
from lantoa.lib.vn.normalize import strip_marks
from lantoa.lib.vn.restore import apply_case

CHANNEL_PATH = DATA_DIR / "ocr_channel.json"
#: Counts learnt from the dev part of the seed 000/001 alignment (``scripts/build_seed_channel.py``).
SEED_CHANNEL_PATH = DATA_DIR / "ocr_channel_seed_dev.json"
#: Each seed count weighs as much as this many synthetic ones (a real scan, but ~1k words against ~70k);
#: chosen by cross-validation inside the dev part.
SEED_CHANNEL_WEIGHT = 0.0
#: Whether the seed counts also give whole-token readings ("sb" ← "số"), or only character edits.
SEED_WORD_PAIRS = 1

#: Weight of the language model against the channel (log10 units); chosen on synthetic scans.
LM_WEIGHT = 1.0
#: Cost (log10) of leaving an unknown token as it is.
KEEP_COST = 3.0
#: Candidates whose channel cost exceeds this are dropped.
MAX_CHANNEL_COST = 6.0
MAX_CANDIDATES = 20
FAR_SEARCH_ABOVE = 2.0
FAR_MIN_LENGTH = 3
#: A doubled letter is often one marked vowel the OCR split in two ("chii" for "chủ", "thii" for "thù"):
#: its reading lies two edits away, so the wider search runs even when a one-edit reading ("chùi") is cheap.
FAR_WHEN_DOUBLED = 1.0
_DOUBLED = re.compile(r"([a-z])\1")
SAME_LENGTH_GOOD = 1.0
# A one- or two-letter token is often a syllable with a letter lost ("Mt" for "Mặt"), yet some same-length
# reading is always cheap enough to stop the search there ("mu"): for such tokens the best two spellings that
# are the token with one letter put back are expanded as well. Every spelling of another length, or longer
# tokens too, cost a quarter to half of the speed for no more on dev.
OTHER_LENGTH_EXTRA = 2
OTHER_LENGTH_MAX_COST = 2.0
OTHER_LENGTH_MAX_TOKEN = 2
PRIOR_WEIGHT = 1.5
BEAM = 24
#: States further than this (log10) behind the best are dropped before the beam cap (0: no margin).
BEAM_MARGIN = 3.0
RANK_CUTOFF = 3.0
MARKED_AS_CONSONANT_DISCOUNT = 0.7
MIN_CANDIDATE_COUNT = 2
#: Extra cost (log10) of reading a capital I inside a sentence as a small l.
I_FOR_L_COST = 0.5
# A scan read by an English engine often splits a marked vowel into a letter and a cluster of quotes or
# brackets for its marks ("th(\")ng" for "thống", "ce“'tp" for "cấp"): inside a word such a character is
# cheap to drop. Our synthetic scans rarely show this, so the learnt channel priced it as any insertion.
MARK_PIECES = "‘’“”\"'`()^~"
MARK_PIECE_COST = 0.8
#: Words either side, and the share of them with Vietnamese-only letters, that mark typed text.
TYPED_WINDOW = 20
TYPED_SHARE = 0.25

# Letters an English OCR engine never outputs: a token containing one was not mangled by it.
_VIETNAMESE_ONLY = set("ăâđêôơưĂÂĐÊÔƠƯ") | {ch for ch in "ảạằắẳẵặầấẩẫậẻẽẹềếểễệỉĩịỏọồốổỗộờớởỡợủũụừứửữựỳỷỹỵ" + "ãẽĩõũỹỳ"}
# Characters OCR puts inside words in place of letters.
_DIGIT_AS_LETTER = DIGIT_AS_LETTER

_MARKED_FORMS: dict[str, str] = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}
_MARKED_VOWELS = frozenset("".join(forms for base, forms in _MARKED_FORMS.items() if base != "d"))
_VOWEL_RE = re.compile(r"[aeiouyAEIOUY]")
_NON_LETTER = re.compile(r"[^a-z]")
_ROMAN = re.compile(r"^[IVXL]+$")
# A section number at the start of a line as OCR reads it: "Ill." for "III.", "Il-" for "II-".
_ROMAN_HEADING = re.compile(r"^([IVX][IVXl1|]{0,3})([.\-–])")
_CHUNK = re.compile(r"\S+")
_EDGE = re.compile(r"^([\"“”'‘’(\[{<«»*•·,.;:!?…|-]*)(.*?)([\"“”'‘’)\]}>«».,;:!?…|*-]*)$", re.DOTALL)
_URL = re.compile(r"^(?:https?://|www\.)|@\w+\.\w|\.(?:vn|com|org|net|gov)\b", re.IGNORECASE)
_NUMBERISH = re.compile(r"^[\d.,:/+%-]+$")
_BREAK_PUNCT = re.compile(r"[.!?;:()\[\]\"“”…|•]")

#: Common Vietnamese surnames with their rough share of the population (per cent): the surname slot of
#: a name line (a signer "Lê Hoài Trung") is read among these, the most common winning a tie.
SURNAME_SHARE: dict[str, float] = {
    "nguyễn": 38,
    "trần": 11,
    "lê": 9.5,
    "phạm": 7,
    "hoàng": 5,
    "huỳnh": 5,
    "phan": 4.5,
    "vũ": 3.9,
    "võ": 3.9,
    "đặng": 2.1,
    "bùi": 2,
    "đỗ": 1.4,
    "hồ": 1.3,
    "ngô": 1.3,
    "dương": 1,
    "lý": 0.5,
    "đinh": 0.5,
    "đào": 0.4,
    "trịnh": 0.4,
    "mai": 0.3,
    "lương": 0.3,
    "cao": 0.3,
    "tạ": 0.2,
    "hà": 0.3,
    "vương": 0.2,
    "chu": 0.2,
    "lâm": 0.2,
    "triệu": 0.1,
    "kiều": 0.1,
    "thái": 0.1,
    "tô": 0.1,
    "quách": 0.1,
    "nông": 0.1,
    "hứa": 0.1,
    "lưu": 0.2,
    "lã": 0.05,
    "lò": 0.05,
    "đoàn": 0.4,
    "văn": 0.1,
    "tăng": 0.05,
    "khuất": 0.05,
    "mạc": 0.05,
    "phùng": 0.1,
    "doãn": 0.05,
    "giang": 0.05,
}
_SURNAME_FOLDS = {strip_marks(s) for s in SURNAME_SHARE}
#: Extra cost (log10) of reading a surname slot as a surname rather than by the generic candidates.
SURNAME_SLOT_COST = 0.5
# Glyphs an English engine reads for a capital L at the start of a word ("I’¢" for "Lê").
_LEADING_L = re.compile(r"^[I|1l](?=\S)")
# The shape of a Vietnamese syllable with marks ignored (onset, one to three vowels, coda): an all-capital
# word inside a sentence without it ("TTDT", "UBND", "HDND") is an abbreviation, never repaired.
_SYLLABLE_SHAPE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)


@lru_cache(maxsize=16384)
def _one_letter_lost(token: str, key: str) -> bool:
    """Whether ``token`` is ``key`` with one letter left out ("mt" of "mat")."""
    return any(key[:k] + key[k + 1 :] == token for k in range(len(key)))


def _is_syllable(word: str) -> bool:
    """Whether ``word`` has the shape of a Vietnamese syllable (marks ignored)."""
    return bool(_SYLLABLE_SHAPE.match(strip_marks(word).lower()))


#: Loanwords of public-sector and media Vietnamese, kept as written: none is the damage of a Vietnamese
#: syllable, but several sit one or two edits from one ("clip" → "cấp", "video" → "vì đó").
LOANWORDS = frozenset({
    "album", "app", "banner", "blog", "camera", "chatbot", "clip", "cloud", "code", "email", "facebook",
    "fanpage", "game", "hashtag", "hotline", "infographic", "internet", "laptop", "livestream", "logo",
    "marketing", "media", "online", "pano", "podcast", "poster", "robot", "server", "slide", "slogan",
    "smartphone", "startup", "tablet", "talkshow", "tiktok", "video", "virus", "website", "wifi", "youtube",
    "zalo",
})

# A capital I followed by small letters: inside a sentence, often a small l misread ("Iy" for "lý").
_I_FOR_L = re.compile(r"^I[a-zà-ỹđ]+$")
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]{1,6}$")


@dataclass
class Channel:
    """Learnt OCR channel: whole-token log10 P(ocr | true) and character edit costs."""

    pairs: dict[str, dict[str, float]]
    costs: dict[tuple[str, str], float]
    default_sub: float
    default_indel: float
    _base_costs: dict[tuple[str, str], float] = field(default_factory=dict)

    def char_cost(self, true: str, ocr: str) -> float:
        cost = self.costs.get((true, ocr))
        if cost is not None:
            return cost
        cost = self._fallback_cost(true, ocr)
        self.costs[(true, ocr)] = cost
        return cost

    def _fallback_cost(self, true: str, ocr: str) -> float:
        # Unseen with this case: back off to the lowercase pair ("Ổ"→"6" behaves like "ổ"→"6").
        if true.lower() != true or ocr.lower() != ocr:
            lowered = self.costs.get((true.lower(), ocr.lower()))
            if lowered is not None:
                return lowered + 0.3
        if true and ocr:
            if true.lower() == ocr.lower():
                return 0.3
            if strip_marks(true).lower() == strip_marks(ocr).lower():
                return 0.8
            # Marked letters are what an English engine cannot read: it writes almost anything, most
            # often a digit, a symbol or another vowel, less often a consonant.
            if strip_marks(true) != true:
                if ocr.isalpha() and strip_marks(ocr).lower() not in "aeiouy":
                    return self.default_sub - MARKED_AS_CONSONANT_DISCOUNT
                return self.default_sub - 1.0
            return self.default_sub
        return self.default_indel

    def base_cost(self, base: str, ocr: str) -> float:
        """Cheapest reading of any marked form of ASCII letter ``base`` as ``ocr`` (lowercase)."""
        key = (base, ocr)
        cost = self._base_costs.get(key)
        if cost is None:
            cost = min(self.char_cost(variant, ocr) for variant in _MARKED_FORMS.get(base, base))
            self._base_costs[key] = cost
        return cost

    def key_cost(self, key: str, ocr: str) -> float:
        """Lower bound of ``edit_cost`` over all marked spellings of unmarked ``key``."""
        if len(key) == len(ocr):
            table = self._base_costs
            total = 0.0
            for pair in zip(key, ocr, strict=True):
                cost = table.get(pair)
                total += cost if cost is not None else self.base_cost(*pair)
            return total
        n, m = len(key), len(ocr)
        prev = [0.0] * (m + 1)
        for j in range(1, m + 1):
            prev[j] = prev[j - 1] + self.char_cost("", ocr[j - 1])
        for i in range(1, n + 1):
            a = key[i - 1]
            cur = [prev[0] + self.base_cost(a, "")] + [0.0] * m
            for j in range(1, m + 1):
                cur[j] = min(
                    prev[j - 1] + self.base_cost(a, ocr[j - 1]),
                    prev[j] + self.base_cost(a, ""),
                    cur[j - 1] + self.char_cost("", ocr[j - 1]),
                )
            prev = cur
        return prev[m]

    def best_keys(
        self,
        keys: set[str],
        ocr: str,
        prior: dict[str, float],
        limit: int = 8,
        margin: float = 2.5,
        other_lengths: bool = False,
    ) -> list[tuple[float, str]]:
        """The unmarked spellings worth expanding, as (cost, key).

        Ranked like the candidates themselves: channel cost plus the prior of the key's most frequent
        marked form, so that among equally cheap readings ("by" → ba, bo, bu …) the common words
        ("bộ") are kept. Spellings of another length (a letter dropped or added) are only costed when
        no spelling of the same length reads well: substitutions are the common damage.
        """
        if not keys:
            return []
        size = len(ocr)
        costed = [(self.key_cost(key, ocr), key) for key in keys if len(key) == size]
        extra: list[tuple[float, float, str]] = []
        if other_lengths or not costed or min(costed)[0] > SAME_LENGTH_GOOD:
            costed += [(self.key_cost(key, ocr), key) for key in keys if len(key) != size]
        elif OTHER_LENGTH_EXTRA and size <= OTHER_LENGTH_MAX_TOKEN:
            # Most frequent spellings first: a key's rank is at least its prior, so once that passes the
            # worst rank kept, no later key can enter (a short token has hundreds of such keys).
            lost_one = [key for key in keys if len(key) == size + 1 and _one_letter_lost(ocr, key)]
            for bound, key in sorted((PRIOR_WEIGHT * prior[key], key) for key in lost_one):
                if len(extra) >= OTHER_LENGTH_EXTRA and bound >= extra[-1][0]:
                    break
                cost = self.key_cost(key, ocr)
                if cost <= OTHER_LENGTH_MAX_COST:
                    bisect.insort(extra, (cost + bound, cost, key))
                    del extra[OTHER_LENGTH_EXTRA:]
        best = min(costed)[0]
        ranked = sorted((cost + PRIOR_WEIGHT * prior[key], cost, key) for cost, key in costed if cost <= best + margin)
        return [(cost, key) for _rank, cost, key in ranked[:limit] + extra]

    def edit_cost(self, true: str, ocr: str) -> float:
        """Weighted Levenshtein distance (−log10 probability) of reading ``true`` as ``ocr``.

        The hot loop of candidate generation: learnt costs are read straight from the table, the
        fallback only for pairs not seen yet (it stores its result there).
        """
        get = self.costs.get
        fallback = self.char_cost
        if len(true) == len(ocr):
            positional = 0.0
            for pair in zip(true, ocr, strict=True):
                cost = get(pair)
                positional += cost if cost is not None else fallback(*pair)
            if positional < 1.5:
                return positional
        m = len(ocr)
        inserts = [fallback("", b) for b in ocr]
        prev = [0.0] * (m + 1)
        for j in range(m):
            prev[j + 1] = prev[j] + inserts[j]
        for a in true:
            delete = fallback(a, "")
            left = prev[0] + delete
            cur = [left]
            for j in range(m):
                cost = get((a, ocr[j]))
                if cost is None:
                    cost = fallback(a, ocr[j])
                best = prev[j] + cost
                up = prev[j + 1] + delete
                if up < best:
                    best = up
                left += inserts[j]
                if left < best:
                    best = left
                cur.append(best)
                left = best
            prev = cur
        return prev[m]


def _channel_counts() -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], float]]:
    """Word-pair and character-pair counts: the synthetic channel plus the weighted seed-dev counts."""
    word_counts: dict[tuple[str, str], float] = {}
    char_counts: dict[tuple[str, str], float] = {}
    sources = [(CHANNEL_PATH, 1.0, True)]
    if SEED_CHANNEL_WEIGHT > 0 and SEED_CHANNEL_PATH.exists():
        sources.append((SEED_CHANNEL_PATH, SEED_CHANNEL_WEIGHT, bool(SEED_WORD_PAIRS)))
    for path, weight, with_words in sources:
        data = json.loads(path.read_text(encoding="utf-8"))
        tables = [(char_counts, data["chars"])]
        if with_words:
            tables.append((word_counts, data["pairs"]))
        for table, rows in tables:
            for true, ocr, count in rows:
                table[(true, ocr)] = table.get((true, ocr), 0.0) + weight * count
    return word_counts, char_counts


def _load_channel() -> Channel:
    word_counts, char_counts = _channel_counts()
    true_totals: dict[str, float] = {}
    for (true, _ocr), count in word_counts.items():
        true_totals[true] = true_totals.get(true, 0) + count
    pairs: dict[str, dict[str, float]] = {}
    for (true, ocr), count in word_counts.items():
        # add-one smoothing over the readings seen for this syllable
        prob = count / (true_totals[true] + 1)
        pairs.setdefault(ocr, {})[true] = -math.log10(prob)
    char_totals: dict[str, float] = {}
    for (true, _ocr), count in char_counts.items():
        char_totals[true] = char_totals.get(true, 0) + count
    costs: dict[tuple[str, str], float] = {}
    for (true, ocr), count in char_counts.items():
        if count < 2:
            continue
        total = char_totals[true]
        costs[(true, ocr)] = -math.log10((count + 0.5) / (total + 5))
    for piece in MARK_PIECES:
        costs[("", piece)] = min(costs.get(("", piece), MARK_PIECE_COST), MARK_PIECE_COST)
    return Channel(pairs=pairs, costs=costs, default_sub=2.6, default_indel=2.2)


class _DeletionIndex:
    """SymSpell-style index: every spelling reachable by deleting ≤ 2 letters → the keys it came from."""

    def __init__(self, keys: list[str]) -> None:
        self.index: dict[str, set[str]] = {}
        for key in keys:
            for variant in _deletes(key, 2):
                self.index.setdefault(variant, set()).add(key)

    def near(self, word: str, distance: int) -> set[str]:
        found: set[str] = set()
        for variant in _deletes(word, distance):
            keys = self.index.get(variant)
            if keys:
                found |= keys
        # No exact distance check: the channel's key cost ranks these anyway, and is cheaper.
        return found


def _deletes(word: str, distance: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(distance):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        out |= nxt
        frontier = nxt
    return out


@dataclass
class _Repairer:
    model: SyllableLM
    channel: Channel
    index: _DeletionIndex
    #: unmarked spelling -> −log10 unigram probability of its most frequent marked form
    key_prior: dict[str, float]


_lock = threading.Lock()
_repairer: _Repairer | None = None


def _get_repairer() -> _Repairer:
    global _repairer
    if _repairer is None:
        with _lock:
            if _repairer is None:
                model = get_model()
                key_prior = {key: -max(model.uni[c] for c in ids) for key, ids in model.candidates.items()}
                _repairer = _Repairer(model, _load_channel(), _DeletionIndex(list(model.candidates)), key_prior)
    return _repairer


@lru_cache(maxsize=100_000)
def _candidates(token: str) -> tuple[tuple[int, float], ...]:
    """Candidate syllable ids and channel log10 scores for one OCR token, as written (cached).

    The case matters to the channel ("P" is a likely reading of "Đ", "p" of nothing but "p"), so
    candidates are compared in the case of the token; the language model sees them in lowercase.
    Candidates are ranked by channel cost plus a unigram prior (the noisy-channel posterior without
    context) and only the best ``MAX_CANDIDATES`` reach the decoder. Unmarked spellings are expanded
    cheapest first, and a spelling's marked forms (most frequent first) stop as soon as their lower
    bound cannot enter the list.
    """
    rep = _get_repairer()
    model, channel = rep.model, rep.channel
    ids, uni, vocab, counts = model.ids, model.uni, model.vocab, model.counts
    scored: dict[int, float] = {}  # id -> channel cost
    ranks: list[float] = []  # sorted rank scores of the current best, at most MAX_CANDIDATES

    def threshold() -> float:
        return ranks[-1] if len(ranks) >= MAX_CANDIDATES else 99.0

    def consider(syllable_id: int, cost: float) -> None:
        if cost > MAX_CHANNEL_COST or cost >= scored.get(syllable_id, 99.0):
            return
        if counts[syllable_id] < MIN_CANDIDATE_COUNT:
            return  # one-off spellings from the word list ("íy") are noise, not candidates
        if syllable_id != own_id and not _is_syllable(vocab[syllable_id]):
            return  # "mg", "km" are in the model's text but are no reading of a garbled word
        if truncated and not strip_marks(vocab[syllable_id]).startswith(truncated):
            return  # "s" alone is a syllable OCR cut short after its consonant ("số"), not "ở"
        rank = cost - PRIOR_WEIGHT * uni[syllable_id]
        if rank >= threshold():
            return
        scored[syllable_id] = cost
        bisect.insort(ranks, rank)
        del ranks[MAX_CANDIDATES:]

    def expand(keys: list[tuple[float, str]], forms: int) -> None:
        for key_cost, key in keys:
            for cand in model.candidates[key][:forms]:
                if key_cost - PRIOR_WEIGHT * uni[cand] >= threshold():
                    break  # later forms are rarer: their bound is worse still
                consider(cand, channel.edit_cost(apply_case(token, vocab[cand]), token))

    lower = token.lower()
    own_id = ids.get(lower)
    # A lone consonant is a syllable cut short ("s" for "số"): the candidate must start with it.
    plain_token = strip_marks(lower)
    truncated = plain_token if len(plain_token) == 1 and not _VOWEL_RE.search(plain_token) else ""
    for true, cost in channel.pairs.get(lower, {}).items():
        if true in ids:
            consider(ids[true], cost)
    plain = strip_marks(lower)
    mapped = plain.translate(_DIGIT_AS_LETTER)
    letters_only = _NON_LETTER.sub("", mapped)
    variants = [v for v in {plain, mapped, letters_only} if v.isascii() and v.isalpha()]
    near: set[str] = set()
    for variant in variants:
        near |= rep.index.near(variant, 1)
    expand(channel.best_keys(near, lower, rep.key_prior, other_lengths=bool(truncated)), 16)
    split_vowel = FAR_WHEN_DOUBLED and _DOUBLED.search(plain)
    if len(plain) >= FAR_MIN_LENGTH and (split_vowel or not scored or min(scored.values()) > FAR_SEARCH_ABOVE):
        far: set[str] = set()
        for variant in variants:
            far |= rep.index.near(variant, 2)
        expand(channel.best_keys(far - near, lower, rep.key_prior, limit=4, other_lengths=bool(split_vowel)), 8)
    ranked = sorted((cost - PRIOR_WEIGHT * uni[cid], cid, cost) for cid, cost in scored.items())
    if not ranked:
        return ()
    # Readings far behind the best one almost never win in context; dropping them keeps decoding fast.
    limit = ranked[0][0] + RANK_CUTOFF
    return tuple((cid, -cost) for rank, cid, cost in ranked[:MAX_CANDIDATES] if rank <= limit)


# Abbreviations inside document symbols that contain Đ, which English OCR reads as D, P or b.
_CODE_PARTS_WITH_D = ("BCĐTW", "BCĐ", "QĐ", "NĐ", "ĐU", "HĐND", "KHHĐ", "CĐSQG", "HĐ", "ĐTN", "TTĐT")
_CODE_FIXES: dict[str, str] = {}
for _part in _CODE_PARTS_WITH_D:
    _variants = [""]
    for _ch in _part:
        _variants = [v + alt for v in _variants for alt in (("D", "P", "b", "Ð", "Đ") if _ch == "Đ" else (_ch,))]
    for _variant in _variants:
        if _variant != _part:
            _CODE_FIXES.setdefault(_variant, _part)
_CODE_SPLIT = re.compile(r"([-/])")


def repair_code(code: str) -> str:
    """Restore Đ in known parts of a document symbol: "03-KH/BCDTW" → "03-KH/BCĐTW", "230-Qb/TW" →
    "230-QĐ/TW". Everything else in the symbol (numbers, other letters) is left exactly as it was."""
    return "".join(_CODE_FIXES.get(part, part) for part in _CODE_SPLIT.split(code))


def _is_protected(core: str) -> bool:
    """Numbers, dates, codes, URLs: never touched."""
    if not any(ch.isalpha() for ch in core) or _ROMAN.match(core):
        return True
    if _URL.search(core) or _NUMBERISH.match(core):
        return True
    if "/" in core:
        return True
    if "-" in core and any(ch.isdigit() for ch in core):
        return True
    uppers = sum(1 for ch in core if ch.isupper())
    return uppers >= 2 and any(ch.isdigit() for ch in core)


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    core: str
    editable: bool
    breaks_after: bool
    line: int = 0
    index: int = 0


def _pieces(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    line = 0
    last_end = 0
    for match in _CHUNK.finditer(text):
        gap_newlines = text.count("\n", last_end, match.start())
        line += gap_newlines
        last_end = match.end()
        if pieces and gap_newlines >= 2:
            pieces[-1].breaks_after = True  # a blank line ends the context
        chunk = match.group(0)
        edge = _EDGE.match(chunk)
        lead, core, trail = (edge.group(1), edge.group(2), edge.group(3)) if edge else ("", chunk, "")
        if pieces and _BREAK_PUNCT.search(lead):
            pieces[-1].breaks_after = True
        if not core:
            if pieces and _BREAK_PUNCT.search(chunk):
                pieces[-1].breaks_after = True
            continue
        at_line_start = (
            match.start() == 0
            or text[match.start() - 1] == "\n"
            or (not text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip())
        )
        heading = _ROMAN_HEADING.match(chunk) if at_line_start else None
        if heading and not _ROMAN.match(heading.group(1)):
            numeral = heading.group(1)
            fixed = numeral.replace("l", "I").replace("1", "I").replace("|", "I")
            pieces.append(_Piece(match.start(), match.start() + len(numeral), fixed, False, True, line))
            continue
        start = match.start() + len(lead)
        # "kinh tế-xã hội": split hyphenated words that are not codes
        parts = [core]
        if "-" in core and not _is_protected(core):
            parts = re.split(r"(-)", core)
        offset = start
        for part in parts:
            if part and part != "-":
                pieces.append(_Piece(offset, offset + len(part), part, not _is_protected(part), False, line))
            offset += len(part)
        if pieces and _BREAK_PUNCT.search(trail):
            pieces[-1].breaks_after = True
        elif trail.startswith(","):
            comma = match.end() - len(trail)
            pieces.append(_Piece(comma, comma + 1, ",", False, False, line))
    return pieces


def _typed_vietnamese(word: str) -> bool:
    """True when ``word`` has a letter an English OCR engine never produces (ư, ơ, đ, ạ, ả …)."""
    return any(ch in _VIETNAMESE_ONLY for ch in word)


def _case_pattern(original: str, upper_context: bool) -> str:
    """The capitalisation to give the repaired word; all-caps OCR debris in lowercase text is Title."""
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return "AA" if upper_context else "Aa"
    if len(letters) == 1 and upper_context and letters[0].isupper():
        return "AA"
    return "Aa" if original[:1].isupper() or (letters and letters[0].isupper()) else "a"


def repair_text(text: str) -> str:
    """Return ``text`` with OCR-mangled Vietnamese words repaired; layout kept character for character."""
    if not text:
        return text
    rep = _get_repairer()
    model = rep.model
    vocab = model.vocab
    pieces = _pieces(text)
    # Headings are written in capitals: a line mostly in capitals gets capitals back.
    line_upper: dict[int, int] = {}
    line_words: dict[int, int] = {}
    for piece in pieces:
        if piece.editable:
            line_words[piece.line] = line_words.get(piece.line, 0) + 1
            if sum(ch.isupper() for ch in piece.core) >= 2 and not any(ch.islower() for ch in piece.core):
                line_upper[piece.line] = line_upper.get(piece.line, 0) + 1
    # Around each word, is the text typed Vietnamese rather than English-engine OCR? There every word
    # is left as written ("tinh gọn", "video clip"): an English engine never writes ư, ơ, đ, ạ…, so a
    # neighbourhood full of them was not produced by one, and repair has nothing to undo.
    flags = [1 if p.editable and _typed_vietnamese(p.core) else 0 for p in pieces]
    editable = [1 if p.editable else 0 for p in pieces]
    flag_sum, edit_sum = [0], [0]
    for f, e in zip(flags, editable, strict=True):
        flag_sum.append(flag_sum[-1] + f)
        edit_sum.append(edit_sum[-1] + e)
    typed: list[bool] = []
    for k, piece in enumerate(pieces):
        piece.index = k
        lo, hi = max(0, k - TYPED_WINDOW), min(len(pieces), k + TYPED_WINDOW + 1)
        words_near = edit_sum[hi] - edit_sum[lo]
        typed.append(words_near > 0 and (flag_sum[hi] - flag_sum[lo]) >= TYPED_SHARE * words_near)
    # Name lines (a signer "Lê Hoài Trung"): 2–4 words alone on a line (or after "Đồng chí", "Ông",
    # "Bà"), all but the first in Title case, the first written with a capital or a symbol. Its first
    # word is read among the common surnames.
    by_line: dict[int, list[_Piece]] = {}
    for piece in pieces:
        by_line.setdefault(piece.line, []).append(piece)
    surname_slots: set[int] = set()
    for line_pieces in by_line.values():
        words_lower = [p.core.lower() for p in line_pieces[:2]]
        if words_lower[:2] == ["đồng", "chí"]:
            line_pieces = line_pieces[2:]  # "Đồng chí Lê Hoài Trung": the name follows the honorific
        elif words_lower[:1] in (["ông"], ["bà"]):
            line_pieces = line_pieces[1:]
        if not 2 <= len(line_pieces) <= 4 or not all(p.editable for p in line_pieces):
            continue
        first = line_pieces[0].core
        if not (first[:1].isupper() or not first[:1].isalpha()) or line_upper.get(line_pieces[0].line, 0):
            continue
        if all(_NAME_WORD.match(p.core) for p in line_pieces[1:]):
            surname_slots.add(line_pieces[0].index)

    def _upper_line(piece: _Piece) -> bool:
        return line_upper.get(piece.line, 0) * 2 > line_words.get(piece.line, 1)

    def _is_acronym(core: str) -> bool:
        """All capitals and no Vietnamese syllable spelling, even with marks ignored."""
        if len(core) < 2 or not core.isalpha() or not core.isupper():
            return False
        return not _SYLLABLE_SHAPE.match(strip_marks(core).lower())

    out: list[str] = []
    cursor = 0
    segment: list[_Piece] = []
    lowered_l: set[int] = set()  # pieces whose capital I may be a small l

    def flush() -> None:
        nonlocal cursor
        if not segment:
            return
        positions: list[Position] = []
        choices: list[list[str | None]] = []
        for piece in segment:
            core = piece.core
            lower = core.lower()
            if piece.editable and _is_acronym(core) and not _upper_line(piece):
                piece.editable = False  # "TTDT", "UBND" inside a sentence: an abbreviation, not a syllable
            if not piece.editable:
                # The context the model sees is the code as it will be written ("Cổng TTĐT", not "TTDT").
                fixed = (model.ids["<num>"] if core[0].isdigit()
                         else model.ids.get(repair_code(core).lower(), model.ids[UNK]))
                positions.append([(fixed, 0.0)])
                choices.append([None])
                continue
            if typed[piece.index] or (_typed_vietnamese(core) and lower in model.ids) or lower in LOANWORDS:
                positions.append([(model.ids.get(lower, model.ids[UNK]), 0.0)])
                choices.append([None])
                continue
            cands = _surname_candidates(core) if piece.index in surname_slots else []
            cands = cands or list(_candidates(core))
            if _I_FOR_L.match(core) and piece.index > 0 and _lowercase_word(pieces[piece.index - 1], piece):
                # "xir Iy" for "xử lý": an English engine reads a small l as a capital I
                best_of = dict(cands)
                for cid, score in _candidates("l" + core[1:]):
                    if score - I_FOR_L_COST > best_of.get(cid, -99.0):
                        best_of[cid] = score - I_FOR_L_COST
                        lowered_l.add(piece.index)
                cands = sorted(best_of.items(), key=lambda pair: -pair[1])
            keep_id = model.ids.get(lower, model.ids[UNK])
            options: list[str | None] = [vocab[c] for c, _ in cands]
            if keep_id not in {c for c, _ in cands}:
                cands.append((keep_id, -KEEP_COST))
                options.append(None)
            positions.append(cands)
            choices.append(options)
        best = decode(model, positions, beam=BEAM, lm_weight=LM_WEIGHT, margin=BEAM_MARGIN or None)
        for k, (piece, choice, pos, options) in enumerate(zip(segment, best, positions, choices, strict=True)):
            out.append(text[cursor : piece.start])
            replacement = None
            for (cid, _), option in zip(pos, options, strict=True):
                if cid == choice:
                    replacement = option
                    break
            if replacement is None or replacement == piece.core.lower():
                # kept as read ("UBND" stays "UBND", not "Ubnd")
                out.append(piece.core if piece.editable else repair_code(piece.core))
            else:
                pattern = _case_pattern(piece.core, _upper_line(piece))
                if pattern == "Aa" and _tall_vowel_misread(segment, k, replacement):
                    pattern = "a"
                if piece.index in lowered_l and replacement.startswith("l"):
                    pattern = "a"
                out.append(apply_case(pattern, replacement))
            cursor = piece.end
        segment.clear()

    for piece in pieces:
        segment.append(piece)
        if piece.breaks_after:
            flush()
    flush()
    out.append(text[cursor:])
    return "".join(out)


def _lowercase_word(before: _Piece, piece: _Piece) -> bool:
    """Whether ``before`` is a lowercase word just before ``piece`` in the same sentence, so ``piece``
    stands inside the sentence (a line break between them does not end it)."""
    return before.core[:1].islower() and not before.breaks_after and piece.line - before.line <= 1


def _tall_vowel_misread(segment: list[_Piece], k: int, replacement: str) -> bool:
    """Whether a capital at the start of a word inside a sentence is OCR's reading of a marked vowel.

    An English engine reads a tall marked vowel as a capital ("Uing" for "ứng", "Anh" for "ánh"). When
    the repaired word starts with a marked vowel and both neighbours on the line are lowercase words,
    the capital is that misreading, not a proper noun (those stand next to other capitals: "Ấn Độ",
    "Nguyễn Thị Ánh"; "Uỷ ban" starts with a plain U and keeps it).
    """
    first = replacement[:1]
    if not first or first == strip_marks(first) or first not in _MARKED_VOWELS:
        return False
    if k == 0 or k + 1 >= len(segment):
        return False
    before, after = segment[k - 1], segment[k + 1]
    if before.line != segment[k].line or after.line != segment[k].line:
        return False
    return before.core[:1].islower() and after.core[:1].islower()


@lru_cache(maxsize=4096)
def _surname_candidates(token: str) -> list[tuple[int, float]]:
    """Surnames the first word of a name line may be, with channel plus surname-frequency scores.

    A leading I, l, | or 1 is read as L (the commonest confusion of a capital L); a token already spelt
    as a surname keeps only that reading.
    """
    rep = _get_repairer()
    model, channel = rep.model, rep.channel
    if token.lower() in SURNAME_SHARE:
        return [(model.ids[token.lower()], 0.0)] if token.lower() in model.ids else []
    plain = strip_marks(token).lower()
    if plain.isalpha() and plain not in _SURNAME_FOLDS:
        return []  # a readable word that is no surname ("Vinh Tuy" is a place): generic candidates
    read = _LEADING_L.sub("L", token)
    out: list[tuple[float, int]] = []
    for surname, share in SURNAME_SHARE.items():
        sid = model.ids.get(surname)
        if sid is None or (plain.isalpha() and strip_marks(surname) != plain):
            continue
        cost = channel.edit_cost(apply_case("Aa", surname), read) + SURNAME_SLOT_COST - math.log10(share / 100)
        if cost <= MAX_CHANNEL_COST + 2:
            out.append((cost, sid))
    out.sort()
    return [(sid, -cost) for cost, sid in out[:MAX_CANDIDATES] if cost <= out[0][0] + RANK_CUTOFF]


def clear_caches() -> None:
    """Forget cached candidates (the benchmark measures cold speed)."""
    _candidates.cache_clear()
    _surname_candidates.cache_clear()

"""Does the best passage really answer the question, or is it only about the same topic?

Dense similarity and term coverage find the passage on the right topic; they cannot tell "Lớp Bình dân học
vụ số học những gì?" (answered) from "Lớp Bình dân học vụ số có cấp chứng chỉ không?" (same topic, same
words, but the guide never mentions a certificate). Two checks, both independent of any question set:

1. **Focus coverage.** The question is cut into *words* (multi-syllable units from a Vietnamese dictionary
   and from the knowledge base's own vocabulary: "chứng chỉ" is one word, not the two common syllables
   "chứng" and "chỉ"). Function words, question frames ("thế nào", "bao nhiêu") and light verbs ("làm",
   "biết", "dùng") are dropped. Each remaining word weighs its IDF over the knowledge base, so topic words
   that every passage shares weigh little and a word the base never uses weighs most. The share of that
   weight the passage does not contain (folded, so restored marks may be wrong) is the *missing focus*.

2. **Expected answer type.** A question asking for a duration, an amount of money, a percentage, a count
   of something, a phone number or opening hours can only be answered by a passage holding that kind of
   value ("bao lâu" needs "15 ngày", "bao nhiêu tổ dân phố" needs a number next to "tổ dân phố").
   This is the classic answer-type constraint of extractive QA; it generalises the older "a quantity
   question needs a digit" rule.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lantoa.lib.qa.tokens import STOPWORDS, tokens
from lantoa.lib.text import fold

# Question frames and light verbs (folded syllables): they say how something is asked, not what about.
# Deliberately generic Vietnamese, not words of any one knowledge base.
_FRAME_TEXT = """
    the nao sao lam gi cai dau bao nhieu lau may khong co duoc phai can nhung cac la thi ma de
    dung su biet muon lay di den noi cach viec bay gio hien nay nguoi toi minh ra len xuong vao con roi
    hoi giup xin vui long cam on nho a oi nhe nha gom nao ai bang
"""
FRAME_WORDS: frozenset[str] = frozenset(_FRAME_TEXT.split())
# The same with their marks: a folded key is ambiguous ("chi" is chị and chỉ, "noi" is nói and nơi), so when
# the citizen typed the marks the marked form decides whether a syllable is a function word.
_MARKED_FUNCTION_TEXT = """
    à ạ ơi nhé nha nhỉ vậy thế thì là gì nào sao như mà và với của cho ở trong ngoài tôi mình em anh chị bạn
    chúng ta các một những này đó kia đây đâu ấy có không được cần phải nên hay hoặc về đến rồi đã đang sẽ vẫn
    cũng rất quá lại nhiều bao nhiêu lâu mấy ít khi nếu vì bị bởi muốn xin hỏi giúp làm dùng sử biết lấy đi
    nói cách việc bây giờ hiện nay người ra lên xuống vào còn vui lòng cảm ơn nhờ gồm để cái ai bằng
"""
MARKED_FUNCTION: frozenset[str] = frozenset(_MARKED_FUNCTION_TEXT.split())
MAX_WORD = 4  # syllables in the longest dictionary word matched

# Words citizens use for what official texts say otherwise (folded). Only a missing focus word is looked up:
# the check then accepts the official term, exactly as if the citizen had used it. General public-service
# usage, not the wording of any one guide; e5-small is too coarse to find these pairs by itself (it also puts
# "chứng chỉ" next to every passage about learning).
EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "sap nhap": ("sap xep", "hop nhat"),
    "smartphone": ("dien thoai thong minh", "dien thoai"),
    "online": ("truc tuyen", "tren mang", "qua mang"),
    "mang": ("truc tuyen", "internet"),
    "xu ly": ("giai quyet",),
    "so do": ("giay chung nhan quyen su dung dat",),
    "so hong": ("giay chung nhan quyen su dung dat",),
    "bo me": ("nguoi cao tuoi", "nguoi than"),
    "ong ba": ("nguoi cao tuoi", "nguoi than"),
    "nguoi gia": ("nguoi cao tuoi",),
    "tin tuc": ("thong tin",),
    "kham benh": ("kham chua benh",),
    "chua benh": ("kham chua benh",),
    "mat tien": ("mat phi", "mien phi", "phi"),
    "tra tien": ("mat phi", "mien phi", "phi"),
    "sim": ("thue bao",),
    "lua dao": ("gia mao",),
    "cong an phuong": ("cong an cap xa",),
    "cong an xa": ("cong an cap xa",),
}

_SYLLABLE = re.compile(r"[^\W_]+|[,;:.!?]", re.UNICODE)
_CLAUSE_END = frozenset(",;:.!?")
# A folded Vietnamese syllable: onset, vowels, final consonant. "scan", "file", "smartphone" are not.
_VIETNAMESE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$"
)
# Words of a clause before the last one (", … ?") weigh this much: a citizen sets the scene first ("Tôi ở
# quê, …", "Con tôi là đoàn viên, …") and asks in the last clause, which is what the passage must answer.
CONTEXT_WEIGHT = 0.3


def _canonical(syllable: str) -> str:
    try:
        from lantoa.lib.vn.normalize import canonical_syllable
    except ImportError:  # the text core is optional: old/new tone placement then stay two spellings
        return syllable
    return canonical_syllable(syllable)


def marked_syllables(text: str, *, punctuation: bool = False) -> list[str]:
    """Lowercase syllables with their marks in canonical placement (numbers kept as they are)."""
    found = _SYLLABLE.findall(unicodedata.normalize("NFC", text.lower()))
    return [_canonical(s) for s in found if punctuation or s not in _CLAUSE_END]


_lexicon_lock = threading.Lock()
_dictionary: frozenset[str] | None = None


def dictionary_words() -> frozenset[str]:
    """Multi-syllable Vietnamese words (marked, lowercase), from the word list underthesea ships.

    Empty when the package is missing: words are then cut from the knowledge base's vocabulary alone.
    """
    global _dictionary
    if _dictionary is None:
        with _lexicon_lock:
            if _dictionary is None:
                words: set[str] = set()
                try:
                    import underthesea

                    path = Path(underthesea.__file__).resolve().parent / "corpus" / "data" / "Viet74K.txt"
                    with path.open(encoding="utf-8") as handle:
                        for line in handle:
                            syllables = marked_syllables(line)
                            if 2 <= len(syllables) <= MAX_WORD:
                                words.add(" ".join(syllables))
                except (ImportError, OSError):
                    pass
                _dictionary = frozenset(words)
    return _dictionary


# Words of each passage text already segmented: the index is rebuilt whenever the base changes, and only
# new or edited passages should pay for the segmenter (a few milliseconds each). Keyed by digest, so the
# cache holds words, not a second copy of the texts.
_segmented: dict[bytes, frozenset[str]] = {}


def kb_words(texts: Iterable[str]) -> set[str]:
    """Multi-syllable words of the knowledge base as the text core's segmenter cuts them ("tin nhắn")."""
    try:
        from lantoa.lib.vn.tokenize import word_tokenize
    except ImportError:
        return set()
    words: set[str] = set()
    for text in texts:
        key = hashlib.blake2b(text.encode(), digest_size=16).digest()
        found = _segmented.get(key)
        if found is None:
            try:
                segmented = word_tokenize(text)
            except Exception:  # the segmenter is an aid; a failure only means fewer known words
                return words
            found = frozenset(
                " ".join(syllables) for syllables in map(marked_syllables, segmented) if 2 <= len(syllables) <= MAX_WORD
            )
            with _lexicon_lock:
                _segmented[key] = found
        words |= found
    return words


@dataclass(frozen=True)
class Focus:
    """The question's folded syllables and its focus words as spans over them."""

    syllables: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    context: frozenset[int] = frozenset()  # indexes of spans in a clause before the last one

    @property
    def words(self) -> list[str]:
        return [" ".join(self.syllables[a:b]) for a, b in self.spans]


def _folded_function(folded: str) -> bool:
    return folded in STOPWORDS or folded in FRAME_WORDS


def focus_words(prepared: str, lexicon: frozenset[str] | set[str], *, typed_marks: bool = True) -> Focus:
    """The question's content words, folded, multi-syllable words kept whole ("chung chi", "to dan pho").

    Greedy longest match left to right over the marked syllables of ``prepared`` (the question with marks
    typed or restored). A dictionary word that contains a function syllable is not taken: in a question
    such a match is far more often a misreading ("thì mang" read as "thí mạng", "có chạy" as "cỏ cháy",
    often after a wrong mark restoration) than the word, and its content syllables are still checked.
    """
    tokens_ = marked_syllables(prepared, punctuation=True)
    # Clause number of each syllable; trailing punctuation ("… ở đâu?") closes no clause.
    clause_of: list[int] = []
    clause = 0
    for tok in tokens_:
        if tok in _CLAUSE_END:
            clause += 1
        else:
            clause_of.append(clause)
    marked = [tok for tok in tokens_ if tok not in _CLAUSE_END]
    folded = [fold(s) for s in marked]
    # Typed marks are trusted; restored ones may be wrong ("chúng chị" for "chứng chỉ"), so then the folded key
    # decides, erring on the side of dropping a syllable (a dropped word never refuses a question).
    function = [(m in MARKED_FUNCTION) if typed_marks else _folded_function(f)
                for m, f in zip(marked, folded, strict=True)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(marked):
        n = 1
        for size in range(min(MAX_WORD, len(marked) - i), 1, -1):
            if " ".join(marked[i : i + size]) in lexicon and not any(function[i : i + size]):
                n = size
                break
        if n > 1 or not (function[i] or (len(folded[i]) == 1 and not folded[i].isdigit())):
            spans.append((i, i + n))
        i += n
    last = clause_of[spans[-1][0]] if spans else 0
    context = frozenset(k for k, (a, _) in enumerate(spans) if clause_of[a] < last)
    return Focus(tuple(folded), tuple(spans), context)


class FocusIndex:
    """Per-passage folded text and word document frequencies, built once with the knowledge index."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        # Padded with spaces so a folded word is found only as whole syllables (" so " is not in " sodo ").
        self.folded = [f" {' '.join(tokens(t))} " for t in texts]
        self.lexicon: frozenset[str] = dictionary_words() | kb_words(texts)
        self._df: dict[str, int] = {}

    def df(self, word: str) -> int:
        if word not in self._df:
            needle = f" {word} "
            self._df[word] = sum(1 for text in self.folded if needle in text)
        return self._df[word]

    def weight(self, word: str) -> float:
        """BM25-style IDF; a word the base never uses weighs as the rarest word.

        A foreign word the base never uses ("scan", "file", "online") weighs nothing: citizens borrow them for
        things the official text names in Vietnamese, so their absence proves nothing either way.
        """
        df = self.df(word)
        if not df and not all(_VIETNAMESE.match(s) or s.isdigit() for s in word.split()):
            return 0.0
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def _weights(self, focus: Focus) -> list[float]:
        return [self.weight(w) * (CONTEXT_WEIGHT if k in focus.context else 1.0) for k, w in enumerate(focus.words)]

    def words(self, prepared: str, *, typed_marks: bool = True) -> Focus:
        return focus_words(prepared, self.lexicon, typed_marks=typed_marks)

    def _present(self, focus: Focus, span: tuple[int, int], text: str) -> bool:
        a, b = span
        word = " ".join(focus.syllables[a:b])
        if f" {word} " in text or any(f" {other} " in text for other in EQUIVALENTS.get(word, ())):
            return True
        if b - a == 1:
            return False
        # Another reading of the same syllables may be what the passage says: "học vụ số học những gì" cut as
        # "số học" (arithmetic) is "học vụ số" + "học những" in the guide. The word counts as present when each
        # of its syllables lies inside a longer run of question syllables found in the passage that reaches
        # outside the word; a lone shared syllable ("chỉ" of "chứng chỉ") does not count.
        n = len(focus.syllables)
        for j in range(a, b):
            if not any(
                f" {' '.join(focus.syllables[x:y])} " in text
                for x in range(max(0, j - MAX_WORD + 1), j + 1)
                for y in range(j + 1, min(n, x + MAX_WORD) + 1)
                if y - x >= 2 and (x < a or y > b)
            ):
                return False
        return True

    def missing(self, focus: Focus, position: int, *, credit: Callable[[str, int], float] | None = None
                ) -> tuple[float, list[str]]:
        """Share of the focus weight that passage ``position`` does not contain, and the missing words.

        ``credit(word, position)`` in [0, 1] forgives part of a missing word's weight when the passage says
        the same thing in other words ("sáp nhập" / "sắp xếp"); see :meth:`KnowledgeIndex.answer`.
        """
        if not focus.spans:
            return 0.0, []
        text = self.folded[position]
        words = focus.words
        weights = self._weights(focus)
        total = sum(weights) or 1.0
        absent = [k for k, span in enumerate(focus.spans) if not self._present(focus, span, text)]
        lacking = sum(weights[k] * (1.0 - (credit(words[k], position) if credit else 0.0)) for k in absent)
        return lacking / total, [words[k] for k in absent]


# Expected answer types ----------------------------------------------------------------------------------

_TIME_UNIT = r"(?:giay|phut|gio|ngay|tuan|thang|nam|quy)"
_NUMBER = r"\d+(?:[.,/]\d+)*"

DURATION, MONEY, PERCENT, PHONE, SCHEDULE, COUNT = "duration", "money", "percent", "phone", "schedule", "count"

_ASKS: list[tuple[str, re.Pattern[str]]] = [
    (PERCENT, re.compile(r"\b(?:bao nhieu|may) (?:phan tram|%)")),
    (DURATION, re.compile(rf"\bbao lau\b|\b(?:bao nhieu|may) {_TIME_UNIT}\b")),
    (MONEY, re.compile(r"\bbao nhieu tien\b|\b(?:phi|le phi|gia|luong|phu cap|tro cap|muc dong|muc huong|chi phi|"
                       r"kinh phi|tien)\b(?:\s+\w+){0,6}\s+(?:la |het |mat )?bao nhieu\b|"
                       r"\b(?:het|mat|ton) bao nhieu\b")),
    # Asking *for* a number ("số điện thoại … là gì", "có hotline không"), not about one ("đổi số điện thoại").
    (PHONE, re.compile(r"\b(?:so dien thoai|sdt|hotline|tong dai|duong day nong)\b(?:\s+\w+){0,6}?\s+"
                       r"(?:la gi|la bao nhieu|bao nhieu|la so nao|so nao)\b|\bco (?:so dien thoai|hotline|tong dai|"
                       r"duong day nong)\b|\bgoi (?:so|tong dai) nao\b|\bso dien thoai lien he\b")),
    (SCHEDULE, re.compile(r"\b(?:may gio|gio nao|gio lam viec|gio mo cua|buoi nao|thu may|thu bay|chu nhat|"
                          r"ngay nghi|ngay le)\b")),
]
_COUNT = re.compile(r"\b(?:bao nhieu|may) ((?:[a-z]+ ?){1,3})")

_HAS: dict[str, re.Pattern[str]] = {
    PERCENT: re.compile(r"\d\s*%|\bphan tram\b"),
    DURATION: re.compile(rf"{_NUMBER}\s*{_TIME_UNIT}\b|\b(?:ngay lap tuc|trong ngay|ngay khi|khong thoi han|"
                         rf"vinh vien|suot doi)\b"),
    MONEY: re.compile(rf"{_NUMBER}\s*(?:dong|d|vnd|nghin|ngan|trieu|ty)\b|\b(?:mien phi|khong mat phi|"
                      r"khong mat tien|khong thu phi|khong phai tra)\b"),
    PHONE: re.compile(r"(?<!\d)\d(?:[ .]?\d){7,11}(?!\d)"),
    SCHEDULE: re.compile(r"\d+\s*(?:h|gio)\b|\d{1,2}:\d{2}|\bthu (?:hai|ba|tu|nam|sau|bay)\b|\bchu nhat\b|"
                         r"\bhang tuan\b|\bgio hanh chinh\b|\bbuoi (?:sang|chieu)\b"),
}


@dataclass(frozen=True)
class AnswerType:
    kind: str
    noun: str = ""  # for COUNT: the folded noun counted ("to dan pho")


def expected_answer(question: str) -> AnswerType | None:
    """The kind of value the question asks for, or None when it asks for an explanation or a procedure."""
    folded = " ".join(tokens(question)) if not re.search(r"[%]", question) else fold(question)
    for kind, pattern in _ASKS:
        if pattern.search(folded):
            return AnswerType(kind)
    match = _COUNT.search(folded)
    if match:
        noun = [w for w in match.group(1).split() if w not in STOPWORDS and w not in FRAME_WORDS][:2]
        return AnswerType(COUNT, " ".join(noun))
    return None


def satisfies(answer: AnswerType, passage_text: str, *, heading: str = "") -> bool:
    """True when the passage holds a value of the expected kind.

    An FAQ entry whose own question asks for the same kind of value answers it, whatever its wording: staff
    wrote it for that question ("Lệ phí … bao nhiêu?" → "theo Thông tư …, hỏi Công an tỉnh").
    """
    if heading:
        own = expected_answer(heading.rsplit("›", 1)[-1])
        if own is not None and own.kind == answer.kind:
            return True
    folded = fold(passage_text)
    if answer.kind in _HAS:
        return bool(_HAS[answer.kind].search(folded))
    # COUNT: a number followed within a few syllables by the counted noun's first syllable
    # ("34 tỉnh, thành phố" answers "bao nhiêu tỉnh thành"); a bare "bao nhiêu" needs any number.
    if not answer.noun:
        return bool(re.search(r"\d", folded))
    head = re.escape(answer.noun.split()[0])
    return bool(re.search(rf"{_NUMBER}(?:\s+\w+){{0,4}}?\s+{head}\b", " ".join(tokens(folded))))

"""The answering pipeline over an in-memory index: normalise → restore marks → hybrid retrieval → route.

No Django here: the assistant app builds a :class:`KnowledgeIndex` from its passages and vectors, hands in
the embedding function, and stores what :meth:`KnowledgeIndex.answer` returns.
"""

from __future__ import annotations

import dataclasses
import math
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from lantoa.lib.qa.answerability import FocusIndex, expected_answer, satisfies
from lantoa.lib.qa.bm25 import BM25Index
from lantoa.lib.qa.fusion import rrf
from lantoa.lib.qa.routing import Decision, Hit, Thresholds, route
from lantoa.lib.qa.tokens import STOPWORDS, expand_abbreviations, marked_terms, tokens
from lantoa.lib.text import fold

MAX_QUESTION_CHARS = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]{0,200}>")
# Numbers that identify a person (phone, CCCD, social insurance) and e-mail addresses: a citizen sometimes
# types them into the question; they help no answer and must not be stored.
_PERSONAL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\d)(?:\+?84[ .]?)?\d(?:[ .]?\d){8,11}(?!\d)")

Embed = Callable[[str], np.ndarray]


def normalise(question: str) -> str:
    """NFC, no markup or control characters, personal numbers masked, one space between words, at most
    MAX_QUESTION_CHARS."""
    text = unicodedata.normalize("NFC", question or "")
    text = _CONTROL.sub(" ", _TAG.sub(" ", text))
    text = _PERSONAL.sub("[…]", text)
    return _SPACES.sub(" ", text).strip()[:MAX_QUESTION_CHARS]


def has_marks(text: str) -> bool:
    """True when any letter carries a Vietnamese mark (the citizen typed with tone marks)."""
    return fold(text) != _SPACES.sub(" ", text.lower().replace("đ", "d")).strip() or "đ" in text.lower()


def restore(text: str) -> str:
    """Tone marks restored by the text core; the text unchanged when the core is missing or fails."""
    try:
        from lantoa.lib.vn.restore import restore_marks
    except ImportError:  # the text core is optional for this module
        return text
    try:
        return restore_marks(text)
    except Exception:  # a restoration failure must never cost the citizen an answer
        return text


@dataclass(frozen=True)
class Passage:
    key: int  # the caller's id (database pk)
    document: str
    heading: str
    text: str
    link: str = ""


@dataclass
class Result:
    question: str
    prepared: str  # abbreviations expanded, marks restored: what the embedding model saw
    decision: Decision
    passages: list[Passage]
    suggestions: list[Passage]
    latency_ms: int
    timings: dict[str, float] = field(default_factory=dict)
    ranking: list[int] = field(default_factory=list)  # caller keys of the fused top 10 (for evaluation)

    @property
    def status(self) -> str:
        return self.decision.status

    def score_of(self, key: int) -> float:
        return next((h.dense for h in self.decision.hits if h.key == key), 0.0)


class KnowledgeIndex:
    """BM25 over folded terms + dense vectors, both searched in-process."""

    def __init__(self, passages: Sequence[Passage], vectors: np.ndarray, *, embed: Embed,
                 thresholds: Thresholds | None = None) -> None:
        self.passages = list(passages)
        self.vectors = vectors.astype(np.float32) if len(self.passages) else np.zeros((0, 384), np.float32)
        self.embed = embed
        self.thresholds = thresholds or Thresholds()
        self.bm25 = BM25Index.build(f"{p.document}\n{p.heading}\n{p.text}" for p in self.passages)
        self._unigrams = [set(tokens(f"{p.heading}\n{p.text}")) for p in self.passages]
        # Coverage is measured on the passage itself: the document title is shared by all its passages.
        self._marked = [set(marked_terms(f"{p.heading}\n{p.text}")) for p in self.passages]
        self._numbers = [any(ch.isdigit() for ch in p.text) for p in self.passages]
        # Focus words are looked for in the heading and text and in the document title: a title names what
        # all its passages are about ("… trên ứng dụng VNeID").
        self.focus = FocusIndex([f"{p.document}\n{p.heading}\n{p.text}" for p in self.passages])
        self._marked_df: dict[str, int] = {}
        for terms in self._marked:
            for term in terms:
                self._marked_df[term] = self._marked_df.get(term, 0) + 1

    def prepare(self, question: str) -> str:
        """Abbreviations expanded; tone marks restored when the question has none."""
        expanded = expand_abbreviations(question)
        return expanded if has_marks(question) else restore(expanded)

    def _marked_weights(self, prepared: str) -> dict[str, float]:
        """IDF weights of the question's marked syllables (empty when it still has no marks)."""
        if not has_marks(prepared):
            return {}
        n = len(self.passages)
        top = math.log(1 + (n + 0.5) / 0.5)
        return {t: (math.log(1 + (n - df + 0.5) / (df + 0.5)) if (df := self._marked_df.get(t, 0)) else top)
                for t in marked_terms(prepared)}

    def _weights(self, terms: list[str]) -> dict[str, float]:
        """IDF weight of each question unigram; words the base never uses weigh as the rarest word."""
        top = self.bm25.max_idf()
        return {t: (self.bm25.idf(t) if self.bm25.knows(t) else top) for t in terms}

    def answer(self, question: str, *, limit: int = 20) -> Result:
        started = time.perf_counter()
        timings: dict[str, float] = {}
        question = normalise(question)
        prepared = self.prepare(question)
        timings["prepare"] = time.perf_counter() - started
        lexical_terms = self.bm25.query_terms(expand_abbreviations(question))
        unigrams = [t for t in lexical_terms if "_" not in t and t not in STOPWORDS]
        weights = self._weights(unigrams)
        total = sum(weights.values()) or 1.0
        domain_share = sum(w for t, w in weights.items() if self.bm25.knows(t)) / total
        lexical = self.bm25.search(lexical_terms, limit=limit)
        t0 = time.perf_counter()
        dense_scores = np.zeros(len(self.passages), np.float32)
        if self.passages and unigrams:
            dense_scores = self.vectors @ self.embed(prepared)
        timings["embed"] = time.perf_counter() - t0
        dense_order = [int(i) for i in np.argsort(-dense_scores)[:limit]] if unigrams else []
        fused = rrf([[i for i, _ in lexical], dense_order])
        lexical_scores = dict(lexical)
        # Coverage on marked syllables tells "mất sổ hộ khẩu" from "mật khẩu" — when the citizen typed the marks.
        # On restored marks a wrong guess ("đối" for "đổi") would count as missing, so folded terms are used.
        marked = self._marked_weights(prepared) if has_marks(question) else {}
        marked_total = sum(marked.values()) or 1.0
        focus = self.focus.words(prepared, typed_marks=has_marks(question))
        # The same one-edit typo tolerance as retrieval ("kick hoạt"), so a typo is not a missing word.
        focus = dataclasses.replace(focus, syllables=tuple(self.bm25.correct(s) for s in focus.syllables))
        word_scores: dict[str, np.ndarray] = {}

        def credit(word: str, position: int) -> float:
            t = self.thresholds
            if not t.align_credit:
                return 0.0
            if word not in word_scores:  # one embedding per missing word, shared by all candidate passages
                word_scores[word] = self.vectors @ self.embed(word)
            scores = word_scores[word]
            return t.align_credit if int((scores > scores[position]).sum()) < t.align_rank else 0.0

        asked = expected_answer(expand_abbreviations(question))
        hits = []
        for idx, score in fused[:8]:
            i = int(idx)  # type: ignore[call-overload]
            if marked:
                coverage = sum(w for t, w in marked.items() if t in self._marked[i]) / marked_total
            else:
                coverage = sum(w for t, w in weights.items() if t in self._unigrams[i]) / total
            missing, _ = self.focus.missing(focus, i, credit=credit)
            passage = self.passages[i]
            type_ok = asked is None or satisfies(asked, f"{passage.heading}\n{passage.text}", heading=passage.heading)
            hits.append(Hit(key=i, fused=score, dense=float(dense_scores[i]), lexical=lexical_scores.get(i, 0.0),
                            coverage=coverage, has_number=self._numbers[i], missing=missing, type_ok=type_ok))
        decision = route(question, n_terms=len(weights), domain_share=domain_share, hits=hits,
                         thresholds=self.thresholds)
        # Hits carry list positions inside the index; hand the caller its own keys.
        by_position = {h.key: self.passages[h.key] for h in hits}
        decision = Decision(decision.status, [dataclasses.replace(h, key=by_position[h.key].key)
                                              for h in decision.hits])
        chosen = {h.key for h in decision.hits}
        passages = [p for p in by_position.values() if p.key in chosen]
        passages.sort(key=lambda p: [h.key for h in decision.hits].index(p.key))
        suggestions = [self.passages[h.key] for h in hits[:3]]
        latency = int((time.perf_counter() - started) * 1000)
        ranking = [self.passages[int(i)].key for i, _ in fused[:10]]  # type: ignore[call-overload]
        return Result(question, prepared, decision, passages, suggestions, latency, timings, ranking)

"""A small in-memory BM25 index over folded terms, with one-edit typo tolerance for unknown words.

A knowledge base of a province holds a few thousand passages: a dict of postings searched in-process
answers in well under a millisecond and needs no search engine.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from lantoa.lib.qa.tokens import STOPWORDS, index_terms, tokens


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass
class BM25Index:
    k1: float = 1.2
    b: float = 0.75
    postings: dict[str, dict[int, int]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)
    avg_length: float = 0.0
    _delete_index: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, texts: Iterable[str]) -> BM25Index:
        index = cls()
        for doc_id, text in enumerate(texts):
            terms = index_terms(tokens(text))
            index.lengths.append(len(terms))
            for term, count in Counter(terms).items():
                index.postings.setdefault(term, {})[doc_id] = count
        index.avg_length = (sum(index.lengths) / len(index.lengths)) if index.lengths else 0.0
        # Symmetric-delete index over unigrams: finds vocabulary words one edit away from a typo.
        for term in index.postings:
            if "_" not in term and len(term) >= 4 and not term.isdigit():
                for variant in _deletes(term) | {term}:
                    index._delete_index.setdefault(variant, set()).add(term)
        return index

    @property
    def size(self) -> int:
        return len(self.lengths)

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        n = self.size
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def max_idf(self) -> float:
        return math.log(1 + (self.size + 0.5) / 0.5) if self.size else 0.0

    def knows(self, term: str) -> bool:
        return term in self.postings

    def correct(self, term: str) -> str:
        """The vocabulary word one edit from ``term`` (most frequent), or ``term`` itself."""
        if term in self.postings or len(term) < 4 or term.isdigit() or term in STOPWORDS:
            return term
        candidates: set[str] = set()
        for variant in _deletes(term) | {term}:
            candidates |= self._delete_index.get(variant, set())
        candidates = {c for c in candidates if _one_edit(term, c)}
        if not candidates:
            return term
        return max(candidates, key=lambda c: (len(self.postings[c]), c))

    def query_terms(self, question: str) -> list[str]:
        syllables = [self.correct(t) for t in tokens(question)]
        return index_terms(syllables)

    def search(self, terms: list[str], *, limit: int = 20) -> list[tuple[int, float]]:
        scores: dict[int, float] = {}
        for term, qcount in Counter(terms).items():
            posting = self.postings.get(term)
            if not posting:
                continue
            idf = self.idf(term)
            for doc_id, tf in posting.items():
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[doc_id] / (self.avg_length or 1))
                scores[doc_id] = scores.get(doc_id, 0.0) + qcount * idf * tf * (self.k1 + 1) / norm
        return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[
            diffs[0]]
    short, long_ = (a, b) if la < lb else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))

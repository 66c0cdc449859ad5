"""Retrieval pieces of the citizen Q&A assistant, in plain Python (no Django).

- :mod:`.tokens` — folded terms with citizen abbreviations expanded ("tk" → tài khoản, "dvc" → dịch vụ công).
- :mod:`.bm25` — a small in-memory BM25 index over folded unigrams and bigrams, with typo tolerance.
- :mod:`.fusion` — reciprocal-rank fusion of the lexical and dense rankings.
- :mod:`.answerability` — does the passage answer, or only share the topic: focus words it must contain and
  the kind of value asked for (a duration, an amount, a count, a phone number…).
- :mod:`.routing` — answered / needs clarification / unanswerable / out of scope / greeting.
- :mod:`.compose` — the extractive composer and the sentence support check used on any LLM rephrasing.
"""

"""Compose answers only from the passages, and check any rephrasing sentence by sentence.

The extractive composer quotes the passages that answered; it never writes a word of its own beyond
the citation frame. An optional LLM may rephrase those quotes, but every sentence it writes must be
supported by the cited passages (its content words and every number found there) or it is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lantoa.lib.qa.tokens import content_terms, tokens

_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+(?=[A-ZÀ-Ỹ0-9Đ\"“(])|\n+")
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
_MARKER = re.compile(r"\s*\[\d+\]")


@dataclass(frozen=True)
class Source:
    document: str
    heading: str
    text: str
    link: str = ""


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def quote(text: str, question_terms: set[str], *, max_chars: int = 900) -> str:
    """The passage itself when short; otherwise its lines that share most with the question, in order."""
    text = text.strip()
    if len(text) <= max_chars:
        return text
    lines = split_sentences(text)
    scored = sorted(
        range(len(lines)), key=lambda i: (-len(question_terms & set(content_terms(lines[i]))), i)
    )
    keep: set[int] = set()
    total = 0
    for i in scored:
        if total + len(lines[i]) > max_chars and keep:
            break
        keep.add(i)
        total += len(lines[i])
    return "\n".join(lines[i] for i in sorted(keep))


def extractive_answer(question: str, sources: list[Source]) -> str:
    """Quote each source with its citation number; the frame words are the only text not quoted."""
    question_terms = set(content_terms(question))
    parts = [f"{quote(s.text, question_terms)} [{n}]" for n, s in enumerate(sources, start=1)]
    return "\n\n".join(parts)


def supported(sentence: str, source_text: str, *, min_share: float = 0.75) -> bool:
    """True when the sentence's numbers all occur in the sources and most of its content words do."""
    sentence = _MARKER.sub("", sentence)
    source_numbers = set(_NUMBER.findall(source_text))
    if any(number not in source_numbers for number in _NUMBER.findall(sentence)):
        return False
    terms = content_terms(sentence)
    if not terms:
        # Pure connectives ("Cụ thể như sau:") carry no claim; long sentences of nothing are dropped.
        return len(tokens(sentence)) <= 6
    vocabulary = set(tokens(source_text))
    return sum(1 for t in terms if t in vocabulary) / len(terms) >= min_share


def check_support(text: str, sources: list[Source], *, min_share: float = 0.75) -> tuple[str, list[str]]:
    """Keep the supported sentences of ``text``; return the kept text and the removed sentences."""
    source_text = "\n".join(f"{s.heading}\n{s.text}" for s in sources)
    kept: list[str] = []
    removed: list[str] = []
    for sentence in split_sentences(text):
        (kept if supported(sentence, source_text, min_share=min_share) else removed).append(sentence)
    return "\n".join(kept), removed

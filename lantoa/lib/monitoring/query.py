"""Tone-insensitive boolean queries: the language of watches and of the search box.

    chuyen doi so                    every word (implicit AND)
    "chuyển đổi số" OR VNeID         phrase, alternatives
    vneid AND NOT "lua dao"          exclusion (also: -"lua dao")
    "dich vu cong" NEAR/5 "truc tuyen"   within five words, either order
    (thanh thuy OR "vinh tuy") AND chuyen doi so

Operators are upper-case (AND, OR, NOT, NEAR, NEAR/n); the lower-case words "and", "or", "và", "hoặc" are
ordinary words. Every term is folded with ``lantoa.lib.text.fold`` so "chuyen doi so" matches "chuyển đổi
số" and "Thuỷ" matches "Thủy". One parse tree serves three evaluators: Python (watches, highlighting),
SQLite FTS5 MATCH, and PostgreSQL tsquery over the same folded text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# On ASCII, [^\W_] is exactly letters and digits; "?" (what encoding puts for other characters) is not one.
_ASCII_SEPARATORS = bytes(c if chr(c).isascii() and chr(c).isalnum() else 0x20 for c in range(256))
_LEX = re.compile(r'\s*(?:(?P<quote>"[^"]*"?)|(?P<lp>\()|(?P<rp>\))|(?P<neg>-(?=["\w]))|(?P<word>[^\s()"]+))')
DEFAULT_NEAR = 10


class QueryError(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # folded; more than one word is a phrase


@dataclass(frozen=True)
class And:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    part: Node


@dataclass(frozen=True)
class Near:
    left: Term
    right: Term
    distance: int


Node = Term | And | Or | Not | Near


def tokens(text: str) -> list[str]:
    """Folded word tokens, the same split the FTS tokenizers use (letters and digits)."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=16)
def _tokens(text: str) -> tuple[str, ...]:
    # Dedup, watch matching and area mentions each split the same item text: split it once per item.
    from lantoa.lib.monitoring.textkey import fold_fast

    folded = fold_fast(text)
    if not folded.isascii() and any(ch.isalnum() for ch in set(_NON_ASCII.findall(folded))):
        return tuple(TOKEN.findall(folded))
    # Folded Vietnamese is ASCII letters and digits plus punctuation (“ ” – … stay): every other byte becomes a
    # space and split() does the rest, three times faster than the regex and the same tokens.
    return tuple(folded.encode("ascii", "replace").translate(_ASCII_SEPARATORS).decode("ascii").split())


def _lex(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        match = _LEX.match(query, pos)
        if not match or match.end() == pos:
            break
        pos = match.end()
        kind = match.lastgroup or ""
        value = match.group(kind)
        if (kind == "word" and value in ("AND", "OR", "NOT")) or (kind == "word" and value.startswith("NEAR")):
            out.append(("op", value))
        else:
            out.append((kind, value))
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.items = _lex(query)
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.items[self.pos] if self.pos < len(self.items) else None

    def take(self) -> tuple[str, str]:
        item = self.items[self.pos]
        self.pos += 1
        return item

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:
            raise QueryError(f"thừa '{self.peek()[1]}'")  # type: ignore[index]
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.peek() == ("op", "OR"):
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        parts = [self.unary()]
        while (nxt := self.peek()) is not None and nxt != ("op", "OR") and nxt[0] != "rp":
            if nxt == ("op", "AND"):
                self.take()
            parts.append(self.unary())
        flat: list[Node] = []
        for part in parts:
            flat.extend(part.parts if isinstance(part, And) else (part,))
        return flat[0] if len(flat) == 1 else And(tuple(flat))

    def unary(self) -> Node:
        nxt = self.peek()
        if nxt is not None and (nxt == ("op", "NOT") or nxt[0] == "neg"):
            self.take()
            return Not(self.unary())
        return self.near()

    def near(self) -> Node:
        left = self.atom()
        while (nxt := self.peek()) is not None and nxt[0] == "op" and nxt[1].startswith("NEAR"):
            self.take()
            distance = DEFAULT_NEAR
            if "/" in nxt[1]:
                try:
                    distance = max(1, min(50, int(nxt[1].split("/", 1)[1])))
                except ValueError as exc:
                    raise QueryError(nxt[1]) from exc
            right = self.atom()
            if not isinstance(left, Term) or not isinstance(right, Term):
                raise QueryError("NEAR chỉ nối hai từ hoặc hai cụm từ")
            left = Near(left, right, distance)
        return left

    def atom(self) -> Node:
        if self.peek() is None:
            raise QueryError("thiếu từ khoá")
        kind, value = self.take()
        if kind == "lp":
            node = self.or_expr()
            if self.peek() is None or self.peek()[0] != "rp":  # type: ignore[index]
                raise QueryError("thiếu dấu ')'")
            self.take()
            return node
        if kind in ("quote", "word"):
            words = tuple(tokens(value.strip('"')))
            if not words:
                raise QueryError(f"'{value}' không có chữ")
            if kind == "word" and len(words) > 1:  # "vneid-lua" typed without quotes: all of its words
                return And(tuple(Term((w,)) for w in words))
            return Term(words)
        raise QueryError(f"không hiểu '{value}'")


def parse(query: str) -> Node:
    """Parse a query; raise QueryError (with a Vietnamese message) when it cannot be understood."""
    if not query or not query.strip():
        raise QueryError("truy vấn trống")
    return _Parser(query).parse()


# -- Python evaluation --------------------------------------------------------------------------------
class Document:
    """Folded tokens of a text with their positions; built once, matched against many queries."""

    def __init__(self, text: str, *, vocabulary: frozenset[str] | None = None) -> None:
        """``vocabulary``: the only words whose positions will be asked for (``first_words`` of the queries);
        the pipeline matches one text against a few watches, and indexing every word cost more than that."""
        self.words = _tokens(text)
        self.positions: dict[str, list[int]] = {}
        if vocabulary is None:
            for index, word in enumerate(self.words):
                self.positions.setdefault(word, []).append(index)
        else:
            for index, word in enumerate(self.words):
                if word in vocabulary:
                    self.positions.setdefault(word, []).append(index)

    def term_spans(self, term: Term) -> list[tuple[int, int]]:
        first = self.positions.get(term.words[0], [])
        if len(term.words) == 1:
            return [(p, p + 1) for p in first]
        n = len(term.words)
        return [(p, p + n) for p in first if tuple(self.words[p : p + n]) == term.words]


def first_words(node: Node) -> frozenset[str]:
    """The words ``Document.term_spans`` looks up for ``node``: the first word of each of its terms."""
    if isinstance(node, Term):
        return frozenset(node.words[:1])
    if isinstance(node, Not):
        return first_words(node.part)
    if isinstance(node, And | Or):
        return frozenset().union(*(first_words(part) for part in node.parts))
    return first_words(node.left) | first_words(node.right)


def spans(node: Node, doc: Document) -> list[tuple[int, int]] | None:
    """Word spans that make ``node`` match ``doc`` (empty list for a match through NOT), or None."""
    if isinstance(node, Term):
        found = doc.term_spans(node)
        return found or None
    if isinstance(node, Not):
        return [] if spans(node.part, doc) is None else None
    if isinstance(node, And):
        collected: list[tuple[int, int]] = []
        for part in node.parts:
            got = spans(part, doc)
            if got is None:
                return None
            collected.extend(got)
        return collected
    if isinstance(node, Or):
        results = [got for part in node.parts if (got := spans(part, doc)) is not None]
        return [s for got in results for s in got] if results else None
    left, right = doc.term_spans(node.left), doc.term_spans(node.right)
    hits = [
        pair
        for a in left
        for b in right
        for pair in ((a, b),)
        if (b[0] - a[1] if b[0] >= a[0] else a[0] - b[1]) <= node.distance
    ]
    return [s for pair in hits for s in pair] or None


def matches(node: Node, text: str | Document) -> bool:
    doc = text if isinstance(text, Document) else Document(text)
    return spans(node, doc) is not None


def highlight_terms(node: Node) -> list[tuple[str, ...]]:
    """The positive terms of a query (for highlighting); terms under NOT are left out."""
    if isinstance(node, Term):
        return [node.words]
    if isinstance(node, Not):
        return []
    if isinstance(node, Near):
        return [node.left.words, node.right.words]
    return [t for part in node.parts for t in highlight_terms(part)]


# -- SQL compilers --------------------------------------------------------------------------------------
def _fts_phrase(term: Term) -> str:
    return '"' + " ".join(term.words) + '"'


def to_fts5(node: Node) -> str | None:
    """An FTS5 MATCH expression, or None when the query is purely negative (FTS5 has no unary NOT)."""
    if isinstance(node, Term):
        return _fts_phrase(node)
    if isinstance(node, Near):
        return f"NEAR({_fts_phrase(node.left)} {_fts_phrase(node.right)}, {node.distance})"
    if isinstance(node, Not):
        return None
    if isinstance(node, Or):
        parts = [to_fts5(p) for p in node.parts]
        return None if any(p is None for p in parts) else "(" + " OR ".join(parts) + ")"  # type: ignore[arg-type]
    positives = [to_fts5(p) for p in node.parts if not isinstance(p, Not)]
    negatives = [to_fts5(p.part) for p in node.parts if isinstance(p, Not)]
    if not positives or any(p is None for p in positives) or any(n is None for n in negatives):
        return None
    expr = "(" + " AND ".join(positives) + ")"  # type: ignore[arg-type]
    for negative in negatives:
        expr = f"({expr} NOT {negative})"
    return expr


def _ts_phrase(words: tuple[str, ...]) -> str:
    return "(" + " <-> ".join(words) + ")" if len(words) > 1 else words[0]


def to_tsquery(node: Node) -> str:
    """A to_tsquery('simple', …) string over the folded text. NEAR/n becomes "within n words, either order"."""
    if isinstance(node, Term):
        return _ts_phrase(node.words)
    if isinstance(node, Not):
        return f"!({to_tsquery(node.part)})"
    if isinstance(node, And):
        return "(" + " & ".join(to_tsquery(p) for p in node.parts) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(p) for p in node.parts) + ")"
    a, b = _ts_phrase(node.left.words), _ts_phrase(node.right.words)
    # <N> is "exactly N positions apart"; spell out every gap up to the distance, both orders.
    alternatives = [f"({x} <{gap}> {y})" for gap in range(1, node.distance + 2) for x, y in ((a, b), (b, a))]
    return "(" + " | ".join(alternatives) + ")"

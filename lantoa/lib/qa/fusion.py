"""Reciprocal-rank fusion: combine rankings without calibrating their scores against each other."""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def rrf(rankings: Sequence[Sequence[Hashable]], *, k: int = 60, weights: Sequence[float] | None = None
        ) -> list[tuple[Hashable, float]]:
    """Fuse ranked lists of ids; returns (id, score) best first.

    ``k`` = 60 is the constant of Cormack et al. (2009): it keeps one list's top hit from drowning out
    agreement between lists further down.
    """
    scores: dict[Hashable, float] = {}
    for index, ranking in enumerate(rankings):
        weight = weights[index] if weights else 1.0
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank + 1)
    return sorted(scores.items(), key=lambda pair: (-pair[1], str(pair[0])))

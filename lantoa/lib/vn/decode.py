"""Beam-pruned trigram Viterbi shared by tone-mark restoration and OCR repair.

Each position offers a few candidate syllables with a channel cost (how well the candidate explains what
was written); the language model scores the sequence. The state is the last two syllables, as a trigram
model needs; keeping only the best ``beam`` states per position bounds the work per word, which is what
makes the decoder fast enough for whole documents in pure Python.
"""

from __future__ import annotations

import heapq

from lantoa.lib.vn.lm import BOS, EOS, SyllableLM

#: One position: (candidate id, channel log10 score ≤ 0) pairs.
Position = list[tuple[int, float]]


def decode(
    model: SyllableLM,
    positions: list[Position],
    *,
    beam: int = 12,
    lm_weight: float = 1.0,
    margin: float | None = None,
) -> list[int]:
    """Return the best candidate id per position under LM × channel.

    At most ``beam`` states survive each position; with ``margin``, also only those within ``margin``
    (log10) of the best, so a wide beam costs little where the reading is clear.

    A state is the pair of the last two syllables packed into one int (``u * V + v``), which is also
    the key of the trigram context, so no tuple is built in the inner loop.
    """
    if not positions:
        return []
    size = model.size
    tri = model.tri
    bi = model.bi
    bow2 = model.bow2
    bow1 = model.bow1
    uni = model.uni
    bos = model.ids[BOS]
    start_state = bos * size + bos
    scores: dict[int, float] = {start_state: 0.0}
    chains: dict[int, tuple | None] = {start_state: None}
    for cands in positions:
        new_scores: dict[int, float] = {}
        new_chains: dict[int, tuple | None] = {}
        for uv, score in scores.items():
            chain = chains[uv]
            v = uv % size
            base = uv * size
            back = bow2.get(uv, 0.0)
            vbase = v * size
            bv = bow1[v]
            for w, channel in cands:
                lp = tri.get(base + w)
                if lp is None:
                    lp = bi.get(vbase + w)
                    lp = back + (lp if lp is not None else bv + uni[w])
                total = score + lm_weight * lp + channel
                key = vbase + w
                old = new_scores.get(key)
                if old is None or total > old:
                    new_scores[key] = total
                    new_chains[key] = (w, chain)
        if margin is not None and len(new_scores) > 1:
            floor = max(new_scores.values()) - margin
            new_scores = {key: value for key, value in new_scores.items() if value >= floor}
        if len(new_scores) > beam:
            kept = heapq.nlargest(beam, new_scores, key=new_scores.__getitem__)
            scores = {key: new_scores[key] for key in kept}
        else:
            scores = new_scores
        chains = new_chains
    eos = model.ids[EOS]
    best_score = float("-inf")
    best_chain: tuple | None = None
    for uv, score in scores.items():
        total = score + lm_weight * model.logprob(uv // size, uv % size, eos)
        if total > best_score:
            best_score, best_chain = total, chains[uv]
    out: list[int] = []
    while best_chain is not None:
        out.append(best_chain[0])
        best_chain = best_chain[1]
    out.reverse()
    return out

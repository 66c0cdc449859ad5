"""Beam-pruned trigram Viterbi shared by tone-mark restoration and OCR repair.

Each position offers a few candidate syllables with a channel cost (how well the candidate explains what
was written); the language model scores the sequence. The state is the last two syllables, as a trigram
model needs; keeping only the best ``beam`` states per position bounds the work per word, which is what
makes the decoder fast enough for whole documents in pure Python.
"""

from __future__ import annotations

from lantoa.lib.vn.lm import BOS, EOS, SyllableLM

#: One position: (candidate id, channel log10 score ≤ 0) pairs.
Position = list[tuple[int, float]]


def decode(model: SyllableLM, positions: list[Position], *, beam: int = 12, lm_weight: float = 1.0) -> list[int]:
    """Return the best candidate id per position under LM × channel."""
    if not positions:
        return []
    size = model.size
    tri = model.tri
    bi = model.bi
    bow2 = model.bow2
    bow1 = model.bow1
    uni = model.uni
    bos = model.ids[BOS]
    # state (u, v) -> (score, backpointer chain)
    states: dict[tuple[int, int], tuple[float, tuple | None]] = {(bos, bos): (0.0, None)}
    for cands in positions:
        new: dict[tuple[int, int], tuple[float, tuple | None]] = {}
        if len(cands) == 1:
            w, channel = cands[0]
            for (u, v), (score, chain) in states.items():
                uv = u * size + v
                lp = tri.get(uv * size + w)
                if lp is None:
                    lp = bi.get(v * size + w)
                    lp = bow2.get(uv, 0.0) + (lp if lp is not None else bow1[v] + uni[w])
                total = score + lm_weight * lp + channel
                key = (v, w)
                old = new.get(key)
                if old is None or total > old[0]:
                    new[key] = (total, (w, chain))
        else:
            for (u, v), (score, chain) in states.items():
                uv = u * size + v
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
                    key = (v, w)
                    old = new.get(key)
                    if old is None or total > old[0]:
                        new[key] = (total, (w, chain))
        if len(new) > beam:
            new = dict(sorted(new.items(), key=lambda item: item[1][0], reverse=True)[:beam])
        states = new
    eos = model.ids[EOS]
    best_score = float("-inf")
    best_chain: tuple | None = None
    for (u, v), (score, chain) in states.items():
        total = score + lm_weight * model.logprob(u, v, eos)
        if total > best_score:
            best_score, best_chain = total, chain
    out: list[int] = []
    while best_chain is not None:
        out.append(best_chain[0])
        best_chain = best_chain[1]
    out.reverse()
    return out

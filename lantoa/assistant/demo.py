"""Demo knowledge base: the guides in lantoa/assistant/kb/, written for this project from public facts."""

from __future__ import annotations

from pathlib import Path

from lantoa.assistant.models import KnowledgeDoc
from lantoa.assistant.services import kb_add_document
from lantoa.units.models import Unit

KB_DIR = Path(__file__).resolve().parent / "kb"
KINDS = {"hoi-dap": KnowledgeDoc.Kind.FAQ, "ke-hoach": KnowledgeDoc.Kind.PLAN}


def demo_kind(name: str) -> str:
    return next((kind for prefix, kind in KINDS.items() if name.startswith(prefix)), KnowledgeDoc.Kind.GUIDE)


def load_kb(unit: Unit | None = None) -> list[KnowledgeDoc]:
    return [
        kb_add_document(name=path.name, text=path.read_text(encoding="utf-8"), kind=demo_kind(path.name), unit=unit)
        for path in sorted(KB_DIR.glob("*.md"))
    ]


def load() -> list[str]:
    from lantoa.units.demo import demo_unit

    docs = load_kb(demo_unit("btgdv_tw"))
    return [f"Kho hỏi đáp: {len(docs)} tài liệu, {sum(d.passages.count() for d in docs)} đoạn"]


def write_vectors() -> None:
    """Refresh lantoa/assistant/kb/vectors.npz after editing the guides:
    ``.venv/bin/python -c "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='lantoa.settings';
    django.setup(); from lantoa.assistant.demo import write_vectors; write_vectors()"``"""
    from lantoa.assistant import embedding
    from lantoa.lib.qa.passages import split_passages

    texts: list[str] = []
    for path in sorted(KB_DIR.glob("*.md")):
        title, chunks = split_passages(path.read_text(encoding="utf-8"), title=path.stem)
        texts.extend(embedding.passage_text(title, c.heading, c.text) for c in chunks)
    embedding.save_shipped(texts)

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.assistant.services import ask


class Command(BaseCommand):
    help = "Hỏi trợ lý một câu (như người dân hỏi trên cổng thông tin)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("question")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        parser.add_argument("--no-store", action="store_true", help="không lưu câu hỏi")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            answer = ask(question=options["question"], store=not options["no_store"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            payload = {
                "status": answer.status,
                "answer": answer.text,
                "sources": [{"document": s["document"], "heading": s["heading"], "score": s["score"]}
                            for s in answer.sources],
                "latency_ms": answer.latency_ms,
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"[{answer.status}] {answer.text}")
        for n, source in enumerate(answer.sources, start=1):
            self.stdout.write(f"  [{n}] {source['document']} › {source['heading']} ({source['score']})")
        self.stdout.write(f"  {answer.latency_ms} ms")

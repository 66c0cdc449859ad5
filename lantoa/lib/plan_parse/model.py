"""The plan draft produced by the parser and its JSON form."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Relation = Literal["implements", "based_on", "mentions"]
Role = Literal["lead", "coordinating"]


@dataclass
class Reference:
    relation: Relation
    kind: str | None
    number: str | None
    date: date | None
    issuer: str | None
    subject: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "kind": self.kind,
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
        }


@dataclass
class Phase:
    name: str
    start: date | None
    end: date | None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass
class Assignment:
    unit: str
    role: Role
    duties: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"unit": self.unit, "role": self.role, "duties": list(self.duties)}


@dataclass
class Channel:
    """A form/channel with the details some plans give per form (003 §III)."""

    name: str
    start: date | None = None
    end: date | None = None
    lead_units: list[str] = field(default_factory=list)
    coordinating_units: list[str] = field(default_factory=list)


@dataclass
class DigitalSignature:
    agency: str | None
    signed_at: datetime | None


@dataclass
class PlanDraft:
    doc_type: str | None = None
    number: str | None = None
    issued_on: date | None = None
    issued_on_parts: dict[str, int | None] = field(default_factory=lambda: {"day": None, "month": None, "year": None})
    place: str | None = None
    issuer: str | None = None
    title: str | None = None
    references: list[Reference] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    budget: str | None = None
    signer: str | None = None
    recipients: list[str] = field(default_factory=list)
    # Fields whose value is a guess (garbled source, partial date, blank number...).
    uncertain: list[str] = field(default_factory=list)
    # Beyond the draft's JSON contract: shown in the review screen, kept for the model.
    issuer_parent: str | None = None
    number_symbol: str | None = None
    purpose: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    # Sub-items of ``themes[i]`` (its bullets), so nested themes survive an import.
    theme_children: list[list[str]] = field(default_factory=list)
    signer_title: str | None = None
    digital_signature: DigitalSignature | None = None
    text_condition: str = "clean"
    repaired: bool = False
    is_plan: bool = False
    warnings: list[str] = field(default_factory=list)

    def flag(self, name: str) -> None:
        if name not in self.uncertain:
            self.uncertain.append(name)

    @property
    def period(self) -> tuple[date | None, date | None]:
        starts = [p.start for p in self.phases if p.start] + [c.start for c in self.channels if c.start]
        ends = [p.end for p in self.phases if p.end] + [c.end for c in self.channels if c.end]
        return (min(starts) if starts else None, max(ends) if ends else None)

    def to_json(self, *, details: bool = False) -> dict[str, Any]:
        """The import contract: exactly these keys (plus ``details`` when asked)."""
        out: dict[str, Any] = {
            "doc_type": self.doc_type,
            "number": self.number,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "issued_on_parts": dict(self.issued_on_parts),
            "place": self.place,
            "issuer": self.issuer,
            "title": self.title,
            "references": [r.to_json() for r in self.references],
            "themes": list(self.themes),
            "channels": [c.name for c in self.channels],
            "phases": [p.to_json() for p in self.phases],
            "targets": list(self.targets),
            "assignments": [a.to_json() for a in self.assignments],
            "budget": self.budget,
            "signer": self.signer,
            "recipients": list(self.recipients),
            "uncertain": list(self.uncertain),
        }
        if details:
            start, end = self.period
            sig = self.digital_signature
            out["details"] = {
                "issuer_parent": self.issuer_parent,
                "number_symbol": self.number_symbol,
                "purpose": self.purpose,
                "requirements": self.requirements,
                "audiences": self.audiences,
                "theme_children": self.theme_children,
                "reference_subjects": [r.subject for r in self.references],
                "channels": [
                    {
                        **asdict(c),
                        "start": c.start.isoformat() if c.start else None,
                        "end": c.end.isoformat() if c.end else None,
                    }
                    for c in self.channels
                ],
                "period": {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None},
                "signer_title": self.signer_title,
                "digital_signature": None
                if sig is None
                else {"agency": sig.agency, "signed_at": sig.signed_at.isoformat() if sig.signed_at else None},
                "text_condition": self.text_condition,
                "repaired": self.repaired,
                "is_plan": self.is_plan,
                "warnings": self.warnings,
            }
        return out

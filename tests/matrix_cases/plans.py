"""Permission cases for every plans URL.

owner's draft → only owner; owner's issued plan → owner and the province supervisor; the province's issued
plan → every unit in the province (commune units implement it), not the outsider in another province.
"""

from tests.matrix import EVERYONE, Case
from tests.plans import factories as f

OWNER = {"owner"}
OWNER_SUP = {"owner", "supervisor"}
PROVINCE = {"owner", "supervisor", "sibling"}


def _item(w: object, kind: str = "theme") -> dict[str, object]:
    plan = f.owner_draft(w)
    return {"pk": plan.pk, "kind": kind, "item_pk": plan.themes.first().pk}


def _attachment(w: object) -> dict[str, object]:
    plan, att_pk = f.owner_attachment(w)
    return {"pk": plan.pk, "att_pk": att_pk}


CASES = [
    Case("plans:index", allowed=EVERYONE),
    Case("plans:create", allowed=EVERYONE),
    Case("plans:detail", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_draft(w).pk}),
    Case("plans:detail", allowed=OWNER_SUP, kwargs=lambda w: {"pk": f.owner_issued(w).pk}),
    Case("plans:detail", allowed=PROVINCE, kwargs=lambda w: {"pk": f.province_issued(w).pk}),
    Case("plans:edit", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_draft(w).pk}),
    Case("plans:edit", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_issued(w).pk}),
    Case("plans:item_add", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_draft(w).pk, "kind": "theme"}),
    Case("plans:item_edit", allowed=OWNER, kwargs=_item),
    Case("plans:item_delete", allowed=OWNER, kwargs=_item, method="post", ok_status=(302,)),
    Case("plans:item_move", allowed=OWNER, kwargs=_item, method="post", ok_status=(302,)),
    Case("plans:issue", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_draft(w).pk}, method="post",
         ok_status=(302,)),
    Case("plans:close", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_issued(w).pk}, method="post",
         ok_status=(302,)),
    Case("plans:implement", allowed=PROVINCE, kwargs=lambda w: {"pk": f.province_issued(w).pk}),
    Case("plans:tree", allowed=OWNER_SUP, kwargs=lambda w: {"pk": f.owner_issued(w).pk}),
    Case("plans:tree", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_draft(w).pk}),
    Case("plans:compliance", allowed=OWNER_SUP, kwargs=lambda w: {"pk": f.owner_issued(w).pk}),
    Case("plans:expectation_add", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_issued(w).pk}, method="post",
         ok_status=(302,)),
    Case("plans:docx", allowed=OWNER_SUP, kwargs=lambda w: {"pk": f.owner_issued(w).pk}),
    Case("plans:docx", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_draft(w).pk}),
    Case("plans:attachment_add", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_issued(w).pk}, method="post",
         ok_status=(302,)),
    Case("plans:attachment", allowed=OWNER_SUP, kwargs=_attachment),
    Case("plans:duties", allowed=EVERYONE),
    Case("plans:assignment_report", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_assignment(w).pk},
         method="post", data=lambda w: {"status": "in_progress"}, ok_status=(302,)),
    Case("plans:activities", allowed=EVERYONE),
    Case("plans:activity_create", allowed=EVERYONE),
    Case("plans:activity_import", allowed=EVERYONE),
    Case("plans:activity_template", allowed=EVERYONE),
    Case("plans:activity", allowed=OWNER_SUP, kwargs=lambda w: {"pk": f.owner_activity(w, with_file=False).pk}),
    Case("plans:activity_file", allowed=OWNER_SUP, kwargs=lambda w: {"pk": f.owner_activity(w).pk}),
    Case("plans:activity_share", allowed=OWNER, kwargs=lambda w: {"pk": f.owner_activity(w, with_file=False).pk},
         method="post", data=lambda w: {"shared": "1"}, ok_status=(302,)),
    Case("plans:library", allowed=EVERYONE),
]

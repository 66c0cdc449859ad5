from tests.matrix import EVERYONE, Case

CASES = [
    Case("web:home", public=True, allowed=EVERYONE),
    Case("web:areas", allowed=EVERYONE),
    Case("web:area", allowed=EVERYONE, kwargs=lambda w: {"code": w.commune.code}),
    Case("units:list", allowed=EVERYONE),
    Case("units:detail", allowed={"owner", "supervisor"}, kwargs=lambda w: {"pk": w.unit.pk}),
    Case("notifications:list", allowed=EVERYONE),
    Case("notifications:mark_all_read", allowed=EVERYONE, method="post", ok_status=(302,)),
    Case(
        "audit:history", allowed={"supervisor"},
        kwargs=lambda w: {"app_label": "units", "model_name": "unit", "pk": w.unit.pk},
    ),
    Case("accounts:login", public=True, allowed=EVERYONE),
    Case("accounts:logout", public=True, allowed=EVERYONE, method="post", ok_status=(302,)),
    Case("accounts:password_change", allowed=EVERYONE, any_staff=True),
    Case("accounts:password_change_done", allowed=EVERYONE, any_staff=True),
    Case("accounts:password_reset", public=True, allowed=EVERYONE),
    Case("accounts:password_reset_done", public=True, allowed=EVERYONE),
    Case("accounts:password_reset_confirm", public=True, allowed=EVERYONE,
         kwargs=lambda w: {"uidb64": "MQ", "token": "sai-ma"}),
    Case("accounts:password_reset_complete", public=True, allowed=EVERYONE),
]

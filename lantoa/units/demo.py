"""Demo units and users: the real bodies of the four seed plans and their chains."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from lantoa.areas.models import AdminArea, national_area
from lantoa.units.models import Membership, Unit

DEMO_PASSWORD = "lantoa-demo-2025"

# Area codes from the official 2025 list (vietnam-provinces): Hà Nội 01, Phú Thọ 25, Lâm Đồng 68,
# phường Vĩnh Tuy 00283 (Hà Nội), xã Thanh Thuỷ 08674 (Phú Thọ).
HA_NOI, PHU_THO, LAM_DONG = "01", "25", "68"
VINH_TUY, THANH_THUY = "00283", "08674"

K = Unit.Kind
# (key, area code or None for national, name, kind, parent key)
DEMO_UNITS: list[tuple[str, str | None, str, str, str | None]] = [
    ("bcd_tw", None, "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
     K.STEERING_COMMITTEE, None),
    ("vp_tw", None, "Văn phòng Trung ương Đảng", K.PARTY_BOARD, None),
    ("btgdv_tw", None, "Ban Tuyên giáo và Dân vận Trung ương", K.PARTY_BOARD, None),
    ("bo_vhttdl", None, "Bộ Văn hoá, Thể thao và Du lịch", K.MINISTRY, None),
    ("bo_ca", None, "Bộ Công an", K.MINISTRY, None),
    ("bcd35_tw", None, "Ban Chỉ đạo 35 Trung ương", K.STEERING_COMMITTEE, None),
    ("bao_nhan_dan", None, "Báo Nhân Dân", K.PRESS, None),
    ("tap_chi_cong_san", None, "Tạp chí Cộng sản", K.PRESS, None),
    ("ttxvn", None, "Thông tấn xã Việt Nam", K.PRESS, None),
    ("vtv", None, "Đài Truyền hình Việt Nam", K.PRESS, None),
    ("vov", None, "Đài Tiếng nói Việt Nam", K.PRESS, None),
    ("cong_dang", None, "Cổng Thông tin điện tử Đảng Cộng sản Việt Nam", K.PRESS, None),
    ("cong_chinh_phu", None, "Cổng Thông tin điện tử Chính phủ", K.PRESS, None),
    ("bao_qdnd", None, "Báo Quân đội Nhân dân", K.PRESS, None),
    ("bao_cand", None, "Báo Công an Nhân dân", K.PRESS, None),
    ("bao_dbnd", None, "Báo Đại biểu Nhân dân", K.PRESS, None),
    # Lâm Đồng
    ("tu_lamdong", LAM_DONG, "Tỉnh uỷ Lâm Đồng", K.PARTY_COMMITTEE, None),
    ("btgdv_lamdong", LAM_DONG, "Ban Tuyên giáo và Dân vận Tỉnh uỷ Lâm Đồng", K.PARTY_BOARD, "tu_lamdong"),
    ("bao_lamdong", LAM_DONG, "Báo và Phát thanh, Truyền hình Lâm Đồng", K.PRESS, "tu_lamdong"),
    ("mttq_lamdong", LAM_DONG, "Uỷ ban MTTQ Việt Nam tỉnh Lâm Đồng", K.FRONT, None),
    # Phú Thọ and xã Thanh Thuỷ
    ("svhttdl_phutho", PHU_THO, "Sở Văn hoá, Thể thao và Du lịch tỉnh Phú Thọ", K.DEPARTMENT, None),
    ("ubnd_thanhthuy", THANH_THUY, "UBND xã Thanh Thủy", K.PEOPLES_COMMITTEE, None),
    ("vhxh_thanhthuy", THANH_THUY, "Phòng Văn hoá - Xã hội xã Thanh Thủy", K.DEPARTMENT, "ubnd_thanhthuy"),
    ("ttdv_thanhthuy", THANH_THUY, "Trung tâm Dịch vụ sự nghiệp công xã Thanh Thủy", K.PUBLIC_SERVICE,
     "ubnd_thanhthuy"),
    ("ca_thanhthuy", THANH_THUY, "Công an xã Thanh Thủy", K.POLICE, None),
    ("mttq_thanhthuy", THANH_THUY, "Uỷ ban MTTQ Việt Nam xã Thanh Thủy", K.FRONT, None),
    # Hà Nội and phường Vĩnh Tuy
    ("btgdv_hanoi", HA_NOI, "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội", K.PARTY_BOARD, None),
    ("du_vinhtuy", VINH_TUY, "Đảng uỷ phường Vĩnh Tuy", K.PARTY_COMMITTEE, None),
    ("bxdd_vinhtuy", VINH_TUY, "Ban Xây dựng Đảng Đảng uỷ phường Vĩnh Tuy", K.PARTY_BOARD, "du_vinhtuy"),
    ("ubnd_vinhtuy", VINH_TUY, "UBND phường Vĩnh Tuy", K.PEOPLES_COMMITTEE, None),
    ("mttq_vinhtuy", VINH_TUY, "Uỷ ban MTTQ Việt Nam phường Vĩnh Tuy", K.FRONT, None),
]

R = Membership.Role


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    unit_key: str
    role: str
    note: str


DEMO_USERS = [
    DemoUser("trunguong", "Nguyễn Văn Trung", "btgdv_tw", R.APPROVER, "lãnh đạo, giám sát toàn quốc"),
    DemoUser("lamdong", "Trần Thị Lâm", "btgdv_lamdong", R.APPROVER, "lãnh đạo Ban Tuyên giáo và Dân vận Tỉnh uỷ"),
    DemoUser("lamdong.canbo", "Phạm Văn Đồng", "btgdv_lamdong", R.OFFICER, "cán bộ tỉnh Lâm Đồng"),
    DemoUser("phutho", "Lê Thị Thọ", "svhttdl_phutho", R.APPROVER, "lãnh đạo Sở VHTTDL Phú Thọ"),
    DemoUser("thanhthuy", "Hoàng Văn Thủy", "vhxh_thanhthuy", R.OFFICER, "cán bộ Phòng Văn hoá - Xã hội"),
    DemoUser("thanhthuy.lanhdao", "Nguyễn Anh Tuấn", "ubnd_thanhthuy", R.APPROVER, "lãnh đạo UBND xã"),
    DemoUser("hanoi", "Đỗ Thị Hà", "btgdv_hanoi", R.APPROVER, "lãnh đạo Ban Tuyên giáo và Dân vận Thành uỷ"),
    DemoUser("vinhtuy", "Vũ Minh Tuy", "bxdd_vinhtuy", R.OFFICER, "cán bộ Ban Xây dựng Đảng phường"),
    DemoUser("vinhtuy.lanhdao", "Bùi Văn Vĩnh", "du_vinhtuy", R.APPROVER, "lãnh đạo Đảng uỷ phường"),
    DemoUser("vinhtuy.xem", "Đinh Thị Xem", "ubnd_vinhtuy", R.VIEWER, "chỉ xem, UBND phường"),
]


def demo_unit(key: str) -> Unit:
    """The demo unit for ``key`` (used by later apps' demo loaders)."""
    _key, code, name, _kind, _parent = next(u for u in DEMO_UNITS if u[0] == key)
    area = national_area() if code is None else AdminArea.objects.get(code=code)
    return Unit.objects.get(area=area, name=name)


@transaction.atomic
def load() -> list[str]:
    """Create the demo units, users and memberships; safe to run again. Returns lines to print."""
    units: dict[str, Unit] = {}
    for key, code, name, kind, parent_key in DEMO_UNITS:
        area = national_area() if code is None else AdminArea.objects.get(code=code)
        unit, _created = Unit.objects.update_or_create(
            area=area, name=name, defaults={"kind": kind, "parent": units.get(parent_key) if parent_key else None}
        )
        units[key] = unit
    user_model = get_user_model()
    lines = []
    for demo in DEMO_USERS:
        first, _, last = demo.full_name.rpartition(" ")
        user, created = user_model.objects.get_or_create(
            username=demo.username,
            defaults={"first_name": last, "last_name": first, "email": f"{demo.username}@demo.lantoa.local"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.update_or_create(user=user, unit=units[demo.unit_key], defaults={"role": demo.role})
        lines.append(f"  {demo.username:<20} {units[demo.unit_key].name} — {demo.note}")
    admin, created = user_model.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True, "email": "admin@demo.lantoa.local"}
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    lines.append(f"  {'admin':<20} quản trị hệ thống (trang /quan-tri/)")
    return lines

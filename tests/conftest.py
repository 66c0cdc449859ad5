"""Shared fixtures: a small administrative world with the four users every access test needs.

owner      — officer of a commune unit (C1)
supervisor — approver of the province board above C1 (supervises the province's communes)
sibling    — officer of another commune unit in the same province (C2)
outsider   — officer of a commune unit in another province (C3)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from lantoa.areas.models import AdminArea, national_area
from lantoa.units.models import Membership, Unit

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"
PASSWORD = "mat-khau-thu-nghiem-2025"


@pytest.fixture(autouse=True, scope="session")
def _tasks_run_synchronously() -> None:
    from lantoa.tasks import HUEY

    HUEY.immediate = True


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    # PBKDF2's deliberate slowness would dominate a suite that creates users in every test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test when the shared folder is absent."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} không có trên máy này")
    return path


@dataclass
class World:
    nation: AdminArea
    province: AdminArea
    commune: AdminArea
    sibling_commune: AdminArea
    other_province: AdminArea
    other_commune: AdminArea
    central_unit: Unit
    province_unit: Unit
    unit: Unit
    sibling_unit: Unit
    outsider_unit: Unit
    users: dict[str, object] = field(default_factory=dict)

    def client(self, who: str) -> Client:
        client = Client()
        if who != "anonymous":
            client.force_login(self.users[who])  # type: ignore[arg-type]
        return client


def make_user(username: str, unit: Unit, role: str) -> object:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.vn")
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


def build_world() -> World:
    nation = national_area()
    province = AdminArea.objects.create(code="25", name="Phú Thọ", level="province", kind="tinh", parent=nation)
    commune = AdminArea.objects.create(code="08674", name="Xã Thanh Thuỷ", level="commune", kind="xa", parent=province)
    sibling_commune = AdminArea.objects.create(
        code="08675", name="Xã Hoà Bình", level="commune", kind="xa", parent=province
    )
    other_province = AdminArea.objects.create(
        code="68", name="Lâm Đồng", level="province", kind="tinh", parent=nation
    )
    other_commune = AdminArea.objects.create(
        code="24000", name="Phường Xuân Hương - Đà Lạt", level="commune", kind="phuong", parent=other_province
    )
    K = Unit.Kind
    world = World(
        nation=nation, province=province, commune=commune, sibling_commune=sibling_commune,
        other_province=other_province, other_commune=other_commune,
        central_unit=Unit.objects.create(name="Ban Tuyên giáo và Dân vận Trung ương", kind=K.PARTY_BOARD, area=nation),
        province_unit=Unit.objects.create(name="Sở Văn hoá, Thể thao và Du lịch", kind=K.DEPARTMENT, area=province),
        unit=Unit.objects.create(name="Phòng Văn hoá - Xã hội xã Thanh Thủy", kind=K.DEPARTMENT, area=commune),
        sibling_unit=Unit.objects.create(name="Phòng Văn hoá - Xã hội xã Hoà Bình", kind=K.DEPARTMENT,
                                         area=sibling_commune),
        outsider_unit=Unit.objects.create(name="UBND phường Xuân Hương - Đà Lạt", kind=K.PEOPLES_COMMITTEE,
                                          area=other_commune),
    )
    R = Membership.Role
    world.users = {
        "owner": make_user("owner", world.unit, R.OFFICER),
        "supervisor": make_user("supervisor", world.province_unit, R.APPROVER),
        "sibling": make_user("sibling", world.sibling_unit, R.OFFICER),
        "outsider": make_user("outsider", world.outsider_unit, R.OFFICER),
    }
    return world


@pytest.fixture
def world(db: object) -> World:
    return build_world()

from __future__ import annotations

from lantoa.units.access import scope_for
from lantoa.units.models import Membership, Unit
from tests.conftest import World, make_user


def test_members_see_their_unit_drafts_supervisors_only_submitted_data(world: World) -> None:
    owner, supervisor, sibling = (scope_for(world.users[k]) for k in ("owner", "supervisor", "sibling"))
    assert owner.can_view_unit(world.unit, draft=True)
    assert owner.can_edit_unit(world.unit)
    assert supervisor.can_view_unit(world.unit)
    assert not supervisor.can_view_unit(world.unit, draft=True)
    assert not sibling.can_view_unit(world.unit)
    assert not sibling.can_view_unit(world.unit, draft=True)


def test_province_supervisor_sees_its_communes_not_another_province(world: World) -> None:
    supervisor = scope_for(world.users["supervisor"])
    visible = set(supervisor.visible_units())
    assert {world.unit, world.sibling_unit, world.province_unit} <= visible
    assert world.outsider_unit not in visible
    assert world.central_unit not in visible


def test_central_supervisor_sees_everything(world: World) -> None:
    central = make_user("central", world.central_unit, Membership.Role.APPROVER)
    scope = scope_for(central)
    assert scope.supervises_nation
    assert set(scope.visible_units()) == set(Unit.objects.all())


def test_viewer_cannot_edit_and_officer_does_not_supervise(world: World) -> None:
    viewer = make_user("viewer", world.unit, Membership.Role.VIEWER)
    scope = scope_for(viewer)
    assert scope.can_view_unit(world.unit, draft=True)
    assert not scope.can_edit_unit(world.unit)
    assert not scope_for(world.users["owner"]).supervises_unit(world.sibling_unit)


def test_approvers_do_not_approve_their_own_unit(world: World) -> None:
    leader = make_user("leader", world.unit, Membership.Role.APPROVER)
    assert not scope_for(leader).can_approve_for(world.unit)
    assert scope_for(world.users["supervisor"]).can_approve_for(world.unit)

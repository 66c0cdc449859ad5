from django.core.files.base import ContentFile

from tests.matrix import EVERYONE, Case


def _job(world: object) -> dict[str, int]:
    from lantoa.intake.models import PlanImport

    job = PlanImport(unit=world.unit, filename="ke-hoach.txt", status=PlanImport.Status.FAILED,  # type: ignore[attr-defined]
                     error="Tệp trống.")
    job.file.save("ke-hoach.txt", ContentFile(b"x"), save=False)
    job.save()
    return {"pk": job.pk}


CASES = [
    Case("intake:index", allowed=EVERYONE),
    # Uploading without a file re-shows the form with errors (400) for anyone who edits a unit.
    Case("intake:upload", allowed=EVERYONE, method="post", ok_status=(400,)),
    Case("intake:detail", allowed={"owner"}, kwargs=_job),
    Case("intake:progress", allowed={"owner"}, kwargs=_job),
]

from lantoa.tasks import task


@task(retries=1, retry_delay=30)
def plan_import_task(job_id: int) -> None:
    from lantoa.intake.services import plan_import_run

    plan_import_run(job_id=job_id)

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: object, tmp_path: object) -> None:
    # Uploaded scans and activity files go to a throwaway folder, not var/media.
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined,operator]

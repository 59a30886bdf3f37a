"""Where an uploaded import file waits between the preview and "Confirm import", and for how long.

django-import-export keeps the file (in the cache with Redis, else in a temporary folder)
until the editor confirms; an editor who never does left it there, in Redis for 24 hours
(one 61 MB file). These storages keep it ``IMPORT_UPLOAD_SECONDS`` at most; the admin also
removes it at once when the preview fails (``rounds.admin_base.ImportExportEditorMixin``).
Reading one that has gone raises ``UploadExpired``, which the admin turns into a message.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from import_export.tmp_storages import CacheStorage, TempFolderStorage


class UploadExpired(Exception):
    """The upload was removed or has expired: the editor must upload the file again."""


class ExpiringCacheStorage(CacheStorage):
    """The shared cache (Redis), for ``IMPORT_UPLOAD_SECONDS`` instead of import-export's 24 hours."""

    @property
    def CACHE_LIFETIME(self) -> int:
        return settings.IMPORT_UPLOAD_SECONDS

    def read(self):
        data = super().read()
        if data is None:
            raise UploadExpired
        return data


class ExpiringTempFolderStorage(TempFolderStorage):
    """Files in one folder of the temporary directory; each save sweeps out expired ones."""

    @staticmethod
    def folder() -> Path:
        path = Path(tempfile.gettempdir()) / "nafta-imports"
        path.mkdir(mode=0o700, exist_ok=True)
        return path

    def get_full_path(self) -> str:
        return str(self.folder() / Path(self.name).name)

    def save(self, data) -> None:
        self.sweep()
        self.name = self.name or uuid4().hex
        if isinstance(data, bytes):
            Path(self.get_full_path()).write_bytes(data)
        else:
            Path(self.get_full_path()).write_text(data, encoding=self.encoding)

    def read(self):
        try:
            return super().read()
        except FileNotFoundError:
            raise UploadExpired from None

    def remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            super().remove()

    @classmethod
    def sweep(cls) -> None:
        cutoff = time.time() - settings.IMPORT_UPLOAD_SECONDS
        for path in cls.folder().iterdir():
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()

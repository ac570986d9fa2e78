"""make migrate-to-postgres: zodbconvert copies a FileStorage with blobs into PostgreSQL (RelStorage).

A small FileStorage is made here with ZODB itself (objects and a blob) and copied by the real make target
(``make migrate-to-postgres MIGRATE_FILESTORAGE=… MIGRATE_DATABASE=ezabrze_migration``) into a database of
the stack's PostgreSQL of its own, so the test site is untouched; the copy is then opened with RelStorage
exactly as the instances open theirs.
"""

from pathlib import Path

import os
import pytest
import support


pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[2]
BLOB = b"%PDF-1.4\n" + bytes(range(256)) * 300



def _make_filestorage(folder):
    from persistent.mapping import PersistentMapping
    from ZODB.blob import Blob
    from ZODB.FileStorage import FileStorage

    import transaction
    import ZODB

    storage = FileStorage(str(folder / "Data.fs"), blob_dir=str(folder / "blobs"))
    db = ZODB.DB(storage)
    with db.transaction() as connection:
        site = PersistentMapping(title="Miasto Zabrze", pages=PersistentMapping())
        for number in range(50):
            site["pages"][f"strona-{number}"] = PersistentMapping(title=f"Strona {number}")
        blob = Blob()
        with blob.open("w") as handle:
            handle.write(BLOB)
        site["uchwala"] = blob
        connection.root()["zabrze"] = site
    transaction.abort()
    db.close()
    return folder / "Data.fs", folder / "blobs"


def test_migrate_filestorage_to_postgresql(stack, tmp_path, make):
    import ZODB.config

    lib = support.cluster_lib()
    filestorage, blobs = _make_filestorage(tmp_path)
    for _ in range(2):  # a second run empties the destination first (--clear): same result
        output = make("migrate-to-postgres", MIGRATE_FILESTORAGE=filestorage, MIGRATE_BLOBSTORAGE=blobs,
                      MIGRATE_DATABASE="ezabrze_migration")
        assert "Migrated." in output
    os.environ["PGPASSFILE"] = str(stack.pgpass)
    db = ZODB.config.databaseFromString(
        "%import relstorage\n<zodb>\n" + lib.relstorage_section(stack, "ezabrze_migration") + "\n</zodb>\n"
    )
    try:
        with db.transaction() as connection:
            site = connection.root()["zabrze"]
            assert site["title"] == "Miasto Zabrze"
            assert sorted(site["pages"]) == sorted(f"strona-{n}" for n in range(50))
            assert site["pages"]["strona-7"]["title"] == "Strona 7"
            with site["uchwala"].open() as handle:
                assert handle.read() == BLOB
    finally:
        db.close()

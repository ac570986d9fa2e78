"""make backup / make restore on the production stack: every item, case and blob the same afterwards."""

from pathlib import Path

import base64
import hashlib
import pytest
import requests
import uuid


pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[2]


def _snapshot(stack, client):
    """Every object of the site as the catalog and the objects tell it (as admin), case signs included."""
    base = stack.instance_url(stack.parts[0])
    items, start = {}, 0
    while True:
        # one metadata_fields value: a repeated parameter without :list is refused (400) since the REST fixes
        data = client.rest("GET", f"{base}/@search?b_size=500&b_start={start}&sort_on=path&metadata_fields=_all")
        for item in data["items"]:
            items[item["@id"]] = (item["@type"], item["title"], item.get("modified"), item.get("review_state"),
                                  item.get("case_sign"))
        start += 500
        if start >= data["items_total"]:
            return items


def _download(stack, client, path):
    response = requests.get(f"{stack.instance_url(stack.parts[1])}{path}/@@download/file",
                            headers=client.admin_headers(), timeout=60)
    assert response.status_code == 200
    return hashlib.sha256(response.content).hexdigest()


def test_backup_and_restore_round_trip(stack, client, make):
    base = stack.instance_url(stack.parts[0])
    payload = (b"%PDF-1.4\n" + uuid.uuid4().bytes * 4096)  # a blob of 64 KiB
    file_id = f"zalacznik-{uuid.uuid4().hex[:6]}"
    client.rest("POST", base, {
        "@type": "File", "id": file_id, "title": "Uchwała (kopia zapasowa)",
        "file": {"data": base64.b64encode(payload).decode(), "encoding": "base64",
                 "filename": "uchwala.pdf", "content-type": "application/pdf"},
    })
    client.submit_case(stack.url)  # the round trip must cover cases too
    before = _snapshot(stack, client)
    assert any(value[4] for value in before.values())
    digest = _download(stack, client, f"/{file_id}")
    assert digest == hashlib.sha256(payload).hexdigest()

    # the real make targets, as an operator runs them (make backup prints the dump's path last)
    dump = Path(make("backup", BACKUP_KEEP=3).strip().splitlines()[-1])
    assert dump.parent == stack.backups
    assert dump.exists() and dump.stat().st_size > len(payload)

    # Afterwards: the file deleted, a new page, a changed title.
    client.rest("DELETE", f"{base}/{file_id}")
    client.rest("POST", base, {"@type": "Document", "id": "po-kopii", "title": "Po kopii"})
    client.rest("PATCH", f"{base}/dla-mieszkancow", {"title": "Zmieniony po kopii"})
    assert _snapshot(stack, client) != before

    make("restore", BACKUP=dump)
    assert _snapshot(stack, client) == before
    assert _download(stack, client, f"/{file_id}") == digest  # the blob, through the other instance
    # The public site through Varnish shows the restored state too (restore bans the cache).
    home = requests.get(f"{stack.url}/dla-mieszkancow", timeout=60)
    assert "Zmieniony po kopii" not in home.text


def test_backup_retention(stack, make):
    made = [Path(make("backup", BACKUP_KEEP=2).strip().splitlines()[-1]) for _ in range(3)]
    kept = sorted(stack.backups.glob("ezabrze-*.dump"))
    assert len(kept) == 2
    assert made[-1] in kept and made[0] not in kept

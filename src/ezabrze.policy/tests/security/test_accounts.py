"""Default credentials: random administrator passwords, a Plone-level Manager, weak root passwords refused."""

from ezabrze.policy.security import accounts
from pathlib import Path
from plone import api

import importlib.util
import pytest


ROOT = Path(__file__).resolve().parents[4]


def _admin_secrets():
    spec = importlib.util.spec_from_file_location("admin_secrets", ROOT / "scripts" / "admin_secrets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_buildout_holds_no_password():
    text = (ROOT / "buildout.cfg").read_text()
    assert "admin:admin" not in text
    assert "user = ${admin:user}:${admin:password}" in text
    assert "var/secrets.cfg" in text


def test_first_build_generates_random_private_passwords(tmp_path, monkeypatch):
    module = _admin_secrets()
    monkeypatch.delenv("EZABRZE_ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("EZABRZE_SITE_ADMIN_PASSWORD", raising=False)
    first = module.ensure(tmp_path / "one.cfg")
    second = module.ensure(tmp_path / "two.cfg")
    assert first["admin"][0] == "admin"
    assert first["site-admin"][0] == "administrator"
    assert first["admin"][1] != second["admin"][1]
    assert not module.weak("admin", first["admin"][1])
    assert (tmp_path / "one.cfg").stat().st_mode & 0o077 == 0
    # Never rewritten once it exists.
    assert module.ensure(tmp_path / "one.cfg") == first


def test_weak_password_from_the_environment_is_refused(tmp_path, monkeypatch):
    module = _admin_secrets()
    monkeypatch.setenv("EZABRZE_ADMIN_PASSWORD", "admin")
    with pytest.raises(SystemExit):
        module.ensure(tmp_path / "weak.cfg")
    assert not (tmp_path / "weak.cfg").exists()


def test_root_user_with_default_password_stops_production(integration, monkeypatch):
    app = integration["app"]
    app.acl_users.users.addUser("rootweak", "rootweak", "admin")
    app.acl_users.users.addUser("rootstrong", "rootstrong", "Kx9-vQ2_pLm7-Zt4")
    assert "rootweak" in accounts.weak_root_users(app)
    assert "rootstrong" not in accounts.weak_root_users(app)
    monkeypatch.setenv("EZABRZE_PRODUCTION", "1")
    with pytest.raises(accounts.WeakPasswordError):
        accounts.check_root_passwords(app)
    monkeypatch.setenv("EZABRZE_PRODUCTION", "")
    accounts.check_root_passwords(app)  # only logged outside production


def test_site_manager_is_a_plone_user_with_manager_role(portal):
    accounts.ensure_site_manager(portal, "administrator", "Kx9-vQ2_pLm7-Zt4")
    user = api.user.get(username="administrator")
    assert "Manager" in api.user.get_roles(user=user)
    assert portal.acl_users.authenticate("administrator", "Kx9-vQ2_pLm7-Zt4", portal.REQUEST)
    accounts.ensure_site_manager(portal, "administrator", "Other-Strong-Pass-1")
    assert portal.acl_users.authenticate("administrator", "Other-Strong-Pass-1", portal.REQUEST)

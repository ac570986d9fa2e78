"""Creation of the e-Zabrze Plone site (used by scripts/create_site.py and the tests)."""

from Products.CMFPlone.factory import addPloneSite


SITE_TITLE = "Miasto Zabrze"
SITE_DESCRIPTION = "Portal i intranet miasta Zabrze — e-usługi, konsultacje, rady dzielnic."

# Plone 6.2 Classic UI: the base profiles of plone.classicui's "classic" distribution, then the policy.
EXTENSION_PROFILES = (
    "plone.app.contenttypes:default",
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
    "ezabrze.policy:default",
)


def ensure_site(app, site_id="zabrze", demo=True, add_ons=(), demo_profiles=()):
    """Return (site, created). An existing site is left untouched (its data is kept).

    add_ons: profiles of packages built on the policy (ezabrze.ngo), installed after it; demo_profiles: their demo
    content, applied after the policy's. The policy itself knows nothing of the packages that depend on it.
    """
    if site_id in app.objectIds():
        return app[site_id], False
    site = addPloneSite(
        app,
        site_id,
        title=SITE_TITLE,
        description=SITE_DESCRIPTION,
        extension_ids=EXTENSION_PROFILES + tuple(add_ons),
        setup_content=False,
        default_language="pl",
        portal_timezone="Europe/Warsaw",
    )
    if demo:
        from plone import api

        setup = api.portal.get_tool("portal_setup")
        for profile in ("ezabrze.policy:demo", *demo_profiles):
            setup.runAllImportStepsFromProfile(f"profile-{profile}")
    return site, True

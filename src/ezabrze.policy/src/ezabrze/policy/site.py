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
    "ezabrze.ngo:default",
)


def ensure_site(app, site_id="zabrze", demo=True):
    """Return (site, created). An existing site is left untouched (its data is kept)."""
    if site_id in app.objectIds():
        return app[site_id], False
    site = addPloneSite(
        app,
        site_id,
        title=SITE_TITLE,
        description=SITE_DESCRIPTION,
        extension_ids=EXTENSION_PROFILES,
        setup_content=False,
        default_language="pl",
        portal_timezone="Europe/Warsaw",
    )
    if demo:
        from plone import api

        api.portal.get_tool("portal_setup").runAllImportStepsFromProfile(
            "profile-ezabrze.policy:demo"
        )
    return site, True

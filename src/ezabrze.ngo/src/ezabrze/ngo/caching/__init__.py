"""Caching of the NGO pages in the production stack (plone.app.caching, README "Production stack").

* ``configure.zcml``: rulesets of the NGO views. Consultations, grant calls and their listings change by the
  calendar too (a consultation opens and closes, a call's deadline passes), so they are folder views (an hour
  in the proxy at most, see ezabrze.policy's caching.xml); an organization's page is an item view. Every
  form, every page of staff or representatives and the offers of organizations are ``ezabrze.personal``.
* ``profiles/default/registry/caching.xml``: the NGO types are purged on change; Offer is personal.
* ``purge.py``: with a consultation, call or organization, its own public pages (remarks, report, results)
  and the NGO listings above it are purged. Remarks are not content: ``consultations.remarks`` notifies
  a purge of the consultation when one is posted, hidden, restored or answered.
"""

# Types whose changes are purged (added to plone.app.caching's purgedContentTypes by the profile)
PURGED_TYPES = ("Consultation", "GrantCall", "Organization", "Offer")

# Public pages of an item besides its default view, purged with it (both spellings of a view's URL)
OWN_VIEWS = {
    "Consultation": ("uwagi", "raport", "raport.pdf", "raport.xlsx"),
    "GrantCall": ("wyniki", "wyniki.csv", "wyniki.xlsx"),
    "Organization": (),
}

# Listing views of the NGO section, purged on every folder above a changed item
LISTING_VIEWS = ("konsultacje", "konkursy", "katalog-organizacji")

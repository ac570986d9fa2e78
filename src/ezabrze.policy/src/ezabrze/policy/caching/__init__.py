"""Caching for the production stack (README, "Production stack"): plone.app.caching switched on.

* ``profiles/default/registry/caching.xml``: caching enabled, the operations of each ruleset (anonymous
  pages and feeds: ``moderateCaching`` with s-maxage and purge; resources: ``strongCaching``; anything
  personal: ``noCaching``), the purged types, purging enabled. The caching proxy's address belongs to the
  deployment: ``deploy/cluster.py`` sets it through ``setup.configure_purging``.
* ``configure.zcml``: rulesets of our own views (service cards, units, catalogue, notice boards, feeds)
  and the ``ezabrze.personal`` ruleset of cases, the staff case list, case tracking and the intranet.
* ``purge.py``: on edit, publish, retract and delete, the listing pages that show the item are purged too
  (its folders' listings up to the home page).

Safety net in plone.app.caching itself: ``moderateCaching`` gives s-maxage only to anonymous visitors and
only to objects that Anonymous may view (private and intranet content never get it). Varnish
(deploy/varnish.vcl.in) stores only responses with s-maxage/public and without Set-Cookie or private.
"""

# The listing views that show other items, purged with every change of an item below them.
LISTING_VIEWS = (
    "view",
    "katalog-uslug",
    "uslugi-a-z",
    "tablica-ogloszen",
    "archiwum-ogloszen",
    "ogloszenia.rss",
    "posiedzenia.ics",
    # the names before the Polish rule still answer (links in e-mails and bookmarks), so they are cached too
    "notice-board",
    "notice-archive",
    "notices.rss",
    "meetings.ics",
    "RSS",
    "rss.xml",
)

# Types whose changes are purged (plone.app.caching.interfaces.IPloneCacheSettings.purgedContentTypes).
PURGED_TYPES = (
    "Document",
    "Event",
    "File",
    "Folder",
    "Image",
    "Link",
    "News Item",
    "Collection",
    "Service",
    "OrganizationalUnit",
    "DistrictCouncil",
    "Notice",
    "EasyForm",
)

PERSONAL_RULESET = "ezabrze.personal"

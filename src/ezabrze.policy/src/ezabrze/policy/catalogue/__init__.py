"""The catalogue of e-services: service cards (Service) and the city's organisational units (OrganizationalUnit).

Where things are: `content/` (the two types), `interfaces.py` (folder markers, settings), `vocabularies.py`,
`validators.py` and `files.py` (field checks, downloadable forms), `indexers.py` and `subscribers.py` (catalog
columns, prefixed `catalogue_`), `browser/` (card, unit, catalogue listing, A-Z, stale cards), `controlpanel.py`
(life event categories), `restapi/` (serializers without leaks of private related items), `setup.py` (folders).
"""

# Every catalog index and metadata column of the catalogue carries this prefix (no clash with other features).
INDEX_PREFIX = "catalogue_"

"""Reading the portal's HTML pages over real HTTP in functional tests (pytest-plone's ``request_factory``)."""

from lxml import html as lxml_html


def html_session(request_factory, basic_auth=None, **options):
    """A session that asks for HTML pages: anonymous, logged in with ``basic_auth=(login, password)``, or with
    any other option of ``request_factory`` (e.g. ``role="Manager"``)."""
    if basic_auth:
        options["basic_auth"] = basic_auth
    session = request_factory(api=False, **options)
    session.headers["Accept"] = "text/html"
    return session


def html_page(session, path, **params):
    """The page at ``path`` parsed with lxml; anything but 200 fails with the start of the answer."""
    response = session.get(path, params=params)
    assert response.status_code == 200, response.text[:500]
    return lxml_html.fromstring(response.text)


def texts(tree, xpath):
    """The text of each element ``xpath`` finds, whitespace collapsed."""
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


def catalog_column_labels(portal, language="pl"):
    """{column: label} of the catalog's metadata columns as editors choose them (a collection's "Table
    columns", the contents' column chooser), translated into ``language``."""
    from zope.component import getUtility
    from zope.i18n import translate
    from zope.schema.interfaces import IVocabularyFactory

    vocabulary = getUtility(IVocabularyFactory, "plone.app.vocabularies.MetadataFields")(portal)
    return {term.value: translate(term.title, target_language=language) for term in vocabulary}

"""Reading the portal's HTML pages over real HTTP in functional tests (pytest-plone's ``request_factory``)."""

from lxml import html as lxml_html


def html_session(request_factory, basic_auth=None):
    """A session that asks for HTML pages (anonymous, or logged in with ``basic_auth=(login, password)``)."""
    session = request_factory(api=False, basic_auth=basic_auth) if basic_auth else request_factory(api=False)
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

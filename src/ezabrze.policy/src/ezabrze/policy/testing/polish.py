"""Watch for untranslated messages while pages render in Polish (the "no English on Polish pages" checks of
ezabrze.policy and ezabrze.ngo).

``watch_untranslated(monkeypatch)`` wraps zope.i18n's TranslationDomain.translate and returns a set that fills
with "domain: msgid -> result" for every message asked for that came back untranslated: a message of our own
domains without a Polish entry, or a message of another domain (plone, collective.easyform, ...) that the
domain really owns (a default different from its id, or another language translates it) and that has no Polish
entry. Content titles and texts only passed through translate are not messages and are not reported.
"""

from zope.i18n.translationdomain import TranslationDomain

import re


LETTERS = re.compile(r"[A-Za-z]{2,}")


def _in_catalogues(domain, msgid, languages, msgid_plural=None):
    def has(catalogue):
        if msgid_plural is not None:
            return catalogue.queryPluralMessage(msgid, msgid_plural, 1) is not None
        return catalogue.queryMessage(msgid) is not None

    return any(has(domain._data[name]) for language in languages for name in domain._catalogs.get(language, ()))


def is_untranslated(domain, msgid, default, msgid_plural=None):
    """No Polish entry for a message the domain really owns.

    A Polish entry counts even when it is spelled like the default ("E-mail:"). Messages of our own domains
    must all have one; in other domains (plone, plone.app.*, collective.easyform) a message counts as the
    domain's own when it has a default different from its id or another language translates it: text that
    is only passed through translate (content titles, field titles of forms editors made) does not.
    """
    if _in_catalogues(domain, msgid, ["pl"], msgid_plural):
        return False
    if domain.domain.startswith("ezabrze."):
        return True
    if default is not None and str(default) != str(msgid):
        return True
    others = [language for language in domain._catalogs if language not in ("pl", "test")]  # "test": zope.i18n's echo
    return _in_catalogues(domain, msgid, others)


def watch_untranslated(monkeypatch):
    found = set()
    original = TranslationDomain.translate

    def watching(
        self,
        msgid,
        mapping=None,
        context=None,
        target_language=None,
        default=None,
        msgid_plural=None,
        default_plural=None,
        number=None,
    ):
        result = original(self, msgid, mapping, context, target_language, default, msgid_plural, default_plural, number)
        plural = str(msgid_plural or getattr(msgid, "msgid_plural", None) or "") or None
        if LETTERS.search(str(msgid)) and is_untranslated(self, str(msgid), default, plural):
            found.add(f"{self.domain}: {msgid!s} -> {str(result)[:60]!r}")
        return result

    monkeypatch.setattr(TranslationDomain, "translate", watching)
    return found


AUTHENTICATOR = re.compile(r"[?&]_authenticator=([0-9a-f]+)")


def _confirmed(session, path, response):
    """Plone answers a GET that writes (a user's first dashboard, a group's portlet assignments) with its
    "confirm this action" page; the user confirms, which repeats the request with the CSRF token."""
    location = response.headers.get("Location", "")
    token = AUTHENTICATOR.search(location) if "@@confirm-action" in location else None
    if token is None:
        return response
    separator = "&" if "?" in path else "?"
    return session.get(f"{path}{separator}_authenticator={token.group(1)}", allow_redirects=False)


def check_pages(session, pages, found, confirmed=(), english=None):
    """GET every page (name -> path) with the session: every one answers 200 itself (a redirect to the login
    form is a failure, not a page), except that the pages named in ``confirmed`` may first ask to confirm a
    write (then confirmed); returns the untranslated messages found and, when ``english`` is given (a function
    of the page's HTML, such as ``english_words`` with the site's user data), the English words it finds."""
    problems = []
    for name, path in pages.items():
        found.clear()
        response = session.get(path, allow_redirects=False)
        if name in confirmed:
            found.clear()
            response = _confirmed(session, path, response)
        assert response.status_code == 200, (name, path, response.status_code, response.headers.get("Location"))
        problems.extend(f"{name}: {entry}" for entry in sorted(found))
        if english is not None:
            problems.extend(f"{name}: {entry}" for entry in english(response.text))
    return problems


# English written straight into templates, zcml titles or manifests is never a msgid, so the watcher above cannot
# see it: ``english_words`` reads the rendered page instead. These words never occur in Polish UI text; words that
# are Polish too ("a", "to", "do", "on", "by", "we", "was", "list", "role", "start", "status", "portal", "link",
# "folder", "login", "portlet", "URL", the key "Enter") are not in the list.
ENGLISH = frozenset(
    """
    about above account action actions activate active add added adding address advanced after all allow allowed
    also an and any apply are as at available back be been before below browse button cancel cannot change
    changed changes check clear click close collection comment comments configure confirm contains content contents
    copy create created creation current custom cut date default delete deleted description details disable disabled
    display down download edit editing email empty enable enabled error event events expired expires field
    fields file files filter find first for form found from full general get group groups has have help here hide
    history home how if image images in inherit inherited information into is it item items its key language last
    less listing load loading local log manage managing may member members message missing modified more move must
    name new next no none not nothing now of off older only open or order other our out overview owner page pages
    password paste path people permission permissions personal please preferences preview previous private
    properties public publish published query read recent related remove removed rename reply required reset
    restrict result results review revision rights roles rule rules save saved search searching security select
    selected send set settings setup share sharing should show site size sort source state submit subject
    summary text that the there these this those title tools type types undo unknown up update upload use used user
    users using value version versions view views visible want warning when which will with without workflow yes you
    your
    """.split()
)

# elements whose text is code or user data, never UI text
NOT_UI = ("script", "style", "code", "pre", "kbd", "samp", "textarea", "template")
ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
BUTTON_TYPES = ("submit", "button", "reset")
# code, not UI text: addresses, paths, dotted names and media types ("plone.app.querystring.field", "text/html",
# "image/*"), names with an underscore ("portal_type") or two hyphens ("tinymce-content-css"), ids in brackets
# ("Opublikuj [publish]"), substitutions ("${user_email}") and settings ("objectClass=user")
ADDRESS = re.compile(
    r"\b(?:https?://|mailto:)\S+|\S+@\S+|(?:\.{0,2}/|@@|\+\+)[\w./@+%?=&;:-]*|[\w+-]+(?:[./][\w*+-]+)+"
    r"|\w*_[\w-]*|\w+(?:-\w+){2,}|\[[\w-]+\]|\$\{\w+\}|\w+=\w+"
)
# a text that is one lowercase word is a name shown as it is (a field's id on the fields page, a catalog index,
# a TinyMCE plugin), not a sentence of the UI
IDENTIFIER = re.compile(r"[a-z]+")
# ... except a choice offered by its raw value: an <option> whose label is its value is a vocabulary term
# without a title (the content-rule Notify action's "error"), a label, so a single word is scanned there too
RAW_OPTION = "<option> label that is its raw value"
WORD = re.compile(r"[^\W\d_]+")


def _texts(html):
    """(where, text) of everything a reader or a screen reader meets on the page: the text of the body (by
    element) and the title, alt, aria-label and placeholder attributes and the labels of input buttons."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    for element in tree.xpath("//*[" + " or ".join(f"self::{name}" for name in NOT_UI) + "]"):
        element.drop_tree()
    head_title = tree.find(".//head/title")
    if head_title is not None and head_title.text:
        yield "<title>", head_title.text
    body = tree.find(".//body")
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.rsplit("}", 1)[-1]
        for where, text in ((f"<{tag}> text", element.text), (f"text after <{tag}>", element.tail)):
            if text and text.strip():
                yield where, text
        for attribute in ATTRIBUTES:
            if element.get(attribute):
                yield f"<{tag} {attribute}>", element.get(attribute)
        if tag == "input" and element.get("type", "").lower() in BUTTON_TYPES and element.get("value"):
            yield f"<{tag} value>", element.get("value")
        if tag == "option" and element.text and element.text.strip() == element.get("value"):
            yield RAW_OPTION, element.text


def english_words(html, user_data=(), allowed=(), known=()):
    """"where 'text': word" for every word of ENGLISH on the rendered page, leaving out code (ADDRESS,
    IDENTIFIER), the strings of ``user_data`` (titles of the site's items, names of users, ...), the phrases of
    ``allowed`` (English that is right on a Polish page, such as a product's name) and the texts of ``known``
    (whole texts, each a known gap that is not fixed yet)."""
    problems = []
    left_out = sorted({" ".join(text.split()) for text in (*user_data, *allowed) if text}, key=len, reverse=True)
    for where, text in _texts(html):
        text = " ".join(text.split())
        if text in known or (IDENTIFIER.fullmatch(text) and where != RAW_OPTION):
            continue
        rest = text
        for item in left_out:
            rest = rest.replace(item, " ")
        rest = ADDRESS.sub(" ", rest)
        words = {word for word in WORD.findall(rest) if word.lower() in ENGLISH}
        problems.extend(f"{where} {text[:100]!r}: {word!r}" for word in sorted(words))
    return problems


# English that is right on the portal's Polish pages, with the reason (every scan leaves these phrases out)
ALLOWED = {
    "Active Directory": "Microsoft's product name (the city directory panel, in Site Setup's list)",
    "Open Graph": "the protocol's name (social media panel)",
}


def english_scan(portal, allowed=(), known=()):
    """The English-word scan (english_words) of a page of this site, as ``check_pages`` takes it: user data
    (the titles of the site's items, the ids and names of its users), the phrases of ALLOWED and ``allowed``
    and the known gaps of ``known`` are left out."""
    from plone import api

    catalog = api.portal.get_tool("portal_catalog")
    user_data = {portal.Title(), *(brain.Title for brain in catalog.unrestrictedSearchResults())}
    for user in api.user.get_users():
        user_data.update((user.getId(), user.getUserName(), user.getProperty("fullname") or ""))
    return lambda html: english_words(html, user_data, {*ALLOWED, *allowed}, known)

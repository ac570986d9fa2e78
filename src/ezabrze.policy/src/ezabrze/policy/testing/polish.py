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


def check_pages(session, pages, found, confirmed=()):
    """GET every page (name -> path) with the session: every one answers 200 itself (a redirect to the login
    form is a failure, not a page), except that the pages named in ``confirmed`` may first ask to confirm a
    write (then confirmed); returns the untranslated messages found."""
    problems = []
    for name, path in pages.items():
        found.clear()
        response = session.get(path, allow_redirects=False)
        if name in confirmed:
            found.clear()
            response = _confirmed(session, path, response)
        assert response.status_code == 200, (name, path, response.status_code, response.headers.get("Location"))
        problems.extend(f"{name}: {entry}" for entry in sorted(found))
    return problems

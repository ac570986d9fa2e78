"""The overrides of Plone's own templates (ezabrze.policy/polishui/overrides, z3c.jbot for the policy's browser
layer) change only the lines they mean to change: each is compared with the upstream template it was copied
from, so that a Plone upgrade that changes that template anywhere else fails here (then copy the new upstream
template again and make the same change, or drop the override when upstream translates the strings).
"""

from importlib import resources
from pathlib import Path

import difflib
import ezabrze.policy.polishui
import pytest
import re


OVERRIDES = Path(ezabrze.policy.polishui.__file__).parent / "overrides"

# override -> (upstream package, template in it, the upstream lines it changes, stripped)
CHANGES = {
    "plone.app.content.browser.templates.content_status_history.pt": (
        "plone.app.content",
        "browser/templates/content_status_history.pt",
        [
            "alt     string:Select $item_title_or_id;",
            "title   string:Select $item_title_or_id;",
            'title=""',
            "title review_state;",
        ],
    ),
    "Products.CMFPlone.controlpanel.browser.usergroups_usersoverview.pt": (
        "Products.CMFPlone",
        "controlpanel/browser/usergroups_usersoverview.pt",
        [
            "title string:Reset password of user ${user/fullname};",
            "title string:Remove user ${user/fullname};",
        ],
    ),
    "plone.app.dexterity.browser.behaviors.pt": (
        "plone.app.dexterity",
        "browser/behaviors.pt",
        ["<tal:root>"],
    ),
    "plone.app.dexterity.browser.tabbed_forms.pt": (
        "plone.app.dexterity",
        "browser/tabbed_forms.pt",
        ['<h1 class="documentFirstHeading"><tal:block tal:content="context/Title" />'],
    ),
    "plone.app.dexterity.browser.types_listing_row.pt": (
        "plone.app.dexterity",
        "browser/types_listing_row.pt",
        [],  # two lines are only added
    ),
    "plone.app.theming.browser.controlpanel.pt": (
        "plone.app.theming",
        "browser/controlpanel.pt",
        [],  # a line is only added
    ),
    "Products.CMFPlone.controlpanel.browser.actions.pt": (
        "Products.CMFPlone",
        "controlpanel/browser/actions.pt",
        ['<header tal:content="category/title" class="card-header" />'],
    ),
    "Products.CMFPlone.browser.templates.accessibility-info.pt": (
        "Products.CMFPlone",
        "browser/templates/accessibility-info.pt",
        ['<acronym i18n:name="vpat" title="About VPAT" i18n:attributes="title title_vpat;">(about VPAT)</acronym>'],
    ),
    "plone.app.z3cform.templates.singlecheckboxbool_input.pt": (
        "plone.app.z3cform",
        "templates/singlecheckboxbool_input.pt",
        [],  # a line is only added
    ),
    **{
        f"plone.app.z3cform.templates.{name}.pt": ("plone.app.z3cform", f"templates/{name}.pt", [])  # a line added
        for name in ("file_input", "image_input")
    },
    **{
        f"plone.app.contenttypes.browser.templates.{name}.pt": (
            "plone.app.contenttypes",
            f"browser/templates/{name}.pt",
            [title],
        )
        for name, title in (
            ("listing", "title item_type;"),
            ("listing_summary", "title item_type;"),
            ("listing_tabular", "title python:item_type;"),
        )
    },
}

# the header comment that says where the override comes from, why, and when it can go (dropped from the output)
HEADER = re.compile(r"\A<!--!.*?-->\n", re.DOTALL)


def _changed_upstream_lines(upstream, override):
    """The upstream lines (stripped) that the override replaces or drops, and the number of lines it adds."""
    matcher = difflib.SequenceMatcher(None, upstream, override, autojunk=False)
    changed, added = [], 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            changed.extend(line.strip() for line in upstream[i1:i2])
        if tag in ("replace", "insert"):
            added += j2 - j1
    return changed, added


def test_every_override_is_listed():
    assert sorted(path.name for path in OVERRIDES.glob("*.pt")) == sorted(CHANGES)


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_override_changes_only_its_lines_of_the_upstream_template(name):
    package, template, expected = CHANGES[name]
    upstream = resources.files(package).joinpath(template).read_text(encoding="utf-8").splitlines()
    text = (OVERRIDES / name).read_text(encoding="utf-8")
    header = HEADER.match(text)
    assert header, f"{name}: no header comment (<!--! where it comes from, why, when it can go -->)"
    assert package in header.group() and "Remove when" in header.group()
    changed, added = _changed_upstream_lines(upstream, text[header.end():].splitlines())
    assert changed == expected
    assert 0 < added <= len(expected) + 2


def test_a_changed_upstream_line_is_noticed():
    """The check itself: an upstream change elsewhere shows as a changed line."""
    upstream = ["<a>", "  <b title='x' />", "</a>"]
    override = ["<a>", "  <b title='y' />", "</a>"]
    assert _changed_upstream_lines(upstream, override) == (["<b title='x' />"], 1)
    assert _changed_upstream_lines(["<a>", "  <b title='x' />", "  <c />", "</a>"], override) == (
        ["<b title='x' />", "<c />"],
        1,
    )

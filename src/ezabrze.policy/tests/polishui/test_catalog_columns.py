"""The catalog's metadata columns an editor chooses from (a collection's "Table columns", the contents' column
chooser) have Polish labels: plone.app.vocabularies passes a column without a label of its own to the plone
domain by its name ("getId", "case_sign"), so each has an entry in the policy's plone.po."""

from ezabrze.policy.testing.pages import catalog_column_labels


def test_every_metadata_column_has_a_polish_label(portal):
    labels = catalog_column_labels(portal)
    assert labels["case_sign"] == "Znak sprawy"
    assert labels["getId"] == "Identyfikator (krótka nazwa)"
    assert sorted(column for column, label in labels.items() if label == column) == []


"""Polish UI: overrides of Plone's own templates that write English without i18n (see configure.zcml)."""

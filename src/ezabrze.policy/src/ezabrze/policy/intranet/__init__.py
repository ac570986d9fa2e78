"""The intranet: staff only, never visible to anonymous users through any channel.

- /intranet itself stays private (simple_publication_workflow) with the local role Reader for the group
  "pracownicy" (ezabrze.policy.structure).
- Below it the placeful workflow policy "ezabrze-intranet" binds ``ezabrze_intranet_workflow`` to the content
  types: "internal" (the initial state: Reader, i.e. staff) and private drafts (authors and editors only,
  transition "hide"). No state grants View to
  Anonymous or plain Members, so catalog searches, listings, the sitemap, feeds and REST never show intranet
  content to them. File and Image have no workflow and acquire the permissions of their container.
- Content moved into (or out of) the intranet is reset to the initial state of its new workflow (subscriber), so
  a published page pasted into the intranet does not stay public.
- The staff directory /intranet/pracownicy lists the staff grouped by unit.
"""

INTRANET_ID = "intranet"
POLICY_ID = "ezabrze-intranet"
# the policy's title, shown as it is (no i18n) in Site Setup > Workflow policies: Polish (profile 1010)
POLICY_TITLE = "Intranet e-Zabrze (tylko pracownicy)"
DIRECTORY_ID = "pracownicy"

"""1007 -> 1008: the network registry's settings, Polish workflow titles, the strategy projects' tables as grids.

- The budget, indicators and complementarity of every StrategyProject: text (a row per line, columns separated
  by ";") becomes a list of rows edited in a grid (collective.z3cform.datagridfield, whose profile is installed).

- The records of INetworkSettings and the control panel "Rejestr sieci miejskiej" (@@ustawienia-sieci).
- The network workflow: the transition back to staff-only is called "Restrict to staff" (it had the title of
  the state) and "make public" asks the node whether its kind may be public (the control panel's setting).
"""

from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")

PROFILE = "profile-ezabrze.policy:default"
NETWORK_WORKFLOW = "ezabrze_network_workflow"
MAKE_PUBLIC_GUARD = 'python: here.portal_type == "NetworkNode" and here.may_be_public()'


def network_settings(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "rolemap", "controlpanel"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    logger.info("Network registry settings and their control panel added")


def network_workflow(context):
    """Only the two transitions change (re-importing the workflow tool would reset the chains of every type)."""
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById(NETWORK_WORKFLOW)
    if workflow is None:
        return
    make_internal = workflow.transitions["make_internal"]
    make_internal.setProperties(
        title="Restrict to staff",
        description=make_internal.description,
        new_state_id=make_internal.new_state_id,
        trigger_type=make_internal.trigger_type,
        script_name=make_internal.script_name,
        after_script_name=make_internal.after_script_name,
        actbox_name="Restrict to staff",
        actbox_url=make_internal.actbox_url,
        actbox_category=make_internal.actbox_category,
        props={"guard_permissions": "Modify portal content"},
    )
    make_public = workflow.transitions["make_public"]
    make_public.setProperties(
        title=make_public.title,
        description=make_public.description,
        new_state_id=make_public.new_state_id,
        trigger_type=make_public.trigger_type,
        script_name=make_public.script_name,
        after_script_name=make_public.after_script_name,
        actbox_name=make_public.actbox_name,
        actbox_url=make_public.actbox_url,
        actbox_category=make_public.actbox_category,
        props={"guard_permissions": "Modify portal content", "guard_expr": MAKE_PUBLIC_GUARD},
    )
    logger.info("Network workflow: transition titles and the guard of make_public updated")


def strategy_tables(context):
    from ezabrze.policy.strategy.content import parse_budget
    from ezabrze.policy.strategy.content import parse_complementarity
    from ezabrze.policy.strategy.content import parse_indicators
    from ezabrze.policy.strategy.content import TableError

    setup = api.portal.get_tool("portal_setup")
    if setup.getLastVersionForProfile("collective.z3cform.datagridfield:default") == "unknown":
        setup.runAllImportStepsFromProfile("profile-collective.z3cform.datagridfield:default")
    catalog = api.portal.get_tool("portal_catalog")
    parsers = {"budget": parse_budget, "indicators": parse_indicators, "complementarity": parse_complementarity}
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="StrategyProject"):
        project = brain._unrestrictedGetObject()
        changed = False
        for name, parser in parsers.items():
            value = project.__dict__.get(name)
            if not isinstance(value, str):
                continue
            try:
                rows = parser(value)
            except TableError:
                # cannot happen for text saved through the form or REST (validated); keep it readable for staff
                logger.warning("%s: the %s table could not be read and stays as text", brain.getPath(), name)
                continue
            setattr(project, name, rows)
            changed = True
        if changed:
            project.reindexObject(idxs=["strategy_sources", "strategy_complements"])
            count += 1
    logger.info("Strategy projects: %d with their tables turned into grids", count)

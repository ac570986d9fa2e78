"""Strategy portfolio: the city's IT strategies, their strategic goals and projects (in the spirit of a
municipal "plan stratégique transversal", but public and over REST).

Where things are: `content.py` (Strategy, StrategicGoal, StrategyProject and the parsing of their editable
tables), `vocabularies.py` (statuses, health, funding sources, the goals of the project's strategy),
`indexers.py` (catalog indexes with the prefix ``strategy_``), `portfolio.py` (the numbers every view, export and
REST answer share: counts per status, timeline, budget by source and year, complementarity graph), `graph.py`
(server-side SVG), `exports.py` (CSV / XLSX), `browser/`, `restapi/services/portfolio/` (``@strategy-portfolio``),
`setup.py` (the section folder and the redirects from the former static pages).
"""

SECTION_ID = "strategia-e-zabrze"

# project status: (value, Polish label used in exports and data files)
STATUSES = ("planned", "prepared", "in_progress", "done", "abandoned")
HEALTH = ("on_track", "at_risk", "blocked")
SOURCES = ("eu", "city", "other")

# the former static pages of the section (created by ezabrze.policy.structure before 1005) -> new place
GOAL_IDS = ("infrastruktura", "e-administracja", "e-gospodarka", "e-spoleczenstwo", "e-bezpieczenstwo")
CURRENT_STRATEGY_ID = "strategia-2020"
FIRST_STRATEGY_ID = "program-2009"

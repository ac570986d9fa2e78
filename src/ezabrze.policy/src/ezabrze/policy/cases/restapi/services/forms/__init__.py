"""REST: the citizen forms for headless clients — ``GET /@citizen-forms`` (list), ``GET /@citizen-forms/<id>``
(fields, choices, RODO clause, consent) and ``POST /@citizen-forms/<id>`` (JSON submission → case)."""

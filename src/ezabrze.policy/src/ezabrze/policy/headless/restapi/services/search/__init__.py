"""REST: GET @search as the contract describes it (found by schemathesis, see get.py)."""

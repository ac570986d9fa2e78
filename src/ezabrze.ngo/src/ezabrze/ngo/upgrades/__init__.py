"""Upgrade steps of ezabrze.ngo (one module per profile version)."""

"""Upgrade steps of ezabrze.theme (one module per profile version)."""

"""Upgrade steps of ezabrze.policy (one module per profile version)."""

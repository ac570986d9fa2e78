"""Classic UI views of the service catalogue (Polish, WCAG 2.1 AA markup)."""

"""Security and robustness of the portal: accounts, CSRF on REST, response headers, throttling, error pages,
trusted proxies, size limits, export neutralization. See README, "Security"."""

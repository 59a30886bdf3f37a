"""Plumbing shared by every REST API endpoint: pagination, conditional requests, CSV, schema.

The resources themselves live in ``rounds.api`` and ``issues.api``; the router is in
``nafta_tracker.site.api_urls``.
"""

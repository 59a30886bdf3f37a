"""REST API for parties, officials, rounds and milestones (``/api/v1/``). Read-only."""

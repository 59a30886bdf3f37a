"""REST API for issues, status history, positions, statements and sources (``/api/v1/``)."""

"""The ``xieshang`` command: serve, demo data, projections, integrity checks, API tokens."""

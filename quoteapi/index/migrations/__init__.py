"""Alembic migrations of the index schema (run by ``db.upgrade``)."""

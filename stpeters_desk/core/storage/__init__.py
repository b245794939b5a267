"""All SQL lives in this package.

Statements are written in portable SQL with ``:name`` parameters (the style of
SQLAlchemy's ``text()``), so moving the shared state to PostgreSQL later
touches this package alone. Only ``db`` opens a connection.
"""

"""The reference central server (`packline-server`): FastAPI over SQLAlchemy, SQLite or PostgreSQL."""

"""St Peter's Desk: a safe desktop client for a primary school's X account."""

__version__ = "0.1.0"
APP_NAME = "St Peter's Desk"

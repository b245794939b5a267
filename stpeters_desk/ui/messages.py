"""Turning problems into words for the person at the screen."""

from __future__ import annotations

from stpeters_desk.x.errors import XError


def describe_error(error: Exception) -> str:
    if isinstance(error, XError):
        return error.user_text()
    return f"Something went wrong: {error}. Nothing has been lost; try again."

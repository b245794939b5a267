"""Which shared server this computer uses, remembered beside its device identity.

``stpeters-desk computer join`` remembers the server's address (never its password) in
``server.json`` in the config folder, next to ``device.json``; the password goes to
this computer's keyring (purpose "database", named by the address without the password)
and is read back when connecting to an address that has none. ``--database`` and
``STPETERS_DESK_DATABASE`` still come first.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from stpeters_desk.core.storage.db import redact_url

SERVER_FILE = "server.json"
DATABASE_PURPOSE = "database"


def _server_file() -> Path:
    from stpeters_desk.core.devices import config_dir

    return config_dir() / SERVER_FILE


def without_password(url: str) -> str:
    """The address as it may be written down: no password, everything else kept."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = (f"{parts.username}@" if parts.username else "") + host + (
        f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def password_of(url: str) -> str | None:
    password = urlsplit(url).password
    return unquote(password) if password else None


def keep_password(url: str) -> None:
    """The password in ``url`` (if any) into this computer's keyring, for its address."""
    password = password_of(url)
    if password:
        from stpeters_desk.core import keystore

        keystore.write_secret(DATABASE_PURPOSE, redact_url(url), password)


def connection_url(url: str) -> str:
    """``url`` with the keyring's password put in when the address has none."""
    if urlsplit(url).password is not None:
        return url
    from stpeters_desk.core import keystore

    try:
        password = keystore.read_secret(DATABASE_PURPOSE, redact_url(url))
    except keystore.KeyringUnavailable:
        return url  # the server may trust this computer another way (a certificate, peer)
    if not password:
        return url
    parts = urlsplit(url)
    netloc = f"{quote(parts.username or '', safe='')}:{quote(password, safe='')}@" + \
        parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def remembered_server() -> str | None:
    try:
        data = json.loads(_server_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("database") if isinstance(data, dict) else None
    if isinstance(value, str) and value.startswith(("postgresql://", "postgres://")):
        return value
    return None


def remember_server(url: str) -> None:
    """Write the address (without its password) beside the device identity."""
    path = _server_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"database": without_password(url)}), encoding="utf-8")
    os.replace(temporary, path)


def forget_server() -> None:
    _server_file().unlink(missing_ok=True)

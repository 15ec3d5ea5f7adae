"""Optional login: `RESQA_AUTH=user:password` or a file of `user:password` lines."""

from __future__ import annotations

from resqa.errors import ConfigError
from resqa.settings import Settings


def _pair(line: str, where: str) -> tuple[str, str]:
    user, sep, password = line.partition(":")
    if not sep or not user.strip() or not password:
        raise ConfigError(f"{where}: expected user:password")
    return user.strip(), password


def load_users(settings: Settings) -> list[tuple[str, str]] | None:
    """The accounts allowed to log in, or None when login is off.

    >>> load_users(Settings(auth="ana:s3cret"))
    [('ana', 's3cret')]
    """
    users: list[tuple[str, str]] = []
    if settings.auth:
        users.append(_pair(settings.auth, "RESQA_AUTH"))
    if settings.auth_file:
        try:
            lines = settings.auth_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"RESQA_AUTH_FILE={settings.auth_file}: cannot read ({exc.strerror})") from exc
        for number, line in enumerate(lines, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                users.append(_pair(line.rstrip("\r\n"), f"{settings.auth_file}:{number}"))
        if not users:
            raise ConfigError(f"RESQA_AUTH_FILE={settings.auth_file}: no user:password line")
    return users or None

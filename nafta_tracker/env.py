"""Reading settings from environment variables, failing loudly on bad values.

Each helper returns the default when the variable is unset and raises
``ImproperlyConfigured`` with a message that names the variable when it is set to
something unusable, so a typo in a deployment stops the process at start instead of
surfacing later as a puzzling request. ``settings.py`` is their only caller.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_RATE = re.compile(r"[1-9]\d*/(s|sec|second|m|min|minute|h|hour|d|day)")


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean variable; anything but a clear yes/no is a startup error.

    An empty value counts as "no", so ``VAR=`` switches a default-on setting off.
    """
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}.")


def _number(name: str, parse: Callable[[str], Any], what: str) -> Any:
    """``parse`` of the variable's value, None when it is unset or empty; a value ``parse``
    refuses is a startup error saying it must be ``what``."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return None
    try:
        return parse(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be {what}; got {raw!r}.") from None


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    """Read a whole number, at least ``minimum`` when one is given; unset or empty gives the default."""
    value = _number(name, int, "a whole number")
    if value is None:
        return default
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {os.environ[name]!r}.")
    return value


def env_float(name: str, default: float) -> float:
    """Read a number such as ``1.1`` (finite); unset or empty gives the default."""
    value = _number(name, float, "a number such as 1.1")
    if value is None:
        return default
    if not math.isfinite(value):
        raise ImproperlyConfigured(f"{name} must be a finite number; got {os.environ[name]!r}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list, ignoring blanks; set but empty gives an empty list."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: list[str]) -> str:
    """Read a variable that must be one of a few known words; unset or empty gives the default."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {raw!r}.")
    return value


def env_url(name: str, schemes: tuple[str, ...]) -> str:
    """Read an optional URL variable ("" when unset); a URL of another scheme is a startup error."""
    raw = (os.environ.get(name) or "").strip()
    if raw and not raw.startswith(tuple(f"{scheme}://" for scheme in schemes)):
        raise ImproperlyConfigured(f"{name} must start with {' or '.join(s + '://' for s in schemes)}; got {raw!r}.")
    return raw


def env_rate(name: str, default: str) -> str:
    """Read a DRF throttle rate such as ``100/minute``; a malformed one is a startup error."""
    raw = os.environ.get(name, "").strip() or default
    if not _RATE.fullmatch(raw):
        raise ImproperlyConfigured(f"{name} must look like 100/minute (per second, minute, hour or day); got {raw!r}.")
    return raw

"""The user's config folder and the settings kept in it.

The folder is ``platformdirs.user_config_dir("digest")`` (``~/.config/digest`` on Linux),
or ``$DIGEST_CONFIG_DIR`` when that is set. It holds ``settings.json`` and a ``themes/``
folder for the user's own themes.

Settings are read forgivingly and written carefully. A settings file that cannot be read
or parsed never stops digest: :func:`load_settings` returns the defaults with a one-line
warning for the caller to show. Writing goes to a temporary file in the same folder that
then replaces ``settings.json`` in one step, so a crash mid-write leaves the old file
whole. A corrupt file is never overwritten: it is first renamed ``settings.json.bad``.

This module is imported by the command line on its plain-output path, so it must not
import Textual, and imports the rest only when it is used.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CONFIG_DIR_ENV = "DIGEST_CONFIG_DIR"
"""Environment variable that, when set, names the config folder instead."""

SETTINGS_FILE = "settings.json"
"""Name of the settings file in the config folder."""

DEFAULTS: dict[str, Any] = {"theme": None}
"""Settings of a first run; the keys of a saved file replace these. The app's other choices
(``view``, ``sort``, ``unread_only``) are read with :func:`remembered`, which gives ``None``
for a choice never made."""


def config_dir() -> Path:
    """The folder of the user's settings and themes; it may not exist yet.

    Returns:
        ``$DIGEST_CONFIG_DIR`` when set and not empty, else the platform's config folder
        for digest.
    """
    return user_folder(CONFIG_DIR_ENV, "config")


def user_folder(override_env: str, kind: str) -> Path:
    """A folder of digest's for the user: ``$override_env`` when set, else the platform's.

    Args:
        override_env: the environment variable that names the folder instead.
        kind: ``config`` or ``data`` (platformdirs' user_config_dir or user_data_dir).
    """
    override = os.environ.get(override_env)
    if override:
        return Path(override).expanduser()
    import platformdirs

    find = platformdirs.user_data_dir if kind == "data" else platformdirs.user_config_dir
    # appauthor=False: on Windows, AppData\Local\digest rather than ...\digest\digest.
    return Path(find("digest", appauthor=False))


def settings_path() -> Path:
    """Where the settings are stored."""
    return config_dir() / SETTINGS_FILE


def load_settings() -> tuple[dict[str, Any], str | None]:
    """Read the settings, falling back to the defaults when the file is missing or broken.

    Returns:
        The settings (the defaults updated with the file's keys), and ``None`` or, when
        the file exists but cannot be used, one line naming it and saying why.
    """
    saved, problem = _read(settings_path())
    if problem is not None:
        return dict(DEFAULTS), f"{problem}; using the default settings"
    return {**DEFAULTS, **(saved or {})}, None


def save_settings(settings: dict[str, Any]) -> Path | None:
    """Write ``settings`` atomically, first renaming a corrupt settings file aside.

    Args:
        settings: JSON-serialisable settings, usually those of :func:`load_settings`
            with a change.

    Returns:
        Where a corrupt settings file was kept (``settings.json.bad``...), for the caller
        to tell the user, or ``None`` when there was none.

    Raises:
        TypeError: a value cannot be written as JSON (nothing on disk is changed).
        OSError: the folder or file cannot be written (the old file is left whole).
    """
    import json

    text = json.dumps(settings, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    kept: Path | None = None
    if os.path.lexists(path) and _read(path)[1] is not None:
        kept = _set_aside(path)
    _write_atomically(path, text)
    return kept


def remembered(key: str, allowed: Iterable[object]) -> Any:
    """The value the user last chose for ``key`` when it is one of ``allowed``, else ``None``.

    Never raises for a missing or bad file, nor for a value a newer or older digest wrote.
    """
    value = load_settings()[0].get(key)
    try:
        return value if value in list(allowed) else None
    except TypeError:  # an unhashable or incomparable value from a hand-edited file
        return None


def remember(key: str, value: object) -> Path | None:
    """Save ``value`` as the user's choice for ``key``, keeping the other settings.

    Returns:
        Where a corrupt settings file was kept, as :func:`save_settings` does.

    Raises:
        OSError: the settings cannot be written.
    """
    settings, _ = load_settings()
    settings[key] = value
    return save_settings(settings)


def remembered_theme() -> str | None:
    """The name of the theme the user last chose, if any; never raises for a bad file."""
    theme = load_settings()[0].get("theme")
    return theme if isinstance(theme, str) and theme else None


def remember_theme(name: str) -> Path | None:
    """Save ``name`` as the theme to open with next time, keeping the other settings.

    Returns:
        Where a corrupt settings file was kept, as :func:`save_settings` does.

    Raises:
        OSError: the settings cannot be written.
    """
    return remember("theme", name)


def _read(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The settings saved at ``path`` (``None`` if there is no file), or why they are unusable."""
    import json

    try:
        if (kind := special_file(path)) is not None:
            # Reading a pipe at settings.json would hold the app for ever.
            return None, f"{path}: is {kind}, not a settings file"
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except UnicodeDecodeError:
        return None, f"{path}: not UTF-8 text"
    except OSError as err:
        return None, f"{path}: cannot be read ({err.strerror or err})"
    try:
        saved = json.loads(text)
    except json.JSONDecodeError as err:
        return None, f"{path}: not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})"
    except RecursionError:
        return None, f"{path}: not valid JSON (nested too deeply)"
    if not isinstance(saved, dict):
        return None, f"{path}: expected a JSON object, found {type(saved).__name__}"
    return saved, None


def special_file(path: Path) -> str | None:
    """``"a pipe"``, ``"a socket"`` or ``"a device"`` when ``path`` is one (a link is followed).

    Files digest reads on its own (the settings, the feed list) are checked first: opening
    a pipe waits for a writer that may never come, and a device may never end.

    Returns:
        What it is, or ``None`` for a regular file, a folder, or a path that cannot be
        looked at (reading it then says why).
    """
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def _set_aside(path: Path) -> Path:
    """Rename ``path`` to the first free ``NAME.bad``, ``NAME.bad.1``, ...; returns the new path."""
    candidate = path.with_name(f"{path.name}.bad")
    number = 0
    while os.path.lexists(candidate):
        number += 1
        candidate = path.with_name(f"{path.name}.bad.{number}")
    path.rename(candidate)
    return candidate


def _write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step, via a temporary file beside it."""
    import tempfile

    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        # Whatever stopped the write, the half-written temporary file must not stay behind.
        os.unlink(temporary)
        raise

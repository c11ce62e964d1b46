"""The app's themes: TOML files, each loaded into one Textual :class:`~textual.theme.Theme`.

The themes digest ships are in the repository's ``themes/`` folder, which the wheel carries
as ``digest/_themes``. The user's own go in ``<config folder>/themes`` (see
:mod:`digest.config`) and replace a shipped theme of the same name. A theme file::

    name = "digest-dark"        # required: what --theme and the command palette show
    dark = true                 # optional (default true): a dark or a light theme
    primary = "#6cb4e4"         # required, as Textual requires it
    accent = "#f2b661"          # optional: secondary, accent, foreground, background,
                                # surface, panel, boost, warning, error, success
    luminosity_spread = 0.15    # optional: the step between derived shades

    [variables]                 # optional: Textual's design variables, by name
    footer-key-foreground = "#f2b661"

Colours are anything :meth:`textual.color.Color.parse` reads. A variable must be one
Textual defines and hold what Textual expects there (a colour such as ``"#fff 50%"``,
``"auto 87%"`` for text colours, or a text style such as ``"bold underline"`` for the
``*-style`` ones), because a bad value would otherwise stop the app when it builds its
stylesheet. A broken file never stops the app: :func:`load_themes` returns one line per
broken file beside the themes that did load.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Iterable
from difflib import get_close_matches
from functools import cache
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from digest.config import config_dir
from digest.errors import ThemeError, one_line

COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
"""The colours a theme file may set, as the :class:`~textual.theme.Theme` fields of those names."""

KEYS = ("name", "dark", *COLOUR_KEYS, "luminosity_spread", "variables")
"""Every top-level key a theme file may hold."""

MAX_BYTES = 64 * 1024
"""Largest theme file read; a theme is a few dozen lines."""

_DECLARATION_VALUE = re.compile(r"[A-Za-z0-9#%.,() _-]+")
"""Characters a variable's value may hold: none that could end a CSS declaration early."""


def theme_dirs() -> list[Path]:
    """The folders themes are loaded from, in order: later ones win a name.

    Returns:
        The shipped themes folder (when found), then the user's ``<config folder>/themes``,
        which may not exist.
    """
    shipped = _shipped_dir()
    return [*([shipped] if shipped else []), config_dir() / "themes"]


def load_theme(path: str | os.PathLike[str]) -> Theme:
    """Read one theme file.

    Args:
        path: A TOML theme file.

    Returns:
        The theme, ready for ``App.register_theme``.

    Raises:
        ThemeError: the file cannot be read, is not TOML, or does not describe a theme.
    """
    path = Path(path)
    data = _read_toml(path)
    unknown = [key for key in data if key not in KEYS]
    if unknown:
        raise ThemeError(path, _unknown("key", unknown[0], KEYS, show=True))
    name = data.get("name")
    if name is None:
        raise ThemeError(path, 'no name: add a line such as name = "my-theme"')
    if not isinstance(name, str) or not name.strip() or not name.isprintable():
        raise ThemeError(path, "name must be a non-empty line of text in quotes")
    if "primary" not in data:
        raise ThemeError(path, 'no primary colour: add a line such as primary = "#6cb4e4"')
    colours = {key: _colour(path, key, data[key]) for key in COLOUR_KEYS if key in data}
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeError(path, "dark must be true or false")
    spread = data.get("luminosity_spread", 0.15)
    if isinstance(spread, bool) or not isinstance(spread, int | float) or not 0 <= spread <= 1:
        raise ThemeError(path, "luminosity_spread must be a number from 0 to 1")
    variables = _variables(path, data.get("variables", {}))
    if "boost" in colours:
        # Textual ignores `boost` when `panel` is set or the theme is light (textual/design.py);
        # as the variable too, it means what the file says in every theme.
        variables.setdefault("boost", colours["boost"])
    return Theme(
        name=name,
        primary=colours["primary"],
        secondary=colours.get("secondary"),
        accent=colours.get("accent"),
        foreground=colours.get("foreground"),
        background=colours.get("background"),
        surface=colours.get("surface"),
        panel=colours.get("panel"),
        boost=colours.get("boost"),
        warning=colours.get("warning"),
        error=colours.get("error"),
        success=colours.get("success"),
        dark=dark,
        luminosity_spread=float(spread),
        variables=variables,
    )


def load_themes() -> tuple[list[Theme], list[str]]:
    """Read every theme in :func:`theme_dirs`; a broken file is reported, never raised.

    Returns:
        The themes, one per name (a user's theme replaces a shipped one of the same name),
        and one line per file or folder that could not be used, naming it and saying why.
    """
    themes: dict[str, Theme] = {}
    problems: list[str] = []
    if _shipped_dir() is None:
        looked_in = ", ".join(map(str, _shipped_candidates()))
        problems.append(one_line(f"digest's own themes are missing (looked in {looked_in})"))
    for folder in theme_dirs():
        found_here: dict[str, Path] = {}
        for path in _theme_files(folder, problems):
            try:
                theme = load_theme(path)
            except ThemeError as err:
                problems.append(str(err))
                continue
            if theme.name in found_here:
                first = found_here[theme.name].name
                reason = f"theme {theme.name!r} is already in {first}; this file is ignored"
                problems.append(one_line(f"{path}: {reason}"))
                continue
            found_here[theme.name] = path
            themes[theme.name] = theme
    return list(themes.values()), problems


def _shipped_candidates() -> tuple[Path, Path]:
    """Where the shipped themes may be: in the installed wheel, then in a checkout."""
    package = Path(__file__).resolve().parents[1]
    return package / "_themes", package.parent / "themes"


def _shipped_dir() -> Path | None:
    """The folder of the themes digest ships, or ``None`` if it cannot be found."""
    wheel, checkout = _shipped_candidates()
    if wheel.is_dir():
        return wheel
    # Next to an installed package, a "themes" folder would be another project's: only a
    # checkout (an editable install) has its pyproject.toml beside it.
    if checkout.is_dir() and (checkout.parent / "pyproject.toml").is_file():
        return checkout
    return None


def _theme_files(folder: Path, problems: list[str]) -> list[Path]:
    """The ``*.toml`` files in ``folder`` by name, hidden ones left out; a problem is noted."""
    try:
        entries = sorted(folder.iterdir())
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        problems.append(one_line(f"{folder}: not a folder, so no themes are read from it"))
        return []
    except OSError as err:
        problems.append(one_line(f"{folder}: cannot be read ({err.strerror or err})"))
        return []
    return [
        entry
        for entry in entries
        if entry.suffix.lower() == ".toml" and not entry.name.startswith(".")
    ]


def _read_toml(path: Path) -> dict[str, Any]:
    """The TOML document in ``path``, or a :class:`ThemeError` saying why there is none."""
    try:
        info = path.stat()
    except OSError as err:
        raise ThemeError(path, f"cannot be read ({err.strerror or err})") from err
    if stat.S_ISDIR(info.st_mode):
        raise ThemeError(path, "is a folder, not a theme file")
    if not stat.S_ISREG(info.st_mode):
        # A pipe or a device could block or never end.
        raise ThemeError(path, "is not a regular file")
    if info.st_size > MAX_BYTES:
        raise ThemeError(path, f"is larger than {MAX_BYTES // 1024} KiB, too large for a theme")
    try:
        raw = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as err:
        raise ThemeError(path, f"cannot be read ({err.strerror or err})") from err
    if b"\0" in raw:
        raise ThemeError(path, "holds binary data, not TOML text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ThemeError(path, f"is not UTF-8 text (bad byte at offset {err.start})") from err
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ThemeError(path, f"is not valid TOML: {err}") from err
    except RecursionError as err:
        raise ThemeError(path, "is not valid TOML: nested too deeply") from err


def _colour(path: Path, key: str, value: object) -> str:
    """``value`` if it is a colour Textual reads, else a :class:`ThemeError`."""
    if not isinstance(value, str):
        raise ThemeError(path, f'{key} must be a colour in quotes, such as {key} = "#6cb4e4"')
    try:
        Color.parse(value)
    except ColorParseError as err:
        hint = (
            f"did you mean {err.suggested_color!r}?"
            if err.suggested_color
            else "use a colour such as '#6cb4e4'"
        )
        raise ThemeError(path, f"{key} = {value!r} is not a colour; {hint}") from err
    return value


def _variables(path: Path, table: object) -> dict[str, str]:
    """The ``[variables]`` table checked name by name, else a :class:`ThemeError`."""
    if not isinstance(table, dict):
        raise ThemeError(path, "variables must be a table: a [variables] section")
    known = _textual_variables()
    variables: dict[str, str] = {}
    for name, value in table.items():
        if name not in known:
            raise ThemeError(path, _unknown("variable", name, known))
        if not isinstance(value, str):
            raise ThemeError(path, f"variable {name} must be text in quotes")
        if not _is_declaration_value(known[name], value):
            expected = {
                "text-style": "a text style such as 'bold underline' or 'none'",
                "color": "a colour such as '#6cb4e4', '#ffffff 60%' or 'auto 87%'",
                "background": "a colour such as '#6cb4e4' or '#ffffff 60%'",
            }[known[name]]
            raise ThemeError(path, f"variable {name} = {value!r} is not {expected}")
        variables[name] = value
    return variables


@cache
def _textual_variables() -> dict[str, str]:
    """Each design variable Textual defines, with the CSS property its value must suit.

    Text styles go in ``text-style``; colours whose default is ``auto`` (text drawn in
    contrast to what is under it) in ``color``, which accepts ``auto``; the other colours
    in ``background``, which does not, as they are also drawn as backgrounds.
    """
    from textual.design import ColorSystem

    defaults = ColorSystem(primary="#000000", dark=True).generate()
    return {
        name: "text-style"
        if "style" in name.split("-")
        else "color"
        if default.startswith("auto")
        else "background"
        for name, default in defaults.items()
    }


def _is_declaration_value(css_property: str, value: str) -> bool:
    """Whether Textual's CSS parser accepts ``value`` for ``css_property``."""
    from textual.css.errors import DeclarationError
    from textual.css.styles import Styles
    from textual.css.tokenizer import TokenError

    if not _DECLARATION_VALUE.fullmatch(value) or not value.strip():
        return False
    try:
        Styles.parse(f"{css_property}: {value};", read_from=("theme", ""))
    except (DeclarationError, TokenError):
        return False
    return True


def _unknown(kind: str, name: str, choices: Iterable[str], *, show: bool = False) -> str:
    """``unknown key 'x'`` and the closest choice, or all if ``show`` and none is close."""
    choices = list(choices)
    close = get_close_matches(name, choices, n=1)
    if close:
        return f"unknown {kind} {name!r}; did you mean {close[0]!r}?"
    if show:
        return f"unknown {kind} {name!r}; the {kind}s are {', '.join(choices)}"
    return f"unknown {kind} {name!r}"

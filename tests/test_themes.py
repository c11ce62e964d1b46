"""Theme files: shipped ones load, read well and apply; user ones load; broken ones are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.design import ColorSystem
from textual.theme import Theme
from textual.widgets import Footer, Input, OptionList, Static

from digest.ui.themes import ThemeError, load_theme, load_themes, theme_dirs

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = {
    "dark.toml": ("digest-dark", True),
    "light.toml": ("digest-light", False),
    "high-contrast.toml": ("digest-high-contrast", True),
}
GOOD = 'name = "mine"\ndark = false\nprimary = "#336699"\n'


@pytest.fixture
def user_themes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's themes folder inside a temporary config folder."""
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "config" / "themes"
    folder.mkdir(parents=True)
    return folder


def app_variables(theme: Theme) -> dict[str, str]:
    """The design variables an app gets from ``theme``, as ``App.get_css_variables`` builds them."""
    return {**theme.to_color_system().generate(), **theme.variables}


def test_theme_dirs_are_the_shipped_folder_then_the_users(user_themes: Path) -> None:
    assert theme_dirs() == [ROOT / "themes", user_themes]


@pytest.mark.parametrize("filename", sorted(SHIPPED))
def test_each_shipped_theme_loads(filename: str) -> None:
    theme = load_theme(ROOT / "themes" / filename)
    assert isinstance(theme, Theme)
    assert (theme.name, theme.dark) == SHIPPED[filename]


def test_the_shipped_themes_load_without_problems(user_themes: Path) -> None:
    themes, problems = load_themes()
    assert problems == []
    assert sorted(theme.name for theme in themes) == sorted(name for name, _ in SHIPPED.values())


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def _on(value: str, under: Color) -> Color:
    """The colour a variable's value (``#hex``, ``#hex 60%``, ``auto 87%``) shows on ``under``."""
    colour, _, percent = value.partition(" ")
    alpha = float(percent.rstrip("%")) / 100 if percent else None
    if colour == "auto":
        return under + under.get_contrast_text(alpha if alpha is not None else 1.0)
    parsed = Color.parse(colour)
    return under + (parsed.with_alpha(alpha) if alpha is not None else parsed)


def _contrast(a: Color, b: Color) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Text the app draws, on what it draws it (digest/ui/digest.tcss, cards.py, reader.py).
TEXT_ON = [
    *[
        (text, ground)
        for text in ("text", "text-muted", "foreground")
        for ground in ("background", "surface", "panel", "boost")
    ],
    *[
        (text, ground)
        for text in ("text-accent", "text-primary", "text-success", "text-warning", "text-error")
        for ground in ("surface", "boost")
    ],
    ("text-accent", "accent-muted"),
    ("footer-key-foreground", "footer-background"),
    ("footer-foreground", "footer-background"),
    ("block-cursor-foreground", "block-cursor-background"),
]


@pytest.mark.parametrize("filename", sorted(SHIPPED))
def test_shipped_themes_meet_wcag_contrast(filename: str) -> None:
    """AA (4.5:1) for every text colour the app uses; AAA (7:1) in the high-contrast theme."""
    theme = load_theme(ROOT / "themes" / filename)
    variables = app_variables(theme)
    page = Color.parse(variables["background"])
    minimum = 7.0 if "high-contrast" in filename else 4.5
    poor = []
    for text, ground in TEXT_ON:
        under = _on(variables[ground], page)
        ratio = _contrast(_on(variables[text], under), under)
        if ratio < minimum:
            poor.append(f"${text} on ${ground}: {ratio:.2f}")
    assert poor == []


def test_high_contrast_is_pure_white_on_pure_black() -> None:
    variables = app_variables(load_theme(ROOT / "themes" / "high-contrast.toml"))
    black = Color.parse("#000000")
    assert Color.parse(variables["background"]) == black
    assert _on(variables["text"], black) == Color.parse("#ffffff")


def test_boost_is_the_colour_the_file_gives() -> None:
    """Textual drops `boost` when `panel` is set; the focused card would not stand out."""
    variables = app_variables(load_theme(ROOT / "themes" / "dark.toml"))
    assert Color.parse(variables["boost"]) == Color.parse("#2b313c")


class _Sampler(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Headline", id="status")
        yield Input("query")
        yield OptionList("one", "two")
        yield Footer()


@pytest.mark.parametrize("filename", sorted(SHIPPED))
async def test_shipped_theme_applies_in_an_app(filename: str) -> None:
    """A variable Textual cannot read stops the app when it builds its stylesheet."""
    theme = load_theme(ROOT / "themes" / filename)
    app = _Sampler()
    app.register_theme(theme)
    async with app.run_test() as pilot:
        app.theme = theme.name
        await pilot.pause()
        assert app.current_theme.name == theme.name
        assert app.screen.styles.background == Color.parse(app_variables(theme)["background"])


def test_a_user_theme_is_loaded(user_themes: Path) -> None:
    (user_themes / "mine.toml").write_text(GOOD, encoding="utf-8")
    themes, problems = load_themes()
    assert problems == []
    mine = {theme.name: theme for theme in themes}["mine"]
    assert (mine.primary, mine.dark) == ("#336699", False)


def test_a_user_theme_replaces_a_shipped_one_of_the_same_name(user_themes: Path) -> None:
    (user_themes / "dark.toml").write_text(
        'name = "digest-dark"\nprimary = "#ff00ff"\n', encoding="utf-8"
    )
    themes, problems = load_themes()
    assert problems == []
    assert [theme.primary for theme in themes if theme.name == "digest-dark"] == ["#ff00ff"]


BROKEN = {
    "bad-toml.toml": (b'name = "x"\nprimary = \n', "is not valid TOML"),
    "bad-colour.toml": (b'name = "x"\nprimary = "#12345"\n', "primary = '#12345' is not a colour"),
    "no-name.toml": (b'primary = "#336699"\n', "no name"),
    "no-primary.toml": (b'name = "x"\n', "no primary colour"),
    "binary.toml": (bytes(range(256)), "binary data"),
    "latin-1.toml": ('name = "café"\nprimary = "#336699"\n'.encode("latin-1"), "not UTF-8"),
    "typo.toml": (b'name = "x"\nprimry = "#336699"\n', "did you mean 'primary'?"),
    "dark-text.toml": (
        b'name = "x"\nprimary = "#336699"\ndark = "yes"\n',
        "dark must be true or false",
    ),
    "bad-variable.toml": (
        b'name = "x"\nprimary = "#336699"\n[variables]\nfooter-key-foreground = "blah"\n',
        "variable footer-key-foreground = 'blah' is not a colour",
    ),
    "sneaky-variable.toml": (
        b'name = "x"\nprimary = "#336699"\n[variables]\nborder = "red; } Screen { color: red"\n',
        "variable border",
    ),
    "bad-style.toml": (
        b'name = "x"\nprimary = "#336699"\n[variables]\nlink-style = "wiggly"\n',
        "is not a text style",
    ),
    "unknown-variable.toml": (
        b'name = "x"\nprimary = "#336699"\n[variables]\nfooter-key-foregound = "#ffffff"\n',
        "did you mean 'footer-key-foreground'?",
    ),
    "deep.toml": (b"a = " + b"[" * 600 + b"]" * 600 + b"\n", "nested too deeply"),
}


@pytest.mark.parametrize("filename", sorted(BROKEN))
def test_a_broken_file_is_one_line_naming_it_and_the_rest_still_load(
    user_themes: Path, filename: str
) -> None:
    content, reason = BROKEN[filename]
    broken = user_themes / filename
    broken.write_bytes(content)
    (user_themes / "mine.toml").write_text(GOOD, encoding="utf-8")

    themes, problems = load_themes()

    assert len(problems) == 1
    assert (
        problems[0].startswith(f"{broken}: ") and reason in problems[0] and "\n" not in problems[0]
    )
    assert {"mine", "digest-dark", "digest-light", "digest-high-contrast"} <= {
        theme.name for theme in themes
    }
    with pytest.raises(ThemeError) as caught:
        load_theme(broken)
    assert str(caught.value) == problems[0]
    assert caught.value.path == broken


def test_a_folder_named_like_a_theme_is_reported(user_themes: Path) -> None:
    (user_themes / "folder.toml").mkdir()
    themes, problems = load_themes()
    assert problems == [f"{user_themes / 'folder.toml'}: is a folder, not a theme file"]
    assert len(themes) == len(SHIPPED)


def test_a_dangling_link_is_reported(user_themes: Path) -> None:
    (user_themes / "gone.toml").symlink_to(user_themes / "nowhere.toml")
    _, problems = load_themes()
    assert len(problems) == 1 and problems[0].startswith(
        f"{user_themes / 'gone.toml'}: cannot be read"
    )


def test_a_file_in_place_of_the_themes_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path))
    (tmp_path / "themes").write_text(GOOD, encoding="utf-8")
    themes, problems = load_themes()
    assert problems == [f"{tmp_path / 'themes'}: not a folder, so no themes are read from it"]
    assert len(themes) == len(SHIPPED)


def test_two_user_files_with_one_name_keep_the_first(user_themes: Path) -> None:
    (user_themes / "a.toml").write_text(GOOD, encoding="utf-8")
    (user_themes / "b.toml").write_text(GOOD.replace("#336699", "#993366"), encoding="utf-8")
    themes, problems = load_themes()
    assert [theme.primary for theme in themes if theme.name == "mine"] == ["#336699"]
    assert (
        len(problems) == 1
        and problems[0].startswith(f"{user_themes / 'b.toml'}: ")
        and "a.toml" in problems[0]
    )


def test_other_files_in_the_themes_folder_are_ignored(user_themes: Path) -> None:
    (user_themes / "notes.txt").write_text("not a theme", encoding="utf-8")
    (user_themes / ".mine.toml.swp").write_bytes(b"\0\1")
    (user_themes / ".hidden.toml").write_bytes(b"\0\1")
    themes, problems = load_themes()
    assert problems == []
    assert len(themes) == len(SHIPPED)


def test_every_textual_default_variable_value_is_accepted(tmp_path: Path) -> None:
    """The variable check must not reject what Textual itself uses (guards Textual upgrades)."""
    defaults = ColorSystem(primary="#336699", dark=True).generate()
    lines = [GOOD, "[variables]"] + [
        f"{name} = {json.dumps(value)}" for name, value in defaults.items()
    ]
    path = tmp_path / "all.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load_theme(path).variables == defaults

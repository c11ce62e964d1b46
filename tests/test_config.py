"""The config folder and the settings file: round trips, corrupt files, atomic writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from digest.config import (
    DEFAULTS,
    config_dir,
    load_settings,
    remember_theme,
    remembered_theme,
    save_settings,
    settings_path,
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty config folder that does not exist yet, named by DIGEST_CONFIG_DIR."""
    path = tmp_path / "config"
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(path))
    return path


def test_config_dir_is_the_environment_override(folder: Path) -> None:
    assert config_dir() == folder
    assert settings_path() == folder / "settings.json"


def test_without_an_override_the_platforms_folders_are_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """On every platform: the config and data folders are platformdirs' for "digest"."""
    import platformdirs

    from digest.library.store import data_dir

    asked: list[tuple[str, object]] = []

    def folder_for(kind: str) -> Callable[..., str]:
        def find(name: str, appauthor: object = None) -> str:
            asked.append((name, appauthor))
            return str(tmp_path / kind / name)

        return find

    monkeypatch.delenv("DIGEST_CONFIG_DIR", raising=False)
    monkeypatch.delenv("DIGEST_DATA_DIR", raising=False)
    monkeypatch.setattr(platformdirs, "user_config_dir", folder_for("config"))
    monkeypatch.setattr(platformdirs, "user_data_dir", folder_for("data"))
    assert config_dir() == tmp_path / "config" / "digest"
    assert data_dir() == tmp_path / "data" / "digest"
    # appauthor=False: on Windows AppData\Local\digest, not AppData\Local\digest\digest.
    assert asked == [("digest", False), ("digest", False)]


def test_first_run_gives_the_defaults_and_writes_nothing(folder: Path) -> None:
    assert load_settings() == (DEFAULTS, None)
    assert remembered_theme() is None
    assert not folder.exists()


def test_settings_round_trip(folder: Path) -> None:
    settings = {"theme": "digest-light", "sentences": 5, "note": "café ✓"}
    assert save_settings(settings) is None
    assert load_settings() == (settings, None)


def test_remembered_theme_survives_and_keeps_other_settings(folder: Path) -> None:
    save_settings({"theme": None, "sentences": 5})
    remember_theme("digest-high-contrast")
    assert remembered_theme() == "digest-high-contrast"
    assert load_settings()[0]["sentences"] == 5


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"theme": "digest-dark",', "not valid JSON"),
        (b"", "not valid JSON"),
        (b'["digest-dark"]', "expected a JSON object"),
        (b'{"theme": "caf\xe9"}', "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
    ],
)
def test_corrupt_settings_give_defaults_a_warning_and_are_kept(
    folder: Path, content: bytes, reason: str
) -> None:
    folder.mkdir()
    path = folder / "settings.json"
    path.write_bytes(content)

    settings, warning = load_settings()
    assert settings == DEFAULTS
    assert (
        warning is not None and str(path) in warning and reason in warning and "\n" not in warning
    )
    assert remembered_theme() is None
    assert path.read_bytes() == content, "reading must not change the file"

    kept = remember_theme("digest-light")
    assert kept == folder / "settings.json.bad"
    assert kept.read_bytes() == content
    assert load_settings() == ({"theme": "digest-light"}, None)


def test_an_earlier_corrupt_copy_is_not_overwritten(folder: Path) -> None:
    folder.mkdir()
    (folder / "settings.json.bad").write_text("first")
    (folder / "settings.json").write_text("second")
    assert save_settings({"theme": "digest-dark"}) == folder / "settings.json.bad.1"
    assert (folder / "settings.json.bad").read_text() == "first"
    assert (folder / "settings.json.bad.1").read_text() == "second"


def test_a_folder_in_place_of_the_settings_file_is_reported_and_moved_aside(folder: Path) -> None:
    (folder / "settings.json").mkdir(parents=True)
    settings, warning = load_settings()
    assert settings == DEFAULTS and warning is not None and "cannot be read" in warning
    assert save_settings({"theme": "digest-dark"}) == folder / "settings.json.bad"
    assert load_settings() == ({"theme": "digest-dark"}, None)


def test_save_leaves_only_the_settings_file(folder: Path) -> None:
    save_settings({"theme": "digest-dark"})
    save_settings({"theme": "digest-light"})
    assert sorted(os.listdir(folder)) == ["settings.json"]
    assert json.loads((folder / "settings.json").read_text(encoding="utf-8")) == {
        "theme": "digest-light"
    }


def test_a_failed_write_keeps_the_old_file_and_no_temporary_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings({"theme": "digest-dark"})
    before = (folder / "settings.json").read_bytes()

    def fail(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        remember_theme("digest-light")
    assert (folder / "settings.json").read_bytes() == before
    assert sorted(os.listdir(folder)) == ["settings.json"]


def test_a_value_json_cannot_hold_changes_nothing(folder: Path) -> None:
    save_settings({"theme": "digest-dark"})
    with pytest.raises(TypeError):
        save_settings({"theme": object()})
    assert load_settings() == ({"theme": "digest-dark"}, None)
    assert sorted(os.listdir(folder)) == ["settings.json"]


def test_config_does_not_import_textual(folder: Path) -> None:
    """The command line reads the settings on its plain-output path, which must start fast."""
    code = (
        "import sys, digest.config as c; c.load_settings(); c.config_dir();"
        " print('textual' in sys.modules)"
    )
    # No override: the platform's folder is looked up (platformdirs must not import Textual
    # either), under a home of the test's own.
    home = str(folder.parent / "home")
    env = {**os.environ, "DIGEST_CONFIG_DIR": "", "HOME": home, "XDG_CONFIG_HOME": home}
    env |= {"APPDATA": home, "LOCALAPPDATA": home}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "False"

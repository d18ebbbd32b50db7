from pathlib import Path

import pytest
from pydantic import ValidationError

from pixmill.settings import Settings


def test_defaults_are_the_documented_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PIXMILL_DATA_DIR", "PIXMILL_PUBLIC_URL", "PIXMILL_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.data_dir == Path("./data")
    assert settings.public_url == "http://127.0.0.1:8080"
    assert settings.allow_private_sources is False
    assert settings.rate_limit_per_minute == 600
    assert settings.ssl_base_url == settings.public_url


def test_environment_beats_the_toml_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "pixmill.toml"
    config.write_text('public_url = "https://img.example/"\nrate_limit_per_minute = 5\n')
    monkeypatch.setenv("PIXMILL_CONFIG", str(config))
    monkeypatch.setenv("PIXMILL_RATE_LIMIT_PER_MINUTE", "7")
    monkeypatch.setenv("PIXMILL_ALLOW_PRIVATE_SOURCES", "true")
    settings = Settings()
    assert settings.public_url == "https://img.example"  # trailing slash dropped
    assert settings.rate_limit_per_minute == 7
    assert settings.allow_private_sources is True


def test_invalid_values_fail_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIXMILL_WORKERS", "0")
    with pytest.raises(ValidationError):
        Settings()


def test_every_setting_is_documented() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, name

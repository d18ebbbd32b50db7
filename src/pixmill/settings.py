"""The typed settings tree, built once at start-up and handed to each room.

Sources, highest first: explicit keyword arguments (the CLI's flags), environment variables
with the prefix ``PIXMILL_``, the TOML file named by ``PIXMILL_CONFIG``, then the defaults.
The four names the deployment contract fixes (``PIXMILL_DATA_DIR``, ``PIXMILL_PUBLIC_URL``,
``PIXMILL_ALLOW_PRIVATE_SOURCES``, ``PIXMILL_RATE_LIMIT_PER_MINUTE``) are top-level fields, so
the tree is kept flat: each room receives the few values it needs through its constructor.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


class Settings(BaseSettings):
    """Every setting of the server. Each field's description is its documentation."""

    model_config = SettingsConfigDict(env_prefix="PIXMILL_", extra="forbid", frozen=True)

    # Deployment
    data_dir: Path = Field(Path("./data"), description="Database and stored media live here.")
    public_url: str = Field(
        "http://127.0.0.1:8080",
        description="Base of every returned link; never taken from the request's Host header.",
    )
    tls_url: str | None = Field(
        None, description="The deployment's https base URL, used for ssl_link when set."
    )
    host: str = Field("127.0.0.1", description="Address `pixmill serve` binds to.")
    port: int = Field(8080, ge=1, le=65535, description="Port `pixmill serve` binds to.")

    # Sources
    allow_private_sources: bool = Field(
        False, description="Let `img` URLs reach loopback, private and link-local addresses."
    )
    fetch_timeout: float = Field(10.0, gt=0, le=120, description="Total deadline of one fetch (s).")
    fetch_max_bytes: int = Field(
        40 * 1024 * 1024, gt=0, description="Largest source download, counted after decompression."
    )
    fetch_max_redirects: int = Field(5, ge=0, le=10, description="Redirect hops followed.")
    max_sources_per_request: int = Field(
        32, ge=1, le=256, description="Distinct input URLs one request may name."
    )
    allowed_sources: list[str] = Field(
        default_factory=list,
        description="If set, the only hosts `img` URLs may name: exact names, or `*.example.com`"
        " for any subdomain. Checked on every redirect hop.",
    )

    # HTTP
    max_body_bytes: int = Field(
        40 * 1024 * 1024, gt=0, description="Largest request body (uploads included)."
    )
    max_query_bytes: int = Field(16384, ge=1024, description="Longest query string (414 past it).")
    body_timeout: float = Field(
        30.0, gt=0, description="Time allowed to receive a request body (s)."
    )
    max_form_fields: int = Field(200, ge=1, description="Most fields in one form body.")
    max_field_bytes: int = Field(1024 * 1024, ge=1024, description="Largest non-file form field.")
    max_header_bytes: int = Field(
        32768, ge=4096, description="Largest request line plus headers (431 past it)."
    )
    header_timeout: float = Field(
        10.0, gt=0, description="Time allowed to receive a request's headers (s); then 408."
    )
    max_connections: int = Field(
        1000, ge=1, description="Open client connections `pixmill serve` accepts (503 past it)."
    )
    signing_key: SecretStr | None = Field(
        None,
        description="When set, every endpoint call must carry `sig`, an HMAC-SHA256 of its"
        " path and parameters under this key (docs/security.md); others get 403.",
    )
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description="Peers whose X-Forwarded-For is believed (exact addresses).",
    )

    # Images
    max_megapixels: float = Field(50.0, gt=0, description="Largest input image, in megapixels.")
    max_side: int = Field(16384, ge=64, description="Largest output side, in pixels.")
    max_input_side: int = Field(
        65535, ge=64, description="Largest input side, in pixels (its area is capped too)."
    )
    max_frames: int = Field(200, ge=1, description="Most animation frames processed.")
    max_animation_megapixels: float = Field(
        100.0, gt=0, description="Canvas area times frame count allowed for an animation."
    )
    max_jpeg_scans: int = Field(
        100, ge=10, description="Most scans in a progressive JPEG (each re-walks the image)."
    )
    jpeg_quality: int = Field(85, ge=1, le=100, description="Default JPEG/WebP output quality.")
    jpeg_optimize_coding: bool = Field(
        False,
        description="Optimise JPEG Huffman tables: about 5% smaller files for 10-15% more CPU "
        "on a 1080p thumbnail (measured, docs/benchmarks.md).",
    )

    # Workers (architecture.md §4.6)
    workers: int = Field(2, ge=1, le=64, description="Worker processes that decode and process.")
    worker_threads: int = Field(1, ge=1, le=16, description="libvips threads per worker.")
    queue_size: int = Field(16, ge=0, description="Jobs that may wait for a worker before 429.")
    job_timeout: float = Field(30.0, gt=0, description="Wall-clock limit of one job (s).")
    worker_memory_mb: int = Field(
        3072, ge=256, description="Address-space limit of a worker process (MiB)."
    )
    worker_max_tasks: int = Field(500, ge=0, description="Jobs before a worker is recycled.")

    # Models
    models_dir: Path = Field(
        Path("./models"),
        description="Model files (`pixmill models install` fills it; may be pre-provisioned).",
    )

    # Limits
    rate_limit_per_minute: int = Field(600, ge=1, description="Requests per client IP per minute.")
    rate_limit_storage: str = Field(
        "memory://", description="`limits` storage URI: memory:// or redis://host:port."
    )

    @field_validator("public_url", "tls_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else value

    @property
    def ssl_base_url(self) -> str:
        """Where ssl_link points: the TLS URL, else the public URL (https or not, it opens)."""
        return self.tls_url or self.public_url

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = os.environ.get("PIXMILL_CONFIG")
        if config_file:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        return tuple(sources)

"""pixmill: a self-hosted server for the PixLab API."""

__version__ = "0.1.0"

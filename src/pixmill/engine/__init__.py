"""The image engine: pure functions on decoded images. No HTTP, no network or disk I/O."""

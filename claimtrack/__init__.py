"""claimtrack: extract, track and verify claims made in news articles."""

__version__ = "0.1.0"

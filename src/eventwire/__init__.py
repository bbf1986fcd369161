"""eventwire: news articles about armed conflict in, a verified log of events out."""

__version__ = "0.1.0"

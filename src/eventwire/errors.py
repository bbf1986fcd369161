"""Errors a user can act on.

Every failure that reaches a user names the input and the reason; stages raise
these (never bare Exception) so the pipeline can report the input and go on
with the rest.
"""


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input could not be read or is not what it claims to be."""


class EmptyDocument(EventwireError):
    """An input held no article text (empty, whitespace, or all boilerplate)."""


class ConfigError(EventwireError):
    """A setting or option is invalid (bad --db URL, bad filter)."""

"""Errors a user can act on, and their coded messages.

Every failure that reaches a user names the input and the reason; stages raise
these (never bare Exception) so the pipeline can report the input and go on
with the rest.

Messages live in ``Errors`` in spaCy's style: one attribute per message, its
name the code, read with its code in front (``Errors.E001.format(...)`` gives
"[E001] ..."), so a user can search for the code and a test can match it.
Codes are never reused; a stage adopts the catalogue by moving its message
here and raising ``SomeError(Errors.Exxx.format(...))``.
"""


class _Coded(type):
    """Reading ``Errors.E001`` gives the message with "[E001] " in front."""

    def __getattribute__(cls, code: str):
        msg = super().__getattribute__(code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {msg}"
        return msg


class Errors(metaclass=_Coded):
    # config
    E001 = "{name} must be a number, not {raw!r}"
    E002 = "{name} must be positive, not {raw!r}"
    # extract
    E101 = "unknown relative period kind {kind!r} for {phrase!r} in time_expressions.json"


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input could not be read or is not what it claims to be."""


class EmptyDocument(EventwireError):
    """An input held no article text (empty, whitespace, or all boilerplate)."""


class ConfigError(EventwireError):
    """A setting or option is invalid (bad --db URL, bad filter)."""


class LexiconError(EventwireError, KeyError):
    """A packaged word list holds an entry the rules cannot read."""

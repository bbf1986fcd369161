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
import re


class _Coded(type):
    """Reading ``Errors.E001`` gives the message with "[E001] " in front."""

    def __getattribute__(cls, code: str):
        msg = super().__getattribute__(code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {msg}"
        return msg


class Errors(metaclass=_Coded):
    # config and engines (E0xx)
    E001 = "{name} must be a number, not {raw!r}"
    E002 = "{name} must be positive, not {raw!r}"
    E010 = "unknown engine {kind!r}: use one of {choices}"
    E011 = "--workers must be at least 1, not {workers}"
    E012 = "--scheduler needs --engine dask"
    E013 = "--engine dask needs the 'distributed' package: {why}"
    E014 = "cannot reach the Dask scheduler at {scheduler!r}: {why}"
    # extract (E1xx)
    E101 = "unknown relative period kind {kind!r} for {phrase!r} in time_expressions.json"
    # ingest: files and bytes (E2xx)
    E201 = "{source}: {size} bytes is over the {limit}-byte limit"
    E202 = "{source}: cannot read ({why})"
    E203 = "{source}: over the {limit}-byte limit"
    E204 = "{source}: empty file"
    E205 = "{source}: binary file (NUL bytes), not text"
    E206 = "{source}: not text in any known encoding"
    E207 = "{source}: no such file or folder"
    E208 = "{source}: unexpected error reading it ({kind}: {why})"
    # ingest: records and JSONL lines
    E210 = "{source}: field '{field}' should be a string, got {kind}"
    E211 = "{source}: expected a JSON object, got {kind}"
    E212 = "{source}: field 'file' should be a path string"
    E213 = "{source}: line longer than the {limit}-byte limit"
    E214 = "{source}: malformed JSON ({why} at column {column})"
    E215 = "{source}: JSON nested too deeply"
    E216 = "{source}: unexpected error reading the line ({kind}: {why})"
    # ingest: feeds
    E220 = "{source}: malformed feed XML ({why})"
    E221 = "{source}: not a feed (no RSS, Atom or JSON Feed found)"
    E222 = "{source}: malformed JSON Feed ({why} at line {line})"
    E223 = "{source}: JSON Feed nested too deeply"
    E224 = "{source}: JSON Feed without an 'items' list"
    E225 = "{source}: feed declares a DTD or entities; refused (entity expansion is unsafe)"
    # ingest: URLs
    E230 = "{source}: only http and https URLs are fetched"
    E231 = "{source}: bad host or port ({why})"
    E232 = "{source}: no host in URL"
    E233 = "{source}: cannot resolve host ({why})"
    E234 = "{source}: refusing private or local address {address} (set {env}=1 to allow)"
    E235 = "{source}: unsupported Content-Encoding {encoding!r}"
    E236 = "{source}: corrupt compressed body ({why})"
    E237 = "{source}: fetch failed ({why})"
    E238 = "{source}: redirect without a Location"
    E239 = "{source}: HTTP {status}"
    E240 = "{source}: more than {limit} redirects"
    E241 = "{source}: response of {size:,} bytes is over the {limit:,}-byte limit"
    E242 = "{source}: took longer than {seconds:g} s in all; stopped"
    E243 = "{source}: response over the {limit:,}-byte limit (after decompression)"
    E244 = "{source}: empty response"
    E245 = "{source}: unexpected error fetching it ({kind}: {why})"
    # ingest: WARC
    E250 = "{source}: page over the {limit:,}-byte limit"
    E251 = "{source}: not a gzip member; skipped to the next record"
    E252 = "{source}: not a gzip member; nothing readable after it"
    E253 = "{source}: truncated: the file ends inside this record"
    E254 = "{source}: corrupt compressed record ({why})"
    E255 = "{source}: record over the {limit:,}-byte limit; skipped"
    E256 = "{source}: unreadable WARC record ({kind}: {why})"
    # clean (E3xx)
    E301 = "{source}: record has neither text nor html"
    E302 = "{source}: {kind} is {size:,} characters, over the limit of {limit:,}"
    E303 = "{source}: no text"
    E304 = "{source}: nothing left after removing boilerplate"
    E305 = ("{source}: html is {size:,} characters ({slim:,} without scripts, styles and inline data),"
            " over the limit of {limit:,}")
    E306 = "{source}: HTML could not be parsed ({kind})"
    E307 = "line model: features, mean, scale and coef differ in length"
    E308 = "line model was trained on other features than linefeatures.FEATURE_NAMES; retrain it"
    # store (E4xx)
    E401 = "cannot use database {url!r}: {why}"
    # serve: command line (E5xx)
    E501 = "{name} must be a date like 2023-05-24, not {value!r}"
    E502 = "no event {event!r}"
    E503 = "--what must be events, documents or claims"
    E504 = "--format must be jsonl, csv, geojson, acled-csv or acled-extras"
    E505 = "--format {format} is for events only"
    E506 = "name at least one feed, or a file of feeds with --feeds"
    E507 = "{source}:{line}: malformed JSON ({why}); skipped"
    E508 = "{source}:{line}: needs an object with a 'text' string; skipped"
    # serve: API
    E520 = "must not be after until ({until})"
    E521 = "{format} is for events only, not {what}"
    E522 = "no document {document!r}"
    E523 = "no such file"
    E524 = "not a served asset"
    E525 = "{package}/{file} is not installed: run make install"
    # serve: watch
    E540 = "interval must be at least {minimum} s, not {interval}"
    E541 = "{source}: no such file"
    E542 = "{source}: interval {raw!r} is not a number of seconds"
    E543 = "{source}: interval {raw!r} is below {minimum:g} s"
    E544 = "{source}: expected a feed and an optional interval, got {count} words"
    E545 = "{source}: OPML declares a DTD or entities; refused"
    E546 = "{source}: malformed OPML ({why})"
    E547 = "{source}: over the {limit:,}-byte limit for a list of feeds"
    E548 = "{source}: names no feeds"


_CODE = re.compile(r"\[[EW]\d{3}\] ")


def uncoded(message: str) -> str:
    """``message`` without the code in front (to compare a reason's words, whatever its code)."""
    return _CODE.sub("", message, count=1) if _CODE.match(message) else message


def reason(message: str, source: str) -> str:
    """A coded message as a report line that already names ``source`` shows it: code kept, source cut.

    ``"[E204] a.txt: empty file"`` for source ``a.txt`` gives ``"[E204] empty file"``.
    """
    code = _CODE.match(message)
    head = code.group(0) if code else ""
    return head + message[len(head):].removeprefix(f"{source}: ")


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

"""Which lines of a flat text are page furniture rather than reporting.

A line is judged by its shape and by the concept its words belong to, never by
a list of whole sentences: a credit is a label and a short name ("Photo: X",
"X/Agency"), a byline is "By" and a name with at most a date after it, a
call to action speaks to the reader without attributing anything, and so on.
The rules run in the order of ``LINE_RULES``; the first that fires names the
reason.  Rules that need neighbours (runs of related links, repeats) run
afterwards over the survivors, in ``linklists.drop_link_runs`` and ``repeats.drop_repeats``.

Every rule errs towards keeping: a dropped sentence of real reporting costs an
event, a kept share button costs nothing downstream.  Rules that would also
match news prose are therefore limited to short lines and skip lines that
attribute or quote (``looks_like_reporting``).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from eventwire.clean.blocks import Unit
from eventwire.clean.features import (
    EMAIL, LOOKALIKE_LETTER, PHONE, capitalised, ends_sentence, has_letters, is_title_case, looks_like_reporting, mixed_script_words,
    normalise, strip_bullet, strip_dates_and_times, title_case_share, url_share, words, MINOR_WORDS,
)
from eventwire.clean.lexicon import Lexicon, load_lexicon
from eventwire.clean.widgets import BYLINE_REASON, caption_label, comment_header, counter_or_price, name_and_role, position_label
from eventwire.datelines import BARE as BARE_DATELINE
from eventwire.phrases import alternation

# --- thresholds (characters or words of one line) ---------------------------
# Captions on news pages run 40-250 characters; a caption is dropped whole only
# up to this length, a longer line only loses its trailing credit.
CAPTION_MAX_CHARS = 300
# Furniture lines (share bars, cookie notes, contact lines, spam) are short;
# the limit keeps a paragraph that merely mentions "cookies" or a newsletter.
SHORT_LINE_CHARS = 200
# Reader appeals run to two or three sentences ("We're here to ... Support
# our work."); measured up to ~350 characters on donation boxes.
CTA_MAX_CHARS = 400
LEAD_IN_MAX_CHARS = 250
# The longest whole-line button label in the lexicon is under 40 characters.
UI_LINE_MAX_CHARS = 60
# A credit names a person and/or an agency: "Jane Doe/Reuters" is 3 words.
CREDIT_MAX_WORDS = 8
# Metadata lines ("Published: ... | Updated: ... | A+A A-") hold dates, times,
# labels and at most a name or a place besides.
METADATA_MAX_CHARS = 200
METADATA_RESIDUE_MAX_WORDS = 4
BYLINE_MAX_CHARS = 150
BYLINE_RESIDUE_MAX_WORDS = 6
EMBED_MAX_CHARS = 800
SOCIAL_PREFIX_MAX_WORDS = 5
TAG_LIST_MIN_ITEMS = 4
TAG_ITEM_MAX_WORDS = 3
URL_SHARE_MIN = 0.5
BARE_DATELINE_MAX_WORDS = 4
# A line whose words are written with look-alike letters from two alphabets is
# obfuscated (advertising, spam), whatever it says: at least this many such
# words, and this share of all its words.  A scientific line with a Greek
# letter or two ("α-synuclein", "μm") stays under both; obfuscated text swaps
# letters in most of its words.  Set by hand, not tuned on the evaluation pages.
LOOKALIKE_MIN_WORDS = 3
LOOKALIKE_MIN_SHARE = 0.3
LINK_LINE_MIN_WORDS = 2
LINK_LINE_MAX_WORDS = 20
# Repeated paragraphs (pull quotes, a standfirst repeated in the body) are
# dropped from their second appearance when at least this long; shorter
# repeats are left to the other rules ("Read more here." is caught anyway).
REPEAT_MIN_WORDS = 5

SEPARATORS = re.compile(r"[|•·▪◦∙—–/()\[\],;]+|\s-\s|^-|-$")
LEAD_IN_BARE = re.compile(
    r"^\W*(?i:read more|also read|read also|see also|related(?: articles| stories| news)?|more on this)"
    r"\s*(?:[:|>»›–—-]+|(?=\s+[A-Z\d\"“']))",
)
# lower-case particles inside a person's name in a byline ("By Ana de la Cruz")
NAME_PARTICLES = load_lexicon().groups["byline_name_particles"]
NAME_WORD = rf"(?:[A-Z][\w'’.-]*|(?:{alternation(NAME_PARTICLES)})\b)"
ONE_NAME = rf"[A-Z][\w'’.-]*(?:\s+{NAME_WORD}){{0,4}}"
BYLINE = re.compile(rf"^\W*(?:(?i:story|words|text|written|reporting|report|article|interview|interviewed)\s+)?(?:by|BY|By)\s+(?P<names>{ONE_NAME}(?:\s*(?:,|and|&)\s*{ONE_NAME})*)(?P<rest>.*)$")
CONTACT_LABEL = re.compile(r"^\W*(?:contact(?: us)?|e-?mail|tel|telephone|phone|fax|whatsapp)\s*[:*]", re.I)
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}", re.I)
TWEET_SIGNATURE = re.compile(r"[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$")
# A trailing credit: "... father. Credit: AP", "... base. Image by X/Y.com".
TRAILING_CREDIT = re.compile(
    r"(?:^|(?<=[.!?)\s]))\s*[(\[]?\s*(?:photos?|images?|pictures?|pic|credits?|photograph|illustration|graphic)"
    r"(?:\s+credits?)?\s*(?::|\bby\b|\bcourtesy(?:\s+of)?\b)\s*(?P<who>[^!?:;()\[\]\"“”«»]{1,80}?)\s*[)\]]?\s*\.?\s*$",
    re.IGNORECASE,
)

HANDLE = re.compile(r"@\w+")
TRUNCATED = re.compile(r"\s(?:…|\.\.\.)\s*$")  # a line cut short: "... where tens of …"
NAME_SEPARATOR = re.compile(r"\s(?:and|&)\s")  # "By Jane Doe and John Roe": "and" joins names, it is no word of one
METADATA_LEAD = re.compile(rf"^\W*(?:{alternation(load_lexicon().groups['metadata_labels'])})\b", re.IGNORECASE)
SLASH_CREDIT_TAIL = re.compile(r"(?<=[.!?])\s+(?P<who>[^.!?]*/[^!?]*?)\s*$")
# A slash credit in brackets closing a caption: "... drones (Planet Labs PBC via AP/PA)", "(Jane Doe/PA)".
PAREN_CREDIT_TAIL = re.compile(r"\s*\((?P<who>[^()]{2,80})\)\s*$")


@dataclass(frozen=True)
class Verdict:
    """What happens to one unit: kept (possibly trimmed) or dropped, and why."""

    unit: Unit
    keep: bool
    text: str  # the text kept (the unit's text, or less when a credit was trimmed)
    reason: str = ""
    removed: tuple[str, ...] = ()  # the pieces that went to Document.removed

    def drop(self, reason: str) -> Verdict:
        return replace(self, keep=False, text="", reason=reason, removed=(self.unit.text,))


Rule = Callable[[str, Lexicon], str | None]


# --- single-line rules --------------------------------------------------------
def residue(text: str, lex: Lexicon) -> str | None:
    """Stray numbers, rules and bullets: nothing to read."""
    if not has_letters(text) or len(text) <= 2:
        return "no words"
    return None


def lookalike_letters(text: str, lex: Lexicon) -> str | None:
    """Words spelt with Cyrillic or Greek look-alikes among Latin letters ("Аdvеrtіѕе wіth uѕ")."""
    if not LOOKALIKE_LETTER.search(text):  # no look-alike letter, no mixed word: not worth splitting the line
        return None
    mixed, total = mixed_script_words(text)
    if mixed >= LOOKALIKE_MIN_WORDS and mixed >= LOOKALIKE_MIN_SHARE * total:
        return "look-alike letters (obfuscated text)"
    return None


def ui_line(text: str, lex: Lexicon) -> str | None:
    """A whole line that is a button or a label ("Advertisement", "Share", "Support")."""
    if len(text) <= UI_LINE_MAX_CHARS and lex.has("whole_line_ui", normalise(strip_bullet(text))):
        return "page furniture"
    return None


LEAD_IN_REASON = "related-link or tag lead-in"


def lead_in(text: str, lex: Lexicon) -> str | None:
    """ "Related:", "Read more:", "Also read:", "Tags:", "In:" and the like."""
    if len(text) <= LEAD_IN_MAX_CHARS and (lex.lead_in_label.match(text) or LEAD_IN_BARE.match(text)):
        return LEAD_IN_REASON
    return None


CTA_REASON = "call to action"
COMMENT_PROMPT_REASON = "comment prompt"


def call_to_action(text: str, lex: Lexicon) -> str | None:
    """Donation, subscription and follow-us appeals that attribute nothing."""
    if len(text) <= CTA_MAX_CHARS and lex.cta.search(text) and not looks_like_reporting(text):
        return CTA_REASON
    return None


def comment_prompt(text: str, lex: Lexicon) -> str | None:
    if len(text) <= CAPTION_MAX_CHARS and lex.comment_prompt.search(text) and not looks_like_reporting(text):
        return COMMENT_PROMPT_REASON
    return None


def share_or_legal(text: str, lex: Lexicon) -> str | None:
    """Share bars, cookie notices, copyright lines."""
    if len(text) > SHORT_LINE_CHARS or looks_like_reporting(text):
        return None
    if lex.share_cookie.search(text) or COPYRIGHT.search(text):
        return "share, cookie or legal line"
    return None


def contact(text: str, lex: Lexicon) -> str | None:
    if len(text) <= SHORT_LINE_CHARS and (EMAIL.search(text) or PHONE.search(text) or CONTACT_LABEL.match(text)):
        return "contact line"
    return None


def _only_names_left(rest: str, max_words: int) -> bool:
    """After dates and separators go, is what is left a few capitalised words?"""
    rest, _ = strip_dates_and_times(rest)
    left = [w for w in words(SEPARATORS.sub(" ", rest)) if w.lower() not in MINOR_WORDS]
    return len(left) <= max_words and all(capitalised(w) for w in left)


def byline(text: str, lex: Lexicon) -> str | None:
    """ "By Jane Doe", "By Jane Doe • 30 May 2023 • 10:20", "By Jane Doe, Agency"."""
    if len(text) > BYLINE_MAX_CHARS:
        return None
    m = BYLINE.match(text)
    if not m or ends_sentence(m.group("names")) and m.group("rest").strip():
        return None
    if any(w.lower() in MINOR_WORDS - NAME_PARTICLES for w in NAME_SEPARATOR.sub(" ", m.group("names")).split()):
        return None  # "BY THE CANO FAMILY IN ...": a sentence in capitals, not a name
    if _only_names_left(m.group("rest"), BYLINE_RESIDUE_MAX_WORDS):
        return BYLINE_REASON
    return None


def credit_line(text: str, lex: Lexicon) -> str | None:
    """ "Reporting by ...; Editing by ...", "Jane Doe contributed reporting." """
    if len(text) <= CAPTION_MAX_CHARS and (lex.credit_line_label.match(text) or lex.credit_line_suffix.search(text)):
        return "reporting credit"
    return None


SYNDICATION_REASON = "syndication note"


def syndication_note(text: str, lex: Lexicon) -> str | None:
    """ "This article was originally published on X. Read the original article.": where a copy came from."""
    if len(text) <= CAPTION_MAX_CHARS and lex.syndication.search(text) and not looks_like_reporting(text):
        return SYNDICATION_REASON
    return None


def credit_label(text: str, lex: Lexicon) -> str | None:
    """A whole-line credit: "Photo: X", "Source: X", "Illustration by X"."""
    m = lex.credit_label.match(text) or (lex.credit_by.match(text.lstrip("([ ")))
    if m and len(words(text[m.end():])) <= CREDIT_MAX_WORDS and not looks_like_reporting(text[m.end():]):
        return "photo or source credit"
    return None


def credit_slash(text: str, lex: Lexicon) -> str | None:
    """ "Jane Doe / Agency / Getty": names and an agency split by slashes."""
    if "/" not in text or len(words(text)) > CREDIT_MAX_WORDS + 4 or ends_sentence(text):
        return None
    tokens = {normalise(t) for t in re.split(r"[/|,]| via ", text)} | set(normalise(text).split())
    if tokens & lex.groups["photo_agencies"] and is_title_case(HANDLE.sub("", text)):
        return "photo credit"
    return None


def caption_marker(text: str, lex: Lexicon) -> str | None:
    """ "(file image)" captions; "(left)"/"(pictured)" only on lines that are no sentence."""
    if len(text) > CAPTION_MAX_CHARS:
        return None
    if lex.caption_strong.search(text):
        return "photo caption"
    if lex.caption_weak.search(text) and not ends_sentence(text):
        return "photo caption"
    return None


METADATA_REASON = "date or metadata line"


def metadata_line(text: str, lex: Lexicon) -> str | None:
    """Dates, times, "Published:"/"Updated:" labels and font widgets, and little else."""
    if len(text) > METADATA_MAX_CHARS:
        return None
    rest, widgets = lex.widget.subn(" ", text)
    rest, labels = lex.metadata_label_any.subn(" ", rest)
    rest, dates = strip_dates_and_times(rest)
    if dates:  # a label before a date needs no colon: "First published on Thu 14 Mar 2024"
        rest, bare = METADATA_LEAD.subn(" ", rest)
        labels += bare
    if widgets + labels + dates == 0 or (labels and not dates and not widgets):
        return None
    if _only_names_left(rest, METADATA_RESIDUE_MAX_WORDS):
        return METADATA_REASON
    return None


def embedded_post(text: str, lex: Lexicon) -> str | None:
    """Residue of an embedded tweet or post: its link or its "— Name (@handle) date" signature."""
    if len(text) > EMBED_MAX_CHARS:
        return None
    lowered = text.lower()
    if any(marker in lowered for marker in lex.groups["embed_markers"]) or TWEET_SIGNATURE.search(text):
        return "embedded social-media post"
    return None


def social_handle(text: str, lex: Lexicon) -> str | None:
    """ "Channel Name on Telegram": a credit pointing at a social account."""
    m = re.match(r"^(?P<who>.{1,60}?)\s+(?:on|via)\s+(?P<net>[\w ]{1,20}?)\s*[.:]?\s*$", text)
    if not m or not lex.has("social_networks", m.group("net").strip()):
        return None
    who = words(m.group("who"))
    if len(who) <= SOCIAL_PREFIX_MAX_WORDS and all(capitalised(w) for w in who):
        return "social-media credit"
    return None


def link_line(text: str, lex: Lexicon) -> str | None:
    if url_share(text) >= URL_SHARE_MIN:
        return "link"
    return None


def tag_list(text: str, lex: Lexicon) -> str | None:
    """ "Russia, Ukraine, Drones, Belgorod": short capitalised items and no sentence."""
    items = [i.strip() for i in re.split(r"[,;|•·]", text) if i.strip()]
    if len(items) < TAG_LIST_MIN_ITEMS or ends_sentence(text) or len(text) > LEAD_IN_MAX_CHARS:
        return None
    if all(len(words(i)) <= TAG_ITEM_MAX_WORDS and title_case_share(i) == 1.0 for i in items):
        return "tag list"
    return None


def spam(text: str, lex: Lexicon) -> str | None:
    if len(text) <= SHORT_LINE_CHARS and lex.spam.search(text) and not looks_like_reporting(text):
        return "spam"
    return None


def bare_dateline(text: str, lex: Lexicon) -> str | None:
    """ "CNN —" alone on a line: an outlet dateline cut off from its paragraph."""
    if BARE_DATELINE.match(text) and len(words(text)) <= BARE_DATELINE_MAX_WORDS:
        return "bare dateline"
    return None


LINE_RULES: tuple[Rule, ...] = (
    residue,
    lookalike_letters,
    ui_line,
    lead_in,
    metadata_line,
    byline,
    credit_line,
    syndication_note,
    credit_label,
    credit_slash,
    caption_marker,
    embedded_post,
    social_handle,
    link_line,
    contact,
    call_to_action,
    comment_prompt,
    share_or_legal,
    tag_list,
    spam,
    bare_dateline,
    caption_label,  # clean/widgets.py
    comment_header,
    counter_or_price,
    name_and_role,
    position_label,
)


def trailing_credit(text: str, lex: Lexicon) -> re.Match[str] | None:
    """A credit at the end of a line whose "who" looks like a name or an agency.

    Either labelled ("Credit: AP", "Image by X") or an unlabelled slash credit
    after the last sentence ("... history. Jane Doe/Getty Images") or in
    brackets at the end ("... drones (Planet Labs PBC via AP/PA)").
    """
    m = TRAILING_CREDIT.search(text)
    if not m:
        for pattern in (SLASH_CREDIT_TAIL, PAREN_CREDIT_TAIL):
            tail = pattern.search(text)
            if tail and credit_slash(tail.group("who"), lex):
                return tail
        return None
    who = m.group("who").strip()
    if not who or ". " in who or len(words(who)) > CREDIT_MAX_WORDS or not capitalised(who):
        return None
    if title_case_share(who) < 0.6:
        return None
    return m


def judge(unit: Unit, lex: Lexicon) -> Verdict:
    """Apply the line rules to one unit; trim a trailing credit off long lines."""
    verdict = Verdict(unit=unit, keep=True, text=unit.text)
    for rule in LINE_RULES:
        reason = rule(unit.text, lex)
        if reason:
            return verdict.drop(reason)
    credit = trailing_credit(unit.text, lex)
    if credit:
        # a bracketed credit closes a caption that may be the only report of its scene: only the credit goes
        if len(unit.text) <= CAPTION_MAX_CHARS and credit.re is not PAREN_CREDIT_TAIL:
            return verdict.drop("photo caption with credit")
        kept = unit.text[: credit.start()].rstrip()
        return replace(verdict, text=kept, reason="credit trimmed", removed=(unit.text[credit.start():].strip(),))
    return verdict


def judge_all(units: list[Unit], lex: Lexicon) -> list[Verdict]:
    return [judge(u, lex) for u in units]


# --- rules over neighbours ------------------------------------------------------
def is_link_shaped(text: str) -> bool:
    """A headline-shaped line: a few words, capital start, no closing full stop.

    A headline cut short to fit a teaser box ("Israeli strikes pound city where tens of …")
    ends in an ellipsis after a space: that closes no sentence.
    """
    body = strip_bullet(text)
    n = len(words(body))
    return (
        LINK_LINE_MIN_WORDS <= n <= LINK_LINE_MAX_WORDS
        and (not ends_sentence(body) or bool(TRUNCATED.search(body)))
        and capitalised(body.lstrip("\"“'‘«")[:1] or "a")
        and not body.rstrip().endswith((",", ":", ";"))
    )

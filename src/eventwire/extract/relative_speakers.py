"""A speaker told in a relative clause vouches for what follows it, not the sentence's first speaker.

"The military said it had killed a commander in an air strike, an attack that Gaza health officials said
also killed six members of his family": the six dead are the health officials' figure.  The sentence's
claimant (``claims.ClaimExtractor.claimant``) is its first speaker, the military; a figure after a verb of
speech in a clause on a noun above it is that clause's speaker's (the parser hangs "killed six" on either
the speech verb or the noun).
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from eventwire.extract.vocab import words

RELATIVE_PRONOUNS = words("function_words", "relative_pronouns")


def relative_speaker(tok: Token, speech: set[str], phrase: Callable[[Token], str]) -> str | None:
    """The claimant of the figure ``tok`` told after a relative clause's verb of speech on a noun above it
    ("an attack that officials said killed six"), else None (``phrase``: the claimant's name of a token)."""
    for noun in tok.ancestors:
        said = next((c for c in noun.children if c.dep_ == "relcl" and c.i < tok.i
                     and c.lemma_.lower() in speech and c.pos_ in ("VERB", "AUX")), None)
        subj = next((c for c in said.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS),
                    None) if said is not None else None
        if subj is not None:
            return phrase(subj) or None
    return None

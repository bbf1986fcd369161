"""Irregular past forms the tagger reads as present: told past to every rule that reads tense.

The small model has not seen every irregular form: it tags "forces retook the town" as a present
(VBP, lemma 'retook'), and the rules that read tense then take a done deed for a general statement
("a present tense in reported speech").  A simple past or participle of an irregular verb
(lexicons/irregular_forms.json) is never a present tense, so where the tagger says present the
attribute ruler says past and gives the verb's lemma.  A form that is itself a verb's lemma
("found", "saw", "bore") is left alone: there the present may be right.
"""
from __future__ import annotations

from spacy.language import Language

from eventwire.data import load_json

# the tags a mis-read past form gets: a present (or base) form of a verb it does not know
PRESENT_TAGS = ["VBP", "VBZ", "VB"]


def _same_form_pasts() -> frozenset[str]:
    return frozenset(lemma for lemma, forms in load_json("lexicons", "irregular_forms.json")["forms"].items() if lemma in forms)


# "set", "hit", "put": the verb's present is also its past, so the tagger's choice between them is a guess
SAME_FORM_PASTS = _same_form_pasts()


def past_beside_past(tok) -> bool:
    """'Assailants set fire to a house; no one was hurt': a form that is also its own past, tagged present
    under a verb in the past, is read with that verb's tense (English backshifts: the present of a
    clause beside or below a past one would be 'sets' or 'have set')."""
    return tok.lower_ in SAME_FORM_PASTS and tok.tag_ == "VBP" and tok.head.tag_ in ("VBD", "VBN")


def past_forms(verb_lemmas: set[str]) -> dict[str, tuple[str, str]]:
    """form -> (tag, lemma): the first listed form is the simple past (VBD), a second the participle (VBN)."""
    out: dict[str, tuple[str, str]] = {}
    for lemma, forms in load_json("lexicons", "irregular_forms.json")["forms"].items():
        for k, form in enumerate(forms):
            # "dying", "says" are not past forms; "hit", "set" are also the present; "found" is a verb too
            if form == lemma or form.endswith(("ing", "s")) or form in verb_lemmas:
                continue
            out.setdefault(form, ("VBN" if k == 1 else "VBD", lemma))
    return out


def add(nlp: Language) -> Language:
    """Add the past-form rules to the model's attribute ruler (after its own, so they win)."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return nlp
    verbs = set(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])
    ruler = nlp.get_pipe("attribute_ruler")
    for form, (tag, lemma) in sorted(past_forms(verbs).items()):
        morph = "Tense=Past|VerbForm=Fin" if tag == "VBD" else "Aspect=Perf|Tense=Past|VerbForm=Part"
        ruler.add([[{"LOWER": form, "TAG": {"IN": PRESENT_TAGS}}]],
                  {"TAG": tag, "POS": "VERB", "MORPH": morph, "LEMMA": lemma})
    return nlp

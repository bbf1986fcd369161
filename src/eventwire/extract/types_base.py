"""The event-type rules' shared parts: ACLED names, the word lists they read, the hit record and
small parse tests (a doer's deed, a definite act, a simple past).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.extract.vocab import load_json, table, words

ENACTMENT_VERBS = words("event_words", "enactment_verbs")
# links by which a deed word hangs inside what an enactment verb acts out ("simulating the defence of the flank
# against an attack", "practise intercepting aircraft"); a clause of its own (advcl, conj, ccomp) is not inside
ENACTED_LINKS = ("dobj", "pobj", "prep", "xcomp", "compound", "amod", "nmod")

REMOTE = "Explosions/Remote violence"
ARMED_CLASH = "Armed clash"

PEACEFUL = "Peaceful protest"
RIOTS = "Riots"
LOOTING = "Looting/property destruction"
MOB_VIOLENCE = "Mob violence"
VIOLENT_DEMONSTRATION = "Violent demonstration"

# Instrument concepts in order of precedence when a sentence names several:
# the most specific weapon decides ("a suicide bomber detonated an explosive").
INSTRUMENT_PRECEDENCE = (
    "suicide bombing",
    "chemical weapons",
    "grenades",
    "planted explosives",
    "aircraft and drones",
    "artillery, rockets and missiles",
    "guns and ground assault",
)

GROUND = "guns and ground assault"

# Fallback sub-types for strike triggers with no instrument in the sentence.
STRIKE_DEFAULTS = table("event_words", "strike_defaults")

# bombs with no weapon named: a planted charge when an armed group is named, else unknown (air or ground)
ARMED_BOMB_LEMMAS = words("event_words", "armed_bomb_lemmas")

# "said", "reported": the speech verbs of the claims rules, as a headline's source ("..., doctors say")
SPEECH_LEMMAS = frozenset(load_json("lexicons", "claims.json")["speech_lemmas"])
MONTH_NAMES = frozenset(m.lower() for m in load_json("lexicons", "time_expressions.json")["months"])

# what 'went off' needs as its subject to tell an explosion
EXPLOSIVE_SUBJECTS = words("event_words", "explosive_subjects")

# explosions that may be accidents: need a weapon or an armed agent when the setting is industrial
ACCIDENT_PRONE = words("event_words", "accident_prone")
# "a gas explosion", "petrol bombs": what burns is fuel, not a weapon that explodes
FUEL_MODIFIERS = words("event_words", "fuel_modifiers")

# kept for callers of the old module: strike triggers too generic to stand alone
WEAK_STRIKE_LEMMAS = words("event_words", "weak_strike_lemmas")

def _doers_deed(tok: Token) -> bool:
    """'Those who massacred six priests': a past deed told of the people who did it, so it was done."""
    return tok.dep_ == "relcl" and tok.tag_ == "VBD" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in tok.children)

def to_death(tok: Token) -> bool:
    """'Beaten to death', 'stoned to death': the verb's 'to death' phrase."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "death" for g in c.children)
               for c in tok.children)


def clause_verb(trigger: Token) -> Token | None:
    """The verb whose clause tells a deed: the trigger itself, or the nearest verb above an event noun."""
    return next((t for t in (trigger, *trigger.ancestors) if t.pos_ in ("VERB", "AUX")), None)


BACKDROP_MARKS = frozenset({"as", "while"})
INTERVAL_UNITS = frozenset(load_json("lexicons", "time_expressions.json")["interval_units"]["days"])  # hour, day


def backdrop(trigger: Token, deeds: list[Token]) -> bool:
    """'A drone strike hit a market ..., as the army battles Fano militiamen in the region': a deed told in the
    present in an 'as' or 'while' clause beside another deed of the sentence (``deeds``: the event words) is
    the backdrop of that news, an ongoing campaign; alone ("fatalities reported as gunmen attack a hotel", a
    headline's present) it is the news."""
    verb = clause_verb(trigger)
    if verb is None or verb.tag_ not in ("VBZ", "VBP", "VBG") or verb.dep_ != "advcl" \
            or not any(c.dep_ == "mark" and c.lower_ in BACKDROP_MARKS for c in verb.children):
        return False
    return any(d.i != verb.i and not verb.is_ancestor(d) for d in deeds)


def timed_apart(hit: "TypeHit", hits: list["TypeHit"]) -> bool:
    """'Israeli warplanes struck Hodeidah on Wednesday, a day after a drone launched from Yemen hit a hotel in
    Eilat and wounded 22 people': a deed in a clause with its own subject told, a count of time apart, as
    what another followed ('a day after', 'hours after') is another deed, judged apart (its weapon, its
    dead); without the count it may tell how the deed went ('an attack forced the hospital to close after
    gunmen opened fire inside'); not one a 'before' clause tells, often how the same happening ended ('a
    siege that lasted nine hours before security forces killed the last of the gunmen'), nor among a
    protest's words, whose outcome a clause of sequence tells ('clashed after police fired')."""
    if any(h.event_type in ("Protests", "Riots") for h in hits):
        return False
    for verb in (hit.trigger, *hit.trigger.ancestors):
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in AFTER_PREPOSITIONS), None)
        if mark is not None and any(c.dep_ == "nsubj" for c in verb.children):
            # timed by a count of time ("a day after", "hours after"); the parse may make that clause the root
            return mark.i > 0 and mark.doc[mark.i - 1].lemma_.lower() in INTERVAL_UNITS and hit.trigger.i > mark.i
    return False


def active_acl(verb: Token) -> bool:
    """'Armed bandits killed 20 people in an attack, residents said': the parser hangs the deed's verb on its
    subject as a clause ('bandits [who were] killed'); a past verb with an object of its own and no 'by'
    agent is active ('drones launched by Russia' has none), so the noun it hangs on is its doer."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and any(c.dep_ == "dobj" for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


def participle_host(tok: Token) -> Token | None:
    """'Stormed a village on Saturday, beheading seven and burning dozens of homes': a participle set
    after a verb's clause (and the participles coordinated with it) tells how that deed went, in the same
    telling; the verb it hangs from, else None."""
    while tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.tag_ == "VBG":
        tok = tok.head
    return tok.head if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ == "VERB" else None


def phrase_noun(tok: Token) -> Token:
    """The noun a word's modifier and compound links end in: 'heavy' of 'heavy fighting' -> 'fighting';
    'Twenty' of 'Twenty Nigerien soldiers' -> 'soldiers'."""
    while tok.dep_ in ("amod", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def won_by(tok: Token) -> Token | None:
    """'Took control of the town after a day of heavy fighting': the word a fight named under 'after',
    'following' or 'amid' (through 'of' phrases) hangs from, else None. ACLED codes ground taken after a
    fight as the taking alone, so a clash hung from a taking is that taking's."""
    tok = phrase_noun(tok)  # 'heavy' of the phrase 'heavy fighting'
    for _ in range(3):
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return None
        prep = tok.head
        if prep.lower_ in WON_BY_PREPOSITIONS:
            return prep.head
        if prep.lower_ != "of":
            return None
        tok = prep.head
    return None


def content_clause(tok: Token) -> bool:
    """'Said in a statement that its aircraft had struck a depot': a clause with its own subject on a
    meeting noun tells what was said there, a report like 'said that'; 'a statement on the attacks' and
    'talks aimed at ending the fighting' only name a topic."""
    return tok.dep_ == "acl" and tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def enacting(tok: Token) -> Token | None:
    """The enactment verb ('simulate', 'rehearse', 'practise') whose act holds the deed word, if any."""
    while tok.dep_ in ENACTED_LINKS and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in ENACTMENT_VERBS:
            return tok
    return None


def bare_plural(tok: Token) -> bool:
    """'Attacks', 'civilians' with no determiner, number or possessive: the kind, not particular ones."""
    return tok.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children)


def _definite(tok: Token) -> bool:
    """'The attack', 'this raid': a determiner that points at one known act."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in tok.children)

def aux_host(verb: Token) -> Token:
    """The verb whose auxiliaries a coordinated verb shares ("had seized the town and kidnapped two
    officials", "must release the hostages and stop attacks"); a conjunct with an auxiliary or a
    subject of its own keeps its own, and any other verb is its own host."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children):
        verb = verb.head
    return verb

def _past_event(verb: Token) -> bool:
    """A simple past ("were used", "launched"): a report of something done, not a habit or a plan."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and bool(auxes) and all(a.tag_ == "VBD" for a in auxes)


def _headline_present(verb: Token) -> bool:
    """'Farmers block highway to protest price hike': a headline tells a done deed in the present and
    ends without a full stop; the main verb of such a line, with no auxiliary, reports one event.
    The main verb may hang from what heads the line: a source told after it ('Security forces kill
    three protesters, doctors say') or a label before a colon ('The Latest: Shelling hits hospital')."""
    sent = verb.sent
    if verb.tag_ not in ("VBZ", "VBP") or sent[-1].is_punct or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return True
    if verb.dep_ not in ("ccomp", "parataxis"):
        return False
    # 'Troops, rebels clash near town; 12 killed': a semicolon ends a headline's clause, whatever the parse hangs on it
    lo, hi = sorted((verb.i, verb.head.i))
    if any(t.text == ";" for t in verb.doc[lo:hi]):
        return True
    # every word above it is a label or a source's present verb: nothing else in the line is its main verb
    return all(a.pos_ not in ("VERB", "AUX") and a.lemma_ != "be"
               or a.lemma_.lower() in SPEECH_LEMMAS and a.tag_ in ("VBZ", "VBP")
               and not any(c.dep_ in ("aux", "auxpass") for c in a.children)
               for a in verb.ancestors)


# "the attack", "this raid": an act already told
DEFINITE_DETERMINERS = words("function_words", "definite_determiners")

# "the same day the senator was assassinated": a clause on a time word dates, it does not point back
TIME_NOUNS = words("event_words", "time_nouns")

# "after the assassination, the government ordered...": what the plan follows has happened
AFTER_PREPOSITIONS = words("function_words", "after_prepositions")
WON_BY_PREPOSITIONS = words("function_words", "won_by_prepositions")
TERRITORY_TYPES = ("Non-state actor overtakes territory", "Government regains territory")

# "ahead of the rally", "before the vote": what an act comes before has not happened yet
BEFORE_PREPOSITIONS = words("function_words", "before_prepositions")
ONSET_NOUNS = words("event_words", "onset_nouns")

# "information on the murder", "an inquiry into the attack": what a noun or verb is about
TOPIC_PREPOSITIONS = words("function_words", "topic_prepositions")

# gatherings that are often only the setting of another event ("a bomb exploded at a rally")
GATHERING_NOUNS = words("event_words", "gathering_nouns")

# "tried to strike" reports an attempt that happened; "used to strike" does not
ATTEMPT_LEMMAS = words("event_words", "attempt_lemmas")

FUTURE_AUX = words("function_words", "future_auxiliaries")
INDEFINITE_ARTICLES = words("function_words", "indefinite_articles")
PERCEPTION_VERBS = words("event_words", "perception_verbs")
DISTRIBUTIVE_DETERMINERS = words("function_words", "distributive_determiners")
CYCLE_NOUNS = words("function_words", "cycle_nouns")


def every_time(child: Token) -> bool:
    """'Killed every day', 'attack the city each night': a recurring time with 'every' or 'each' on a
    verb makes a habit of it, not one event."""
    return child.dep_ == "npadvmod" and child.lemma_.lower() in CYCLE_NOUNS and any(
        g.dep_ == "det" and g.lower_ in DISTRIBUTIVE_DETERMINERS for g in child.children)
TEMPORAL_MARKS = words("function_words", "temporal_marks")
UNIVERSAL_DETERMINERS = words("function_words", "universal_determiners")
PERFECT_AUXILIARIES = words("function_words", "perfect_auxiliaries")
CAMPAIGN_PERIODS = words("event_words", "campaign_periods")  # "for months": a period of weeks or longer


def open_period(verb: Token) -> Token | None:
    """A present perfect over a period still open ("has been shelled since May", "has been shelling the city
    for months", "since the invasion began, Russia has launched ..."), or a past perfect over one that ran up
    to a past time ("the army had killed 3,000 militants since the operation began"): a pattern of deeds, not
    one.  Periods shorter than weeks ("for hours") leave one deed told.  The word that opens the period, or None."""
    if verb.tag_ not in ("VBN", "VBG") or not any(
            a.dep_ == "aux" and a.lower_ in PERFECT_AUXILIARIES for a in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "since" or child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "for" and any(
                g.dep_ == "pobj" and g.tag_ == "NNS" and g.lemma_.lower() in CAMPAIGN_PERIODS for g in child.children):
            return child
    return None


def class_described(tok: Token) -> bool:
    """'All servicemen ... who laid down their arms are guaranteed life': a relative clause on a noun that
    is a whole class ('all', 'any', with no number), the subject of a present-tense statement, says whom the
    statement covers (a promise, a rule), not what someone did.  The parse may hang the clause on a noun
    joined to that subject, so the way up goes through conjuncts, appositions and 'of' phrases."""
    if tok.dep_ != "relcl":
        return False
    noun = tok.head
    while noun.dep_ in ("conj", "appos", "pobj", "prep") and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head  # its tense: its own, or its auxiliary's ("are guaranteed")
    present = verb.tag_ in ("VBP", "VBZ") or any(a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBP", "VBZ") for a in verb.children)
    return noun.dep_ in ("nsubj", "nsubjpass") and present \
        and any(c.dep_ in ("det", "predet") and c.lower_ in UNIVERSAL_DETERMINERS for c in noun.children) \
        and not any(c.dep_ == "nummod" for c in noun.children)


def shared_modal(t: Token) -> Token | None:
    """The modal a verb shares with another: a coordinated verb its host's ('the rebels must free the
    hostages and stop attacks'), and a present tense in a clause of time its head's, for English tells
    the future there in the present ('the offensive could begin once reinforcements arrive')."""
    host = aux_host(t) if t.pos_ == "VERB" else t
    if host is t and t.dep_ == "advcl" and t.tag_ in ("VBP", "VBZ") \
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS for c in t.children):
        host = t.head
    if host is t:
        return None
    return next((c for c in host.children if c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in FUTURE_AUX), None)


# places a territory trigger takes (else a proper-noun place)
TERRITORY_NOUNS = words("place_words", "place_nouns", use="territory_object")

# territory triggers that need an object to be territorial ("seized weapons" is not territory)
TERRITORY_NEEDS_OBJECT = words("event_words", "territory_needs_object")

WITHDRAW_LEMMAS = words("event_words", "withdraw_lemmas")

# fights that need no weapons: between crowds they are mob violence, not an armed clash
CROWD_CLASH_WORDS = words("event_words", "crowd_clash_words")

# firearms: a fight where they are named is armed, whoever fights
FIREARM_LEMMAS = words("event_words", "firearm_lemmas")

# how salient a sub-type is when one snippet holds several: specific beats generic
SPECIFIC = table("event_words", "subtype_salience")

# hits that a protest in the same sentence (or snippet) absorbs: they are its outcome
PROTEST_PARTS = words("event_words", "protest_parts")

@dataclass(frozen=True)
class TypeHit:
    trigger: Token
    trigger_text: str
    event_type: str
    sub_event_type: str
    concept: str
    reason: str
    weak: bool = False
    weapon: str = ""  # the instrument concept that gave the sub-type, if one did

def _key(text: str) -> str:
    return text.lower()


def phrase_end(t: Token, text: str) -> Token:
    """The last token of the trigger phrase ``text`` that starts at ``t`` (``t`` itself for one word)."""
    if len(text.split()) == 1 and "-" not in text:
        return t
    end = t.idx + len(text)
    for tok in t.doc[t.i: t.i + len(text.split()) + 3]:
        if tok.idx + len(tok.text) >= end:
            return tok
    return t


CHARACTERISING_VERBS = words("function_words", "characterising_verbs")
TREND_VERBS = words("event_words", "trend_verbs")


def kind_characterised(tok: Token) -> bool:
    """A bare plural subject of a verb that describes or measures ("Drone attacks on Moscow have become more
    frequent", "attacks rose in March"): English reads such a subject as the kind, not particular deeds.
    A determiner, a number or a possessive ("the attacks", "two attacks", "Russia's attacks") points at
    particular ones, and a verb of doing ("attacks killed two") tells them."""
    if not bare_plural(tok) or tok.dep_ != "nsubj":
        return False
    verb = tok.head
    lemma = verb.lemma_.lower()
    if lemma in TREND_VERBS:
        return True
    return lemma in CHARACTERISING_VERBS and any(c.dep_ in ("acomp", "attr") for c in verb.children)


def restated_in(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is the object of an 'in' phrase hung from ``verb`` or from the verb of speech that
    reports it ('X stormed Y, the army said, in an assault on Z'); not from another verb over it ('aircraft
    were damaged in the attack, two of them catching fire': the attack is the deed, the fire its outcome)."""
    prep = noun.head
    return verb.pos_ == "VERB" and noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "in" \
        and (prep.head.i == verb.i or prep.head.lemma_.lower() in SPEECH_LEMMAS and prep.head.is_ancestor(verb))


def coordinated_verb(tok: Token) -> Token | None:
    """The verb this one is coordinated with, sharing its subject ('beheaded five villagers and burned dozens of
    homes'), else None."""
    return tok.head if tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) else None


def sister_of(tok: Token, others: set[int]) -> bool:
    """Whether a verb coordinated with ``tok`` (its head or one of its own conjuncts) is one of ``others``."""
    return tok.dep_ == "conj" and tok.head.i in others or any(c.dep_ == "conj" and c.i in others for c in tok.children)


def in_month_or_year(verb: Token) -> bool:
    """'Began in August last year', 'erupted in 2012': an 'in' phrase on the verb naming a month or a year."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and (g.lower_ in MONTH_NAMES or g.shape_ == "dddd") for g in c.children)
        for c in verb.children)


def beside_deed(tok: Token, violent: set[int]) -> bool:
    """Whether a verb of destruction is told beside one of the ``violent`` deeds' words, as how that deed
    went: a participle or conjunct of its verb ("beheaded five and burned homes"), a sister verb of the same
    subject ("rode into the village and shot at residents, then set fire to homes"), or a verb coordinated
    with it ("opened fire inside and looted medicines")."""
    host = participle_host(tok) or coordinated_verb(tok)
    return host is not None and bool(violent & {host.i, *(c.i for c in host.children if c.dep_ == "conj")}) \
        or sister_of(tok, violent)


def hypothetical_subject(tok: Token) -> str | None:
    """'A missile strike would be a victory', 'an attack could come at any time': a deed named with
    'a' as the subject of a modal clause is one imagined, not one told ('the attack would be the
    deadliest' judges a known one, and stays)."""
    noun = tok.head if tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN" else tok
    if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if not any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in noun.children):
        return None
    modal = next((c for c in noun.head.children if c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX), None)
    if modal is None or noun.head.lemma_.lower() in PERCEPTION_VERBS:
        return None  # "an explosion could be heard": perceived, so it happened
    return f"'a {noun.text} {modal.text} …': a deed imagined, not reported"


def first_conjunct(tok: Token) -> Token:
    """The first of the nouns ``tok`` is coordinated with ('shelling ..., air strikes ... and attacks')."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok

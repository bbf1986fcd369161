"""The extract stage: ``Document`` → ``Mention``s, as two spaCy pipelines of rule components.

Where things are:

* ``to_mentions.Extractor`` — the entry point; turns annotations into Mentions.
* ``factories`` — every component registered with its requires/assigns, and
  ``build_reader`` / ``build_parser`` / ``build_extractor``.
* ``extensions`` — the ``Doc._`` / ``Span._`` attributes the components write.
* ``components/`` — one component per concern (sentences, toponyms, truecase,
  places, claims, event types, times, landmarks, actors); each decides with
  the rules of a concern module here and writes its annotations.
* Concern modules (the rules): ``prefilter`` (sentences worth parsing),
  ``places`` with ``places_base``/``places_resolve``/``places_keep``/
  ``places_caps`` and ``gazetteer``/``gazetteer_build`` (toponyms),
  ``types`` with ``types_base``/``types_blocking``/``types_arguments``/
  ``types_protests``/``types_purposes``/``types_territory`` (ACLED types),
  ``times`` with ``times_base``/``times_resolve`` (dates), ``actors``,
  ``claims``, ``landmarks``, ``truecase``, ``number_kinds``,
  ``attribute_rules``, ``past_forms`` (the tagger's tense mended), ``capital_plurals``
  (capitalised plurals of common nouns), ``gerund_subjects`` (bare "-ing" subjects told nouns).
* ``vocab`` — reads the word lists of ``data/lexicons/``; no rule keeps its
  words in code.
* ``snippets`` — one ACLED type per short snippet (``eventwire classify``).

A new rule goes into the concern module of what it decides; a new kind of
decision gets its own component, registered in ``factories`` with what it
requires and assigns.
"""

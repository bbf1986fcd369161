"""The extract stage's spaCy components, one per concern.

Each has the shape of spaCy's ``SpanRuler``: a keyword-only constructor that
takes its data and helpers already built, and ``__call__`` = ``match()``
(decide) then ``set_annotations()`` (write the ``Doc._``/``Span._``
attributes of ``extract.extensions``).  ``extract.factories`` registers them
with what each requires and assigns.

Reader (whole article, no parse), in order:
  ``toponyms`` (places in the raw text) → ``truecase`` (the text to parse)
  → ``sentences`` (which sentences are worth parsing) → ``places`` (the
  article's places).
Parser (each run of wanted sentences, after spaCy's tagger and parser):
  ``claims`` → ``event_types`` → ``times`` → ``landmarks`` →
  ``event_places`` → ``actors``.
"""

from spacy.tokens import Doc, Span

from eventwire.extract import extensions


def test_every_attribute_is_registered_once_and_registering_again_is_harmless():
    extensions.register()
    extensions.register()
    assert all(Doc.has_extension(n) for n in extensions.DOC_ATTRIBUTES)
    assert all(Span.has_extension(n) for n in extensions.SPAN_ATTRIBUTES)
    assert not set(extensions.DOC_ATTRIBUTES) & set(extensions.SPAN_ATTRIBUTES) - {"places"}

"""The deeds component: one verdict per hit, in the hits' order, with the parse's own anchors."""


def test_one_verdict_per_hit_and_a_concrete_deed_is_reported(parse):
    doc = parse("Rebels attacked a checkpoint near Goma on Friday. Mud has stalled the offensive, analysts say.")
    first, second = list(doc.sents)
    assert len(first._.deeds) == len(first._.type_hits) >= 1
    assert [d.verdict for d in first._.deeds] == ["report"] * len(first._.type_hits)
    assert len(second._.deeds) == len(second._.type_hits)
    assert all(d.verdict == "drop" and d.reason for d in second._.deeds)


def test_a_sentence_without_hits_gets_no_verdicts(parse):
    doc = parse("The weather was mild and the markets were open.")
    assert all(sent._.deeds == [] for sent in doc.sents)

from datetime import date

from eventwire.provenance import DocInfo, ProvenanceIndex


def doc(id_: str, text: str, published: date | None = None, *, reliable: bool | None = None,
        outlet: str | None = None, known: bool = False, language: str = "en") -> DocInfo:
    return DocInfo(id=id_, text=text, published=published,
                   published_reliable=(published is not None) if reliable is None else reliable,
                   outlet=outlet, language=language, known_outlet=known)


def assign(*docs: DocInfo):
    index = ProvenanceIndex()
    for d in docs:
        index.add(d)
    return index.assign()

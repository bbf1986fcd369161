"""A movement named as itself in a country where it fights as a branch (extract.group_branches)."""
from eventwire.data import actor_countries
from eventwire.extract.group_branches import with_branch
from eventwire.model import ActorRef, Place

IS = ActorRef("Islamic State (Iraq)", "actor1", "is", "Islamic State", 2)
CIVILIANS = ActorRef("Civilians", "actor2", "civilians", "villagers", 7)


def _at(country):
    return Place("x", country, None, 0.0, 0.0, "region")


def test_the_branch_of_the_deeds_country():
    got = with_branch((IS, CIVILIANS), _at("MZ"))
    assert [a.name for a in got] == ["Islamic State (Mozambique)", "Civilians"]
    assert "branch" in got[0].reason and actor_countries()[got[0].id] == "MZ"


def test_the_movement_stays_itself_where_it_has_no_listed_branch_or_no_place():
    assert with_branch((IS,), _at("IQ")) == (IS,)
    assert with_branch((IS,), _at("FR")) == (IS,)
    assert with_branch((IS,), None) == (IS,)


def test_nigerias_branch_is_iswaps_entry():
    (got,) = with_branch((IS,), _at("NG"))
    assert (got.id, got.name) == ("iswap", "Islamic State (West Africa)")


def test_al_qaeda_named_for_its_affiliate_is_the_affiliate_of_the_deeds_country(extractor):
    from datetime import date

    from eventwire.model import Document, PublishedDate

    def doer(text):
        doc = Document("d", "0" * 64, None, None, "Wire", None, PublishedDate(date(2026, 11, 18), "metadata", 1.0),
                       "en", text)
        (m, *_) = extractor.extract(doc)
        return next((a.name for a in m.actors if a.role == "actor1"), None)

    assert doer("Fighters linked to al-Qaeda attacked an army post near Djibo on Sunday.") \
        == "JNIM: Group for Support of Islam and Muslims"
    assert doer("Al-Qaeda militants attacked a checkpoint in Abyan province on Monday.") \
        == "AQAP: Al Qaeda in the Arabian Peninsula"
    assert doer("Al-Qaeda militants attacked a checkpoint in Kandahar on Monday.") == "Al Qaeda"

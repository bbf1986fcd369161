"""Clean stage: ``Record`` in, ``Document`` out (main text, boilerplate removed, date, language).

    from eventwire.clean import Cleaner
    document = Cleaner().clean(record)
"""
from eventwire.clean.cleaner import Cleaner, content_hash, document_id

__all__ = ["Cleaner", "content_hash", "document_id"]

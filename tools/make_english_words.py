"""Write src/eventwire/data/english/ (stop words, lemma tables) from the installed spaCy and model.

Run after upgrading spaCy or its model; tests/extract/test_english_source.py fails until you do.

    .venv/bin/python tools/make_english_words.py
"""
from pathlib import Path

from eventwire.extract.english_source import write

if __name__ == "__main__":
    write(Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "english")

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # for prov_texts.py and prov_helpers.py (prefixed: one sys.path for all test folders)

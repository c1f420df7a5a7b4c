import sys
from pathlib import Path

# The golden-sample helpers (tests/golden.py) are imported by the tests by name.
sys.path.insert(0, str(Path(__file__).resolve().parent))

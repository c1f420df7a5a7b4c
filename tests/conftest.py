import os
import sys
from pathlib import Path

# The golden-sample helpers (tests/golden.py) are imported by the tests by name.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# The suite compiles every pattern itself: it neither reads nor writes the user's compiled-pattern cache
# (tests/test_pattern_cache.py gives the cache its own folders).  Subprocesses inherit this.
os.environ["CLEANARTICLE_CACHE_DIR"] = ""

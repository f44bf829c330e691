# Lets the tests import their shared helpers (helpers.py) however pytest is started.
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

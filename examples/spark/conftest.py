# Lets the Spark test import the recipe (code_archive.py) and the package tests' helpers.
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(here))
sys.path.insert(0, str(here.parents[1] / "python" / "tests"))

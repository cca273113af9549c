"""WEB placeholder."""
from ..rule import Normalizer
RULES = ()
def find_web_residue(text, ctx):
    return iter(())
NORMALIZER = Normalizer("residue", RULES, find_web_residue, __doc__ or "")

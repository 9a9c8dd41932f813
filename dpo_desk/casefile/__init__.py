"""casefile."""

"""Evaluation of counterclaim's stages against gold data (``counterclaim eval ...``)."""

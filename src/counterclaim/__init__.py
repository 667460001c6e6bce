"""counterclaim: who claimed what, who denied it, when and where — a sourced record of claims in news."""

__version__ = "0.1.0"

from counterclaim.model import (  # noqa: E402
    Actor, Analysis, Claim, Dispute, Document, Event, Span, Speaker, Statement, Timex,
)


def analyze(text_or_document, published=None, **kwargs):
    """Analyse one article (a ``str`` or a :class:`Document`) and return an :class:`Analysis`.

    Example::

        >>> import counterclaim
        >>> result = counterclaim.analyze(open("examples/article.txt").read(), published="2024-03-06")
        >>> print(result.to_json(indent=2))
    """
    from counterclaim.pipeline import analyze as _analyze

    return _analyze(text_or_document, published=published, **kwargs)


__all__ = [
    "analyze", "Analysis", "Document", "Span", "Statement", "Speaker", "Actor", "Timex",
    "Event", "Claim", "Dispute", "__version__",
]

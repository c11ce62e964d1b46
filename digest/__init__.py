"""digest: a terminal news digest.

Public API (see docs/SPEC.md)::

    from digest import read_article, build_digest
    article = read_article(data, url=None)
    digest = build_digest(["seeds/", "https://example.org/story"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "Digest", "__version__", "build_digest", "read_article"]

if TYPE_CHECKING:
    from digest.models import Article, Digest
    from digest.pipeline import build_digest
    from digest.reading import read_article


def __getattr__(name: str) -> Any:
    # Lazy, so that `digest --version` and `import digest.models` do not pay for lxml.
    if name == "read_article":
        from digest import reading

        return reading.read_article
    if name == "build_digest":
        from digest import pipeline

        return pipeline.build_digest
    if name in ("Article", "Digest"):
        from digest import models

        return getattr(models, name)
    raise AttributeError(f"module 'digest' has no attribute {name!r}")

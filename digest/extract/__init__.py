"""The readable article of a document: HTML (``html``) or plain text (``plain``).

html: parse -> metadata (``meta/``: title, dek, authors, publisher, the page's data;
      ``published``) -> tree mended (``blocks``: drop caps, paragraphs closed early)
      -> pre-clean (``preclean``, by ``dom``: classes, hidden elements)
      -> readability-lxml and trafilatura -> blocks (``blocks``: line breaks, tables)
      -> paragraphs readability left out put back (``recover``)
      -> post-clean (``postclean``, by ``lines``) -> the second opinion merged (``second``)
plain: lines unwrapped and classified, the run that is the article (``plain_lines``)
       -> headline, byline, body
both:  boilerplate lines removed (``boilerplate``: one classifier, its rules as data)
"""

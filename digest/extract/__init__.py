"""The readable article of a document: HTML (``html``) or plain text (``plain``).

html: parse -> metadata (``meta/``: title, authors, the page's data; ``published``)
      -> pre-clean (``dom``: classes, hidden elements) -> readability-lxml
      -> paragraphs it left out put back (``recover``) -> post-clean (``lines``)
plain: lines unwrapped and classified, the run that is the article (``plain_lines``)
       -> headline, byline, body
both:  boilerplate lines removed (``boilerplate``: one classifier, its rules as data)
"""

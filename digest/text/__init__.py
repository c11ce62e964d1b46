"""Facts about written language that the extractors and the fact finders share.

``calendar`` (month and weekday words, written dates), ``sentences`` (sentence splitting
and its abbreviations), ``language`` (which language a text is in), ``outlets`` (names of
news outlets and wire agencies), ``sanitize`` (text from pages, feeds, names and URLs made
safe where it enters a record and where it leaves) and the other shared vocabularies live
here, each once.
"""

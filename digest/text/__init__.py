"""Facts about written language that the extractors and the fact finders share.

``calendar`` (month and weekday words, written dates), ``sentences`` (sentence splitting
and its abbreviations), ``language`` (which language a text is in), ``outlets`` (names of
news outlets and wire agencies) and the other shared vocabularies live here, each once.
"""

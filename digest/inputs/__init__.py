"""Where articles come from: files and folders, URLs, feeds and the feed list.

    sources (files, folders, stdin) / fetch (URLs) / feeds (RSS, Atom, JSON Feed, OPML)
      -> decode (bytes to text: HTML or plain, in the right encoding) -> digest.extract

``deadlines`` gives every request its page deadline; ``urls`` holds the URL helpers that
never raise on a broken link; ``feedlist`` the user's list of feeds, read when ``digest``
runs with no input.
"""

"""The library: pages and articles kept between runs (``store``), and the pipeline run
through it (``refresh``), so that a second run asks servers only for what changed."""

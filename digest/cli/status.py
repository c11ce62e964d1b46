"""The exit codes of the ``digest`` command."""

EXIT_OK = 0
"""Every input gave an article (or the command did all it was asked)."""
EXIT_SOME_FAILED = 1
"""At least one input failed (the others were still printed), or a command could not do all
it was asked."""
EXIT_USAGE = 2
"""The command line was wrong."""

"""The screens of the app: the digest of cards, the reader, and small dialogs."""

"""Widgets that show what they are given and post messages up."""

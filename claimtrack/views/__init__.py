"""The read side the workbench shows: queue pages, one claim, the agenda, one article.

Each module reads through the models and returns plain values (dataclasses and
tuples); the screens render them and never import the models or write.
"""

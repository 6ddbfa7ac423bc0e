"""The peer session: the team's solutions judged side by side, reviewed line by line, shared
through the team's git repository.

UI-free (no textual, no typer). :mod:`team` reads a team folder, :mod:`judging` is the one door
into the judge, :mod:`comments` anchors review comments to a file's content, :mod:`sharing`
publishes and pulls through :mod:`gitops`, :mod:`day` gives the day's summary lines and
:mod:`words` every user-facing word.
"""

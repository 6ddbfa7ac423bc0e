"""Study: the review queue (FSRS cards), carry-over, the day's study to-dos and their numbering,
and the week in one page.

Below the CLI and the app, above the journal, the judge and the store: study reads the journal's
days and the judge's attempts; the journal never imports study (the day's post gets its study
lines from its caller). UI-free.
"""

"""The help screen: every key of the app and of each screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# studylog — keys

| Key | Where | Does |
|---|---|---|
| F1 | everywhere | this help (esc closes) |
| F2 / F3 / F4 / F5 / F6 | everywhere | Today / Journal / Problems / Train / Stats |
| ctrl+p | everywhere | command palette: type a screen's name or an action |
| ctrl+t | everywhere | light / dark theme |
| ctrl+q | everywhere | save and quit |
| tab / shift+tab | everywhere | next / previous field |
| ctrl+o / ctrl+b | Today | next / previous section editor |
| ctrl+n | Today | new to-do (type, enter) |
| space or x | to-do list | check off / uncheck |
| shift+up/down, K/J | to-do list | move the to-do |
| delete | to-do list | delete the to-do |
| ctrl+s | Today | save now (editors also save by themselves) |
| ctrl+r | Today | show / hide the rendered preview |
| ctrl+g | Today | export the day as a blog post |
| ctrl+l | Today | the shown section's revisions; enter restores one |
| esc | to-do box | back to the section editor |
| left/right/up/down | Journal calendar | move the day; pageup/pagedown: month |
| enter | Journal | open the day read-only |
| e | Journal | open the day for editing (esc goes back) |
| ctrl+r | Problems | judge the chosen solution file |
| ctrl+s | Problems | stress test against the reference |
| ctrl+x | Problems | cancel the judge or stress run |
| ctrl+r | Train | start a run |
| ctrl+x | Train | cancel the run (keeps the epochs done as `interrupted`) |
| ctrl+l | Train | LR preview of the chosen scheduler, no training |
| space | Train runs table | select a run for the overlay |

Editors save about half a second after you stop typing, when you leave them and when you quit:
closing the terminal loses at most the last second of typing.

Text in Korean (한글) is fine everywhere: editors, to-dos, search.
"""


class HelpScreen(ModalScreen[None]):
    """Lists the keys; esc or F1 closes it."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)

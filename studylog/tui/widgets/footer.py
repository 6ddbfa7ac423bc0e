"""The footer of every screen: the keys in the language of the settings, the screen's own keys
first and then F1-F6, without the key of the screen already shown, so that a screen's keys fit
on one line at 80 columns."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from studylog.tui.words import key_word
from studylog.words import current_lang


class StudyFooter(Footer):
    """Textual's compact footer with the keys named in Korean or English."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._fits_at = (0, 0)  # (width of the keys, with the palette key): set by compose

    def on_resize(self) -> None:
        """Show or drop the palette key when the window crosses the width it needs."""
        shown = any(w.has_class("-command-palette") for w in self.children)
        if shown != (self._fits_at[1] <= self.app.size.width):
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        lang = current_lang()
        here = f"switch_mode('{self.app.current_mode}')"
        keys: list[FooterKey] = []
        palette: list[FooterKey] = []
        for widget in super().compose():
            if not isinstance(widget, FooterKey):
                yield widget  # (no binding groups are declared: none come)
                continue
            if widget.action == here:
                continue  # the screen on show: its F-key does nothing here
            widget.description = key_word(widget.description, lang)
            (palette if widget.has_class("-command-palette") else keys).append(widget)
        width = sum(_width(w) for w in keys)
        self._fits_at = (width, width + sum(_width(w) + 1 for w in palette))
        # the screen's own keys, then the app's F-keys in order
        yield from sorted(keys, key=lambda w: (_is_f_key(w.key), w.key if _is_f_key(w.key) else ""))
        if self._fits_at[1] <= self.app.size.width:
            yield from palette  # docked right; left out where it would cover the screen's keys


def _width(key: FooterKey) -> int:
    return cell_len(f"{key.key_display} {key.description} ")


def _is_f_key(key: str) -> bool:
    return len(key) == 2 and key[0] == "f" and key[1].isdigit()

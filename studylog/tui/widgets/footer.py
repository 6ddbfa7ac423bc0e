"""The footer of every screen: the keys in the language of the settings, the screen's own keys
first and then F1-F6, without the key of the screen already shown; what does not fit the
window's width is left out from the end, so the footer is one whole line at any width."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from studylog.tui.words import key_word
from studylog.words import current_lang


class StudyFooter(Footer):
    """Textual's compact footer with the keys named in Korean or English; where the window is
    too narrow for all of them, the last F-keys are left out (F1 stays: its help lists every
    key), then the palette key."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._own = 0  # width of the screen's own keys and F1
        self._f_keys: list[int] = []  # widths of F2-F6, in order (the screen's own one left out)
        self._palette = 0  # width of the palette key

    def _shown_at(self, width: int) -> tuple[int, bool]:
        """How many of F2-F6 fit in ``width`` columns, and whether the palette key fits too."""
        used, count = self._own, 0
        for w in self._f_keys:
            if used + w > width:
                break
            used, count = used + w, count + 1
        return count, count == len(self._f_keys) and used + self._palette <= width

    def on_resize(self) -> None:
        """Show or leave out keys when the window crosses the width they need."""
        f_shown = sum(1 for w in self.children if isinstance(w, FooterKey)
                      and _is_f_key(w.key) and w.key != "f1")
        palette = any(w.has_class("-command-palette") for w in self.children)
        if (f_shown, palette) != self._shown_at(self.app.size.width):
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        lang = current_lang()
        here = f"switch_mode('{self.app.current_mode}')"
        own: list[FooterKey] = []
        f_keys: list[FooterKey] = []
        palette: list[FooterKey] = []
        for widget in super().compose():
            if not isinstance(widget, FooterKey):
                yield widget  # (no binding groups are declared: none come)
                continue
            if widget.action == here:
                continue  # the screen on show: its F-key does nothing here
            widget.description = key_word(widget.description, lang)
            if widget.has_class("-command-palette"):
                palette.append(widget)
            elif _is_f_key(widget.key) and widget.key != "f1":
                f_keys.append(widget)
            else:
                own.append(widget)
        own.sort(key=lambda w: (w.key == "f1",))  # the screen's own keys, then F1
        f_keys.sort(key=lambda w: w.key)
        self._own = sum(_width(w) for w in own)
        self._f_keys = [_width(w) for w in f_keys]
        self._palette = sum(_width(w) + 1 for w in palette)
        count, with_palette = self._shown_at(self.app.size.width)
        yield from own
        yield from f_keys[:count]
        if with_palette:
            yield from palette  # docked right; left out where it would cover the screen's keys


def _width(key: FooterKey) -> int:
    return cell_len(f"{key.key_display} {key.description} ")


def _is_f_key(key: str) -> bool:
    return len(key) == 2 and key[0] == "f" and key[1].isdigit()

"""The to-do list of a day: an input to add, a list to check off, reorder and delete.

The widget does no database work: it posts :class:`TodoList.Request` and the screen runs the
change in a worker, then calls :meth:`TodoList.show` with the new list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, ListItem, ListView

from studylog.journal import words as present
from studylog.tui.widgets.plain import Label
from studylog.words import Lang

if TYPE_CHECKING:
    from studylog.journal.day import Todo


class TodoItem(ListItem):
    """One to-do line: a check box and the text."""

    def __init__(self, todo: Todo) -> None:
        self.todo = todo
        mark = "[x]" if todo.done else "[ ]"
        text = Text(f"{mark} ")
        text.append(todo.text, style="strike dim" if todo.done else "")
        super().__init__(Label(text), id=f"todo-{todo.id}")


class TodoListView(ListView):
    """The list, with keys to check off, move and delete."""

    BINDINGS = [
        Binding("space,x", "toggle_done", "Check"),
        Binding("shift+up,K", "move(-1)", "Move up"),
        Binding("shift+down,J", "move(1)", "Move down"),
        Binding("delete", "remove", "Delete"),
    ]

    def _current(self) -> Todo | None:
        item = self.highlighted_child
        return item.todo if isinstance(item, TodoItem) else None

    def action_toggle_done(self) -> None:
        todo = self._current()
        if todo is not None:
            self.post_message(TodoList.Request("done", todo.id, done=not todo.done))

    def action_move(self, delta: int) -> None:
        todo = self._current()
        if todo is not None and self.index is not None:
            new = self.index + delta
            if 0 <= new < len(self.children):
                self.post_message(TodoList.Request("move", todo.id, index=new))

    def action_remove(self) -> None:
        todo = self._current()
        if todo is not None:
            self.post_message(TodoList.Request("delete", todo.id))


class TodoList(Vertical):
    """Title, add box and the list."""

    @dataclass
    class Request(Message):
        """Ask the screen to change a to-do: kind is add, done, move or delete."""

        kind: str
        todo_id: int | None = None
        text: str = ""
        done: bool = False
        index: int = 0

    BINDINGS = [Binding("escape", "leave", "Editor", show=False, priority=True)]

    def __init__(self, readonly: bool = False, lang: Lang = "ko", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.readonly = readonly
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Label(present.todos_title(0, 0, self.lang), classes="panel-title")
        yield Input(placeholder="새 할 일 (enter) · new to-do", id="todo-input",
                    disabled=self.readonly)
        yield TodoListView(id="todo-list", disabled=self.readonly)

    @on(Input.Submitted, "#todo-input")
    def _add(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self.post_message(self.Request("add", text=text))
        event.input.value = ""

    async def show(self, todos: list[Todo], focus_id: int | None = None) -> None:
        """Replace the list; keep the highlight on ``focus_id`` (or where it was)."""
        view = self.query_one(TodoListView)
        old = view.index
        await view.clear()
        await view.extend(TodoItem(t) for t in todos)
        done = sum(1 for t in todos if t.done)
        self.query_one(".panel-title", Label).update(present.todos_title(done, len(todos), self.lang))
        if not todos:
            return
        index = old if old is not None else 0
        if focus_id is not None:
            index = next((i for i, t in enumerate(todos) if t.id == focus_id), index)
        view.index = min(index, len(todos) - 1)

    def action_leave(self) -> None:
        """Esc: back to the screen's main input (the section editor)."""
        focus_main = getattr(self.screen, "focus_main", None)
        if focus_main is not None:
            focus_main()

"""The supervisor's rule editor (Shift+F8): the customer rules in order, each with a condition
builder and its actions; checked as it is typed; tried against a real order before it is saved.

Keys: Up/Down pick a rule in the list, Space turns it on or off, Ctrl+Up/Down move it, Ctrl+N adds
one, Ctrl+Del removes it, Ctrl+T tries the list against the order in the test box (a scanned order
or waybill goes there by itself), Ctrl+S saves (and sends to the server), Esc goes back. Saving is
refused while any rule is broken; the broken one is named.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.rules import FIELDS, NO_VALUE, OPERATORS, PARAMS, ActionKind, PackPlan, RuleError, parse_rule
from app.ui import messages
from app.ui.pages import scrolling
from app.ui.tables import ListRow, list_table, page_title

BIG = "font-size: 14pt;"
LIST_OPS = ("in", "not_in", "contains_any")


def parse_value(field: str, op: str, text: str) -> Any:
    """A condition's value from what the supervisor typed: lists split on commas, numbers as
    numbers, yes/no as booleans; anything else stays text (validation then says what is wrong)."""
    text = text.strip()
    if op in NO_VALUE:
        return None
    if op in LIST_OPS:
        return [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]
    kind = FIELDS.get(field)
    if kind == "number":
        try:
            return int(text)
        except ValueError:
            try:
                return float(text)
            except ValueError:
                return text
    if kind == "bool" and text.lower() in ("true", "false", "yes", "no", "是", "否"):
        return text.lower() in ("true", "yes", "是")
    return text


def value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_param(kind: ActionKind, name: str, text: str) -> Any:
    text = text.strip()
    if text.startswith("$"):
        return text
    wanted = PARAMS[kind][name]
    if wanted is int:
        try:
            return int(text)
        except ValueError:
            return text
    if isinstance(wanted, tuple) and list in wanted:  # weekdays: "6, 7"
        try:
            return [int(part) for part in text.replace("，", ",").split(",") if part.strip()]
        except ValueError:
            return text
    return text


class ConditionRow(QWidget):
    changed = Signal()
    remove = Signal(object)

    def __init__(self, condition: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QComboBox()
        for name in FIELDS:
            self.field.addItem(messages.field_name(name), name)
        self.op = QComboBox()
        self.value = QLineEdit()
        self.drop = QPushButton("✕")
        self.drop.setFixedWidth(48)
        for widget in (self.field, self.op, self.value, self.drop):
            widget.setMinimumHeight(40)
            widget.setStyleSheet(BIG)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 3)
        layout.addWidget(self.op, 2)
        layout.addWidget(self.value, 3)
        layout.addWidget(self.drop)
        index = self.field.findData(condition.get("field"))
        self.field.setCurrentIndex(max(index, 0))
        self._fill_ops(str(condition.get("op", "")))
        self.value.setText(value_text(condition.get("value")))
        self.field.currentIndexChanged.connect(lambda _i: self._fill_ops(self.op.currentData()))
        self.op.currentIndexChanged.connect(self._op_changed)
        self.value.textChanged.connect(self.changed)
        self.drop.clicked.connect(lambda: self.remove.emit(self))

    def _fill_ops(self, keep: str | None) -> None:
        kind = FIELDS[self.field.currentData()]
        self.op.blockSignals(True)
        self.op.clear()
        for op, kinds in OPERATORS.items():
            if kind in kinds:
                self.op.addItem(messages.operator_name(op), op)
        self.op.setCurrentIndex(max(self.op.findData(keep), 0))
        self.op.blockSignals(False)
        self._op_changed()

    def _op_changed(self, _index: int = 0) -> None:
        op = self.op.currentData()
        self.value.setEnabled(op not in NO_VALUE)
        self.value.setPlaceholderText(self.tr("comma separated: a, b, c") if op in LIST_OPS else "")
        self.changed.emit()

    def condition(self) -> dict[str, Any]:
        field, op = self.field.currentData(), self.op.currentData()
        result: dict[str, Any] = {"field": field, "op": op}
        if op not in NO_VALUE:
            result["value"] = parse_value(field, op, self.value.text())
        return result


class ActionRow(QWidget):
    changed = Signal()
    remove = Signal(object)

    def __init__(self, action: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for kind in ActionKind:
            self.kind.addItem(messages.action_name(kind.value), kind.value)
        self.kind.setMinimumHeight(40)
        self.kind.setStyleSheet(BIG)
        self.params_box = QHBoxLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.drop = QPushButton("✕")
        self.drop.setFixedWidth(48)
        self.drop.setMinimumHeight(40)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind, 2)
        layout.addLayout(self.params_box, 5)
        layout.addWidget(self.drop)
        self.kind.setCurrentIndex(max(self.kind.findData(action.get("action")), 0))
        self._build_params({k: v for k, v in action.items() if k != "action"})
        self.kind.currentIndexChanged.connect(lambda _i: self._build_params({}))
        self.drop.clicked.connect(lambda: self.remove.emit(self))

    def _build_params(self, values: dict[str, Any]) -> None:
        for edit in self.edits.values():
            self.params_box.removeWidget(edit)
            edit.deleteLater()
        self.edits = {}
        for name in PARAMS[ActionKind(self.kind.currentData())]:
            edit = QLineEdit(value_text(values.get(name)))
            edit.setPlaceholderText(name)
            edit.setToolTip(name)
            edit.setMinimumHeight(40)
            edit.setStyleSheet(BIG)
            edit.textChanged.connect(self.changed)
            self.params_box.addWidget(edit)
            self.edits[name] = edit
        self.changed.emit()

    def action(self) -> dict[str, Any]:
        kind = ActionKind(self.kind.currentData())
        result: dict[str, Any] = {"action": kind.value}
        for name, edit in self.edits.items():
            if edit.text().strip():
                result[name] = parse_param(kind, name, edit.text())
        return result


class RulesEditorView(QWidget):
    save_requested = Signal(object)  # the whole rule list, in order
    test_requested = Signal(str, object)  # order no or waybill, the rule list as edited
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[dict[str, Any]] = []
        self.errors: dict[int, str] = {}
        self.dirty = False
        self.source = ""
        self._loading = False
        self.title = page_title()
        self.origin = QLabel()
        self.origin.setStyleSheet(BIG)
        self.table = list_table(4)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # here the list is what the keys move
        self.table.setStyleSheet(BIG)
        self.table.selectionModel().currentRowChanged.connect(lambda now, _: self._show_rule(now.row()))
        for column in (2, 3):  # long names and conditions are elided; the tooltip has them whole
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.enabled = QCheckBox()
        self.stop = QCheckBox()
        for widget in (self.code, self.name, self.enabled, self.stop):
            widget.setMinimumHeight(40)
            widget.setStyleSheet(BIG)
        self.code.textChanged.connect(self._edited)
        self.name.textChanged.connect(self._edited)
        self.enabled.toggled.connect(self._edited)
        self.stop.toggled.connect(self._edited)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(4)]
        for label, widget in zip(
            self.form_labels, (self.code, self.name, self.enabled, self.stop), strict=True
        ):
            label.setStyleSheet(BIG)
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.conditions_box = QGroupBox()
        self.conditions_layout = QVBoxLayout(self.conditions_box)
        self.add_condition_button = QPushButton()
        self.add_condition_button.setMinimumSize(200, 44)
        self.add_condition_button.clicked.connect(lambda: self._add_condition({}))
        self.conditions_layout.addWidget(self.add_condition_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.actions_box = QGroupBox()
        self.actions_layout = QVBoxLayout(self.actions_box)
        self.add_action_button = QPushButton()
        self.add_action_button.setMinimumSize(200, 44)
        self.add_action_button.clicked.connect(lambda: self._add_action({"action": "instruction"}))
        self.actions_layout.addWidget(self.add_action_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.condition_rows: list[ConditionRow] = []
        self.action_rows: list[ActionRow] = []
        self.check = QLabel()
        self.check.setWordWrap(True)
        self.check.setStyleSheet(BIG)
        self.test_entry = QLineEdit()
        self.test_entry.setStyleSheet(BIG)
        self.test_entry.setMinimumHeight(44)
        self.test_entry.returnPressed.connect(self.run_test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.test_result.setStyleSheet(BIG)
        self.test_result.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.result = QLabel()
        self.result.setStyleSheet(BIG)
        self.result.setWordWrap(True)
        self.save_button = QPushButton()
        self.back_button = QPushButton()
        self.new_button = QPushButton()
        for button in (self.save_button, self.back_button, self.new_button):
            button.setMinimumHeight(52)
        self.save_button.clicked.connect(self.save)
        self.back_button.clicked.connect(self.closed)
        self.new_button.clicked.connect(self.new_rule)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(self.form)
        editor_layout.addWidget(self.conditions_box)
        editor_layout.addWidget(self.actions_box)
        editor_layout.addWidget(self.check)
        test_row = QHBoxLayout()
        self.test_label = QLabel()
        self.test_label.setStyleSheet(BIG)
        self.test_label.setBuddy(self.test_entry)
        test_row.addWidget(self.test_label)
        test_row.addWidget(self.test_entry, 1)
        editor_layout.addLayout(test_row)
        editor_layout.addWidget(self.test_result, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(scrolling(editor))  # a rule with many conditions scrolls, the page does not
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.origin, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        for keys, slot in (
            ("Ctrl+S", self.save),
            ("Esc", self.closed.emit),
            ("Ctrl+N", self.new_rule),
            ("Ctrl+Del", self.remove_rule),
            ("Ctrl+Up", lambda: self.move_rule(-1)),
            ("Ctrl+Down", lambda: self.move_rule(1)),
            ("Ctrl+T", self.run_test),
        ):
            shortcut = QShortcut(
                QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(slot)
        toggle = QShortcut(QKeySequence("Space"), self.table, context=Qt.ShortcutContext.WidgetShortcut)
        toggle.activated.connect(self.toggle_rule)
        self.retranslate()

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Customer rules"))
        self.table.set_headers(["#", self.tr("On"), self.tr("Rule"), self.tr("What it does")])
        for label, text in zip(
            self.form_labels,
            (self.tr("&Code"), self.tr("&Name"), self.tr("&Enabled"), self.tr("&Stop after this rule")),
            strict=True,
        ):
            label.setText(text)
        self.conditions_box.setTitle(self.tr("When all of these hold"))
        self.actions_box.setTitle(self.tr("Do this"))
        self.add_condition_button.setText(self.tr("+ Condition"))
        self.add_action_button.setText(self.tr("+ Action"))
        self.test_label.setText(self.tr("&Test with order:"))
        self.test_entry.setPlaceholderText(self.tr("Scan or type an order or waybill number, then Enter"))
        self.save_button.setText(self.tr("Save and send (Ctrl+S)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        self.new_button.setText(self.tr("New rule (Ctrl+N)"))
        self._show_origin()
        self._render_rows()
        self._show_check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the list --------------------------------------------------------------------------

    def load(self, items: list[dict[str, Any]], source: str) -> None:
        self.items = copy.deepcopy(items)
        self.source = source
        self.dirty = False
        self.errors = {}
        for index, item in enumerate(self.items):
            self._validate(index, item)
        self._render_rows()
        self._show_origin()
        self.result.setText("")
        if self.items:
            self.table.selectRow(0)
            self._show_rule(0)
        self.table.setFocus()

    def _show_origin(self) -> None:
        if self.source == "server":
            text = self.tr("{count} rules, from the server").format(count=len(self.items))
        elif self.source:
            text = self.tr("{count} rules, the shipped defaults (saving sends them to the server)").format(
                count=len(self.items)
            )
        else:
            text = ""
        if self.dirty:
            text += self.tr(" · not saved")
        self.origin.setText(text)

    def _render_rows(self) -> None:
        self.table.show_rows([self._row(row) for row in range(len(self.items))])

    def _row(self, row: int) -> ListRow:
        item = self.items[row]
        enabled = item.get("enabled", True)
        conditions = " & ".join(
            f"{messages.field_name(str(c.get('field')))} {messages.operator_name(str(c.get('op')))}"
            + (f" {value_text(c.get('value'))}" if c.get("op") not in NO_VALUE else "")
            for c in item.get("conditions") or []
        ) or self.tr("every order")
        actions = ", ".join(messages.action_name(str(a.get("action"))) for a in item.get("actions") or [])
        cells = (
            str(row + 1),
            "✔" if enabled else "—",
            f"{'⚠ ' if row in self.errors else ''}{item.get('code', '')}  {item.get('name', '')}",
            f"{conditions} → {actions}",
        )
        colour = "#c62828" if row in self.errors else None if enabled else "#9e9e9e"
        return ListRow(row, cells, colours=(colour,) * len(cells))

    def _validate(self, row: int, item: dict[str, Any]) -> None:
        try:
            parse_rule(item)
        except RuleError as exc:
            self.errors[row] = str(exc)
        else:
            self.errors.pop(row, None)

    def _revalidate_all(self) -> None:
        self.errors = {}
        rows_by_code: dict[str, list[int]] = {}
        for row, item in enumerate(self.items):
            self._validate(row, item)
            rows_by_code.setdefault(str(item.get("code", "")), []).append(row)
        for code, rows in rows_by_code.items():
            if len(rows) < 2:
                continue
            for row in rows:  # each names another row with the same code
                other = rows[1] if row == rows[0] else rows[0]
                self.errors.setdefault(
                    row, self.tr("the code {code} is used by rule {row} too").format(code=code, row=other + 1)
                )

    def current_row(self) -> int:
        return self.table.currentRow()

    def new_rule(self) -> None:
        row = self.current_row() + 1 if self.items else 0
        code = "rule-1"
        codes = {str(i.get("code")) for i in self.items}
        number = 1
        while code in codes:
            number += 1
            code = f"rule-{number}"
        self.items.insert(
            row,
            {"code": code, "name": "", "conditions": [], "actions": [{"action": "instruction", "zh": ""}]},
        )
        self._list_changed(row)
        self.name.setFocus()

    def remove_rule(self) -> None:
        row = self.current_row()
        if 0 <= row < len(self.items):
            del self.items[row]
            self._list_changed(min(row, len(self.items) - 1))

    def move_rule(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if 0 <= row < len(self.items) and 0 <= target < len(self.items):
            self.items[row], self.items[target] = self.items[target], self.items[row]
            self._list_changed(target)

    def toggle_rule(self) -> None:
        row = self.current_row()
        if 0 <= row < len(self.items):
            self.items[row]["enabled"] = not self.items[row].get("enabled", True)
            self._list_changed(row)

    def _list_changed(self, select: int) -> None:
        self.dirty = True
        self._revalidate_all()
        self._render_rows()
        self._show_origin()
        if 0 <= select < len(self.items):
            self.table.selectRow(select)
            self._show_rule(select)
        self._show_check()

    # --- one rule --------------------------------------------------------------------------

    def _show_rule(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self._loading = True
        try:
            self.code.setText(str(item.get("code", "")))
            self.name.setText(str(item.get("name", "")))
            self.enabled.setChecked(bool(item.get("enabled", True)))
            self.stop.setChecked(bool(item.get("stop", False)))
            for rows in (self.condition_rows, self.action_rows):
                for widget in rows:
                    widget.setParent(None)  # type: ignore[call-overload]
                    widget.deleteLater()
                rows.clear()
            for condition in item.get("conditions") or []:
                self._add_condition(condition)
            for action in item.get("actions") or []:
                self._add_action(action)
        finally:
            self._loading = False
        self._show_check()

    def _add_condition(self, condition: dict[str, Any]) -> None:
        row = ConditionRow(condition)
        row.changed.connect(self._edited)
        row.remove.connect(self._drop_condition)
        self.condition_rows.append(row)
        self.conditions_layout.insertWidget(self.conditions_layout.count() - 1, row)
        self._edited()
        if not self._loading:
            row.field.setFocus()

    def _add_action(self, action: dict[str, Any]) -> None:
        row = ActionRow(action)
        row.changed.connect(self._edited)
        row.remove.connect(self._drop_action)
        self.action_rows.append(row)
        self.actions_layout.insertWidget(self.actions_layout.count() - 1, row)
        self._edited()
        if not self._loading:
            row.kind.setFocus()

    def _drop_condition(self, row: ConditionRow) -> None:
        self.condition_rows.remove(row)
        row.setParent(None)  # type: ignore[call-overload]
        row.deleteLater()
        self._edited()

    def _drop_action(self, row: ActionRow) -> None:
        self.action_rows.remove(row)
        row.setParent(None)  # type: ignore[call-overload]
        row.deleteLater()
        self._edited()

    def form_rule(self) -> dict[str, Any]:
        rule: dict[str, Any] = {
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "enabled": self.enabled.isChecked(),
            "conditions": [row.condition() for row in self.condition_rows],
            "actions": [row.action() for row in self.action_rows],
        }
        if self.stop.isChecked():
            rule["stop"] = True
        return rule

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        row = self.current_row()
        if not 0 <= row < len(self.items):
            return
        self.result.setText("")  # an earlier "not saved" no longer holds
        rule = self.form_rule()
        extra = {k: v for k, v in self.items[row].items() if k not in rule and k != "stop"}
        self.items[row] = {**extra, **rule}
        self.dirty = True
        self._revalidate_all()
        self._render_rows()  # only the rows whose text changed are repainted
        self._show_origin()
        self._show_check()

    def _show_check(self) -> None:
        row = self.current_row()
        if row in self.errors:
            self.check.setText(self.tr("⚠ Not usable yet: {reason}").format(reason=self.errors[row]))
            self.check.setStyleSheet(BIG + "color: #b00020;")
        elif 0 <= row < len(self.items):
            self.check.setText(self.tr("✔ This rule is valid"))
            self.check.setStyleSheet(BIG + "color: #1b5e20;")
        else:
            self.check.setText("")

    # --- save, test, scans -----------------------------------------------------------------

    def save(self) -> None:
        self._revalidate_all()
        if self.errors:
            row = min(self.errors)
            if row != self.current_row():
                self.table.selectRow(row)  # shows that rule's form
            self.show_result(
                self.tr("Not saved: rule {row} is broken — {reason}").format(
                    row=row + 1, reason=self.errors[row]
                ),
                ok=False,
            )
            return
        self.save_requested.emit(copy.deepcopy(self.items))

    def saved(self, count: int) -> None:
        self.dirty = False
        self.source = "server" if count or self.source == "server" else self.source
        self._show_origin()
        self.show_result(
            self.tr("Saved: {count} change(s), sent to the server with the next sync").format(count=count)
        )

    def handle_scan(self, code: str) -> None:
        self.test_entry.setText(code.strip())
        self.run_test()

    def run_test(self) -> None:
        code = self.test_entry.text().strip()
        if not code:
            self.test_entry.setFocus()
            self.show_test(self.tr("Scan or type an order number to try the rules on it"))
            return
        self.test_requested.emit(code, copy.deepcopy(self.items))

    def show_plan(self, order_no: str, plan: PackPlan, errors: list[str], chinese: bool) -> None:
        lines = [
            self.tr("Order {order}: {fired} of {total} rules fire").format(
                order=order_no, fired=len(plan.fired), total=len(self.items)
            )
        ]
        for step in plan.steps:
            lines.append(
                self.tr("• {what} — because of rule {rule}").format(
                    what=messages.step_text(step, chinese), rule=step.rule
                )
            )
        for item in plan.overridden:
            lines.append(
                self.tr("  (overridden: {action} of {rule}; {winner} comes first)").format(
                    action=messages.action_name(item.action), rule=item.rule, winner=item.by_rule
                )
            )
        if not plan.steps:
            lines.append(self.tr("No instructions: a plain pack"))
        for error in errors:
            lines.append(self.tr("⚠ left out: {reason}").format(reason=error))
        self.show_test("\n".join(lines))

    def show_test(self, text: str) -> None:
        self.test_result.setText(text)

    def show_result(self, text: str, ok: bool = True) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(BIG + ("" if ok else "color: #b00020;"))

"""Customer-aware fulfillment rules: data in, a pack plan out.

A rule is plain data (JSON from the server, `resources/rules/default.json`, or the supervisor's
editor): a code, a name, whether it is enabled, conditions that must all hold, and actions.
`compile_rules` checks them once and turns every condition into a small function; `evaluate`
runs them against an order's facts and returns a `PackPlan`: each step with the rule that caused
it, the "why". Rules are ordered: for an action that can only have one value (carrier,
packaging, priority, ship-not-before) the first rule wins and the later ones are listed as
overridden, so a supervisor sees the conflict and how it was decided. Inserts, samples and
free-text instructions add up.

Pure: no Qt, no I/O; `today` is passed in (the station's local date).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from app.core.model import OrderSnapshot
from app.core.print_plan import insert_confirm_code

CODE = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")


class RuleError(ValueError):
    """A rule that cannot be used, with where and why."""


# --- facts -------------------------------------------------------------------------------------

# field -> kind of value; conditions are checked against this when rules are compiled.
FIELDS: dict[str, str] = {
    "customer.tier": "text",
    "customer.tags": "list",
    "customer.first_order": "bool",
    "customer.birthday_month": "bool",
    "customer.days_since_last_order": "number",
    "customer.lifetime_value_cents": "number",
    "customer.returns_count": "number",
    "customer.return_rate_pct": "number",
    "customer.days_since_problem": "number",  # since the last return received (None: never)
    "customer.last_problem": "text",
    "customer.pref.packaging": "text",
    "customer.pref.no_price_tags": "bool",
    "customer.pref.preferred_carrier": "text",
    "customer.pref.ship_days": "list",
    "customer.pref.note": "text",
    "order.channel": "text",
    "order.carrier": "text",
    "order.amount_cents": "number",
    "order.item_count": "number",
    "order.note": "text",
    "order.custom_fields": "list",
    "order.hours_to_ship_by": "number",
    "item.sku": "list",
    "item.category": "list",
}

OPERATORS: dict[str, tuple[str, ...]] = {
    "eq": ("text", "number", "bool"),
    "ne": ("text", "number", "bool"),
    "in": ("text",),
    "not_in": ("text",),
    "contains": ("list", "text"),  # a tag / SKU / keyword is there
    "contains_any": ("list", "text"),
    "not_contains": ("list", "text"),
    "gte": ("number",),
    "lte": ("number",),
    "gt": ("number",),
    "lt": ("number",),
    "is_true": ("bool",),
    "is_false": ("bool",),
    "exists": ("text", "list", "number", "bool"),  # set and not empty
    "missing": ("text", "list", "number", "bool"),
}
NO_VALUE = ("is_true", "is_false", "exists", "missing")


def facts(order: OrderSnapshot, today: date, now: datetime | None = None) -> dict[str, Any]:
    """What conditions can ask about, from one order snapshot."""
    customer = order.customer
    prefs: Mapping[str, Any] = customer.preferences if customer else {}
    days_since: int | None = None
    if customer is not None and customer.last_order_at is not None:
        days_since = (today - customer.last_order_at.astimezone().date()).days
    days_since_problem: int | None = None
    if customer is not None and customer.last_problem_at is not None:
        days_since_problem = (today - customer.last_problem_at.astimezone().date()).days
    hours_to_ship_by: float | None = None
    if order.ship_by is not None:
        hours_to_ship_by = ((order.ship_by - (now or datetime.now(UTC))).total_seconds()) / 3600
    ship_days = prefs.get("ship_days") or []
    no_price_tags = prefs.get("no_price_tags")
    return {
        "customer.tier": (customer.tier if customer else "").lower(),
        "customer.tags": [t.lower() for t in customer.tags] if customer else [],
        "customer.first_order": customer is not None and customer.order_count <= 1,
        "customer.birthday_month": customer is not None
        and customer.birthday is not None
        and customer.birthday.month == today.month,
        "customer.days_since_last_order": days_since,
        "customer.lifetime_value_cents": customer.lifetime_value_cents if customer else 0,
        "customer.returns_count": customer.returns_count if customer else 0,
        "customer.return_rate_pct": customer.return_rate_pct if customer else 0.0,
        "customer.days_since_problem": days_since_problem,
        "customer.last_problem": customer.last_problem if customer else "",
        "customer.pref.packaging": str(prefs.get("packaging") or ""),
        "customer.pref.no_price_tags": no_price_tags is True or str(no_price_tags).lower() == "true",
        "customer.pref.preferred_carrier": str(prefs.get("preferred_carrier") or ""),
        "customer.pref.ship_days": [int(d) for d in ship_days] if isinstance(ship_days, list) else [],
        "customer.pref.note": str(prefs.get("note") or ""),
        "order.channel": order.channel.lower(),
        "order.carrier": order.carrier,
        "order.amount_cents": order.amount_cents,
        "order.item_count": sum(line.quantity for line in order.lines),
        "order.note": f"{order.buyer_note}\n{order.seller_note}".lower(),
        "order.custom_fields": sorted({key for line in order.lines for key in line.custom_fields}),
        "order.hours_to_ship_by": hours_to_ship_by,
        "item.sku": [line.sku_code for line in order.lines],
        "item.category": [line.category.lower() for line in order.lines if line.category],
    }


# --- conditions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: Any = None

    def describe(self) -> str:
        if self.op in NO_VALUE:
            return f"{self.field} {self.op}"
        return f"{self.field} {self.op} {self.value!r}"


def _lower(value: Any) -> Any:
    if isinstance(value, str):
        return value.lower()
    if isinstance(value, list):
        return [_lower(v) for v in value]
    return value


def _compile_condition(c: Condition, where: str) -> Callable[[Mapping[str, Any]], bool]:
    kind = FIELDS.get(c.field)
    if kind is None:
        raise RuleError(f"{where}: unknown field {c.field!r} (one of {', '.join(FIELDS)})")
    kinds = OPERATORS.get(c.op)
    if kinds is None:
        raise RuleError(f"{where}: unknown operator {c.op!r} (one of {', '.join(OPERATORS)})")
    if kind not in kinds:
        raise RuleError(f"{where}: {c.op!r} does not apply to {c.field} ({kind})")
    name, value = c.field, _lower(c.value)
    if c.op not in NO_VALUE and value is None:
        raise RuleError(f"{where}: {c.field} {c.op} needs a value")
    if kind == "number" and c.op not in NO_VALUE and not isinstance(value, int | float):
        raise RuleError(f"{where}: {c.field} compares with a number, not {c.value!r}")
    if c.op in ("in", "not_in", "contains_any") and not isinstance(value, list):
        raise RuleError(f"{where}: {c.op} needs a list of values")
    match c.op:
        case "eq":
            return lambda f: f[name] == value
        case "ne":
            return lambda f: f[name] != value
        case "in":
            allowed = frozenset(value)
            return lambda f: f[name] in allowed
        case "not_in":
            barred = frozenset(value)
            return lambda f: f[name] not in barred
        case "contains":
            return lambda f: value in f[name]
        case "not_contains":
            return lambda f: value not in f[name]
        case "contains_any":
            wanted = tuple(value)
            return lambda f: any(v in f[name] for v in wanted)
        case "gte":
            return lambda f: f[name] is not None and f[name] >= value
        case "lte":
            return lambda f: f[name] is not None and f[name] <= value
        case "gt":
            return lambda f: f[name] is not None and f[name] > value
        case "lt":
            return lambda f: f[name] is not None and f[name] < value
        case "is_true":
            return lambda f: f[name] is True
        case "is_false":
            return lambda f: f[name] is False
        case "exists":
            return lambda f: f[name] not in (None, "", [], False)
        case _:  # missing
            return lambda f: f[name] in (None, "", [], False)


# --- actions ---------------------------------------------------------------------------------------


class ActionKind(StrEnum):
    PRIORITY = "priority"
    CARRIER = "carrier"
    PACKAGING = "packaging"
    INSERT = "insert"
    SAMPLE = "sample"
    HIDE_PRICES = "hide_prices"
    REMOVE_PRICE_TAGS = "remove_price_tags"
    CALL_BACK = "call_back"
    SHIP_NOT_BEFORE = "ship_not_before"
    SPLIT_ALLOWED = "split_allowed"
    VAT_INVOICE = "vat_invoice"
    CHECK_PERSONALISATION = "check_personalisation"
    INSTRUCTION = "instruction"
    MIN_SHELF_LIFE = "min_shelf_life"  # days a traced unit's expiry must still have (app.core.trace)


class Confirm(StrEnum):
    NONE = "none"  # shown, nothing to confirm
    SCAN_INSERT = "scan_insert"  # scan the barcode printed on the card
    SCAN_SAMPLE = "scan_sample"  # scan the sample's barcode
    KEY = "key"  # Enter / #PL:CONFIRM
    REWAYBILL = "rewaybill"  # the waybill is for another carrier: not packable here, held for a new one


# Where each kind of step comes in a packer's work (stable sort: rule order within a kind).
WORK_ORDER = {
    kind: position
    for position, kind in enumerate(
        (
            ActionKind.PRIORITY,
            ActionKind.MIN_SHELF_LIFE,
            ActionKind.CARRIER,
            ActionKind.SHIP_NOT_BEFORE,
            ActionKind.CALL_BACK,
            ActionKind.PACKAGING,
            ActionKind.CHECK_PERSONALISATION,
            ActionKind.REMOVE_PRICE_TAGS,
            ActionKind.SAMPLE,
            ActionKind.INSERT,
            ActionKind.VAT_INVOICE,
            ActionKind.HIDE_PRICES,
            ActionKind.INSTRUCTION,
            ActionKind.SPLIT_ALLOWED,
        )
    )
}

# One value per plan: the first rule wins, later ones are shown as overridden.
SINGLE = {ActionKind.PRIORITY, ActionKind.CARRIER, ActionKind.PACKAGING, ActionKind.SHIP_NOT_BEFORE,
          ActionKind.MIN_SHELF_LIFE}  # fmt: skip
PARAMS: dict[ActionKind, dict[str, type | tuple[type, ...]]] = {
    ActionKind.PRIORITY: {"level": int},
    ActionKind.CARRIER: {"carrier": str},
    ActionKind.PACKAGING: {"type": str},
    ActionKind.INSERT: {"template": str},
    ActionKind.SAMPLE: {"sku": str, "quantity": int},
    ActionKind.HIDE_PRICES: {},
    ActionKind.REMOVE_PRICE_TAGS: {},
    ActionKind.CALL_BACK: {"note": str},
    ActionKind.SHIP_NOT_BEFORE: {"date": str, "weekdays": (list, str)},
    ActionKind.SPLIT_ALLOWED: {},
    ActionKind.VAT_INVOICE: {},
    ActionKind.CHECK_PERSONALISATION: {},
    ActionKind.INSTRUCTION: {"zh": str, "en": str},
    ActionKind.MIN_SHELF_LIFE: {"days": int},
}
REQUIRED = {
    ActionKind.PRIORITY: ("level",),
    ActionKind.CARRIER: ("carrier",),
    ActionKind.PACKAGING: ("type",),
    ActionKind.INSERT: ("template",),
    ActionKind.SAMPLE: ("sku",),
    ActionKind.INSTRUCTION: ("zh",),
    ActionKind.MIN_SHELF_LIFE: ("days",),
}
PACKAGING_TYPES = ("standard", "simple", "gift")
FACT_REFERENCE = "$"  # a parameter "$customer.pref.preferred_carrier" takes the fact's value


@dataclass(frozen=True)
class Action:
    kind: ActionKind
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    conditions: tuple[Condition, ...]
    actions: tuple[Action, ...]
    enabled: bool = True
    stop: bool = False  # no later rule applies once this one fired


def parse_rule(data: Mapping[str, Any], where: str = "rule") -> Rule:
    """A rule from its JSON form; RuleError says what is wrong and where."""
    if not isinstance(data, Mapping):
        raise RuleError(f"{where}: a rule is an object")
    code = str(data.get("code") or "")
    where = f"rule {code}" if code else where
    if not CODE.match(code):
        raise RuleError(f"{where}: code must be 1-40 letters, digits, '_', '.' or '-'")
    conditions = []
    for i, raw in enumerate(data.get("conditions") or []):
        if not isinstance(raw, Mapping) or "field" not in raw or "op" not in raw:
            raise RuleError(f"{where} condition {i + 1}: needs field and op")
        condition = Condition(str(raw["field"]), str(raw["op"]), raw.get("value"))
        _compile_condition(condition, f"{where} condition {i + 1}")
        conditions.append(condition)
    actions = []
    raw_actions = data.get("actions") or []
    if not raw_actions:
        raise RuleError(f"{where}: a rule needs at least one action")
    for i, raw in enumerate(raw_actions):
        actions.append(_parse_action(raw, f"{where} action {i + 1}"))
    return Rule(
        code=code,
        name=str(data.get("name") or code),
        conditions=tuple(conditions),
        actions=tuple(actions),
        enabled=bool(data.get("enabled", True)),
        stop=bool(data.get("stop", False)),
    )


def _parse_action(raw: Any, where: str) -> Action:
    if not isinstance(raw, Mapping) or "action" not in raw:
        raise RuleError(f"{where}: needs an action (one of {', '.join(ActionKind)})")
    try:
        kind = ActionKind(str(raw["action"]))
    except ValueError:
        raise RuleError(
            f"{where}: unknown action {raw['action']!r} (one of {', '.join(ActionKind)})"
        ) from None
    params = {k: v for k, v in raw.items() if k != "action"}
    allowed = PARAMS[kind]
    for name, value in params.items():
        if name not in allowed:
            raise RuleError(f"{where}: {kind} takes {', '.join(allowed) or 'no parameters'}, not {name!r}")
        if isinstance(value, str) and value.startswith(FACT_REFERENCE):
            if value[1:] not in FIELDS:
                raise RuleError(f"{where}: {value!r} refers to no known field")
            continue
        if not isinstance(value, allowed[name]) or (isinstance(value, bool) and allowed[name] is int):
            raise RuleError(f"{where}: {name} of {kind} has the wrong type: {value!r}")
    for name in REQUIRED.get(kind, ()):
        if name not in params:
            raise RuleError(f"{where}: {kind} needs {name}")
    if kind is ActionKind.PACKAGING and params["type"] not in PACKAGING_TYPES and not _is_ref(params["type"]):
        raise RuleError(f"{where}: packaging type is one of {', '.join(PACKAGING_TYPES)}")
    if kind is ActionKind.MIN_SHELF_LIFE and not _is_ref(params["days"]) and not 0 <= params["days"] <= 3650:
        raise RuleError(f"{where}: days of shelf life is 0 to 3650")
    if kind is ActionKind.SAMPLE and int(params.get("quantity", 1)) < 1:
        raise RuleError(f"{where}: a sample quantity is at least 1")
    if kind is ActionKind.SHIP_NOT_BEFORE:
        if "date" in params and not _is_ref(params["date"]):
            try:
                date.fromisoformat(params["date"])
            except ValueError:
                raise RuleError(f"{where}: date must be YYYY-MM-DD, not {params['date']!r}") from None
        if not params:
            raise RuleError(f"{where}: ship_not_before needs a date or weekdays")
    return Action(kind, params)


def _is_ref(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FACT_REFERENCE)


@dataclass(frozen=True, slots=True)
class CompiledAction:
    """An action with everything that does not depend on the order worked out once."""

    kind: ActionKind
    tag: str
    params: dict[str, Any]  # the literal parameters; shared by every plan, never mutated
    refs: tuple[tuple[str, str], ...]  # (parameter, fact) pairs filled in per order
    key: tuple[Any, ...] | None  # the dedupe key when there are no references
    single: bool
    confirm: Confirm | None  # None: depends on the order or the day
    void: bool  # a literal parameter is empty: the action never applies


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    checks: tuple[Callable[[Mapping[str, Any]], bool], ...]
    actions: tuple[CompiledAction, ...] = ()


_STATIC_CONFIRM = {
    ActionKind.PRIORITY: Confirm.NONE,
    ActionKind.SAMPLE: Confirm.SCAN_SAMPLE,
    ActionKind.HIDE_PRICES: Confirm.NONE,
    ActionKind.REMOVE_PRICE_TAGS: Confirm.KEY,
    ActionKind.CALL_BACK: Confirm.NONE,
    ActionKind.SPLIT_ALLOWED: Confirm.NONE,
    ActionKind.VAT_INVOICE: Confirm.KEY,
    ActionKind.INSTRUCTION: Confirm.KEY,
    ActionKind.MIN_SHELF_LIFE: Confirm.NONE,
}


def _dedupe_key(kind: ActionKind, params: Mapping[str, Any]) -> tuple[Any, ...]:
    return (kind, tuple(sorted((k, str(v)) for k, v in params.items())))


def _compile_action(action: Action) -> CompiledAction:
    kind = action.kind
    params = {k: v for k, v in action.params.items() if not _is_ref(v)}
    refs = tuple((k, v[1:]) for k, v in action.params.items() if _is_ref(v))
    if kind is ActionKind.SAMPLE:
        params.setdefault("quantity", 1)
    confirm = _STATIC_CONFIRM.get(kind)
    if kind is ActionKind.PACKAGING and "type" in params:
        confirm = Confirm.KEY if params["type"] != "standard" else Confirm.NONE
    return CompiledAction(
        kind=kind,
        tag=kind.value,
        params=params,
        refs=refs,
        key=None if refs else _dedupe_key(kind, params),
        single=kind in SINGLE,
        confirm=confirm,
        void=any(v in (None, "", []) for v in params.values()),
    )


def compile_rules(rules: Iterable[Rule]) -> tuple[CompiledRule, ...]:
    compiled = []
    seen: set[str] = set()
    for rule in rules:
        if rule.code in seen:
            raise RuleError(f"rule {rule.code}: the code is used twice")
        seen.add(rule.code)
        if not rule.enabled:
            continue
        checks = tuple(
            _compile_condition(c, f"rule {rule.code} condition {i + 1}")
            for i, c in enumerate(rule.conditions)
        )
        compiled.append(CompiledRule(rule, checks, tuple(_compile_action(a) for a in rule.actions)))
    return tuple(compiled)


def parse_rules(items: Sequence[Mapping[str, Any]]) -> tuple[list[Rule], list[str]]:
    """Every usable rule, and a message for each broken one (which is left out, not guessed at)."""
    rules, errors = [], []
    for index, item in enumerate(items):
        try:
            rules.append(parse_rule(item, f"rule #{index + 1}"))
        except RuleError as exc:
            errors.append(str(exc))
    return rules, errors


# --- the plan ----------------------------------------------------------------------------------------


class Step(NamedTuple):
    """One instruction of a pack plan and the rule it came from.

    A plan builds hundreds of these per order with many rules; a NamedTuple is the cheapest
    immutable record (the rules benchmark in docs/PERFORMANCE.md).
    """

    id: str  # stable within the plan: what a confirmation refers to
    action: ActionKind
    params: Mapping[str, Any]
    rule: str  # the rule's code: the why
    rule_name: str
    confirm: Confirm = Confirm.NONE
    confirm_code: str = ""  # for inserts: the barcode printed on the card


class Overridden(NamedTuple):
    action: ActionKind
    params: Mapping[str, Any]
    rule: str
    by_rule: str  # the earlier rule whose value stands


@dataclass(frozen=True)
class PackPlan:
    steps: tuple[Step, ...] = ()
    overridden: tuple[Overridden, ...] = ()
    fired: tuple[str, ...] = ()  # codes of the rules that matched, in order

    def of(self, kind: ActionKind) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.action is kind)

    def first(self, kind: ActionKind) -> Step | None:
        return next((s for s in self.steps if s.action is kind), None)

    @property
    def to_confirm(self) -> tuple[Step, ...]:
        """What the packer confirms at the bench, in the order the work is done."""
        return tuple(s for s in self.in_work_order if s.confirm not in (Confirm.NONE, Confirm.REWAYBILL))

    @property
    def in_work_order(self) -> tuple[Step, ...]:
        """The steps as a packer carries them out: what to know first, then the box, the items'
        checks, what goes in with them, and last what happens to the closed parcel."""
        return tuple(sorted(self.steps, key=lambda s: WORK_ORDER.get(s.action, len(WORK_ORDER))))

    @property
    def rewaybill(self) -> Step | None:
        """The carrier step whose carrier the order's waybill is not for, if any."""
        return next((s for s in self.steps if s.confirm is Confirm.REWAYBILL), None)

    @property
    def hide_prices(self) -> bool:
        return bool(self.of(ActionKind.HIDE_PRICES))

    @property
    def split_allowed(self) -> bool:
        """The customer takes an order in several parcels without a supervisor's say."""
        return bool(self.of(ActionKind.SPLIT_ALLOWED))

    @property
    def priority(self) -> int:
        step = self.first(ActionKind.PRIORITY)
        return int(step.params.get("level", 0)) if step else 0

    @property
    def min_shelf_days(self) -> int | None:
        """The customer's or channel's shelf-life rule in days (None: each SKU's own)."""
        step = self.first(ActionKind.MIN_SHELF_LIFE)
        return int(step.params["days"]) if step else None

    @property
    def inserts(self) -> tuple[str, ...]:
        return tuple(str(s.params["template"]) for s in self.of(ActionKind.INSERT))

    def to_json(self) -> dict[str, Any]:
        return {
            "instructions": [
                {
                    "id": s.id,
                    "action": s.action.value,
                    "params": dict(s.params),
                    "rule": s.rule,
                    "rule_name": s.rule_name,
                    "confirm": s.confirm.value,
                    **({"confirm_code": s.confirm_code} if s.confirm_code else {}),
                }
                for s in self.steps
            ],
            "overridden": [
                {"action": o.action.value, "params": dict(o.params), "rule": o.rule, "by_rule": o.by_rule}
                for o in self.overridden
            ],
            "fired": list(self.fired),
        }


EMPTY_PLAN = PackPlan()


class _Lowered(dict[str, Any]):
    """Facts lowercased on first use: most rule books look at a handful of the fields."""

    def __init__(self, facts: Mapping[str, Any]) -> None:
        super().__init__()
        self.facts = facts

    def __missing__(self, key: str) -> Any:
        value = self[key] = _lower(self.facts[key])
        return value


def evaluate(
    rules: Sequence[CompiledRule], order: OrderSnapshot, today: date, now: datetime | None = None
) -> PackPlan:
    f = facts(order, today, now)
    low = _Lowered(f)  # conditions compare without case; params keep it
    steps: list[Step] = []
    overridden: list[Overridden] = []
    fired: list[str] = []
    single: dict[ActionKind, str] = {}
    taken: set[tuple[Any, ...]] = set()
    for compiled in rules:
        for check in compiled.checks:
            if not check(low):
                break
        else:
            rule = compiled.rule
            fired.append(rule.code)
            for action in compiled.actions:
                if action.void:
                    continue
                params, key = action.params, action.key
                if action.refs:
                    params = dict(params)
                    for name, fact in action.refs:
                        params[name] = f.get(fact)
                    if any(v in (None, "", []) for v in params.values()):
                        continue  # a reference to a preference the customer does not have
                    key = _dedupe_key(action.kind, params)
                if action.single:
                    if action.kind in single:
                        overridden.append(Overridden(action.kind, params, rule.code, single[action.kind]))
                        continue
                    single[action.kind] = rule.code
                if key in taken:
                    continue  # two rules asking for the same card: one card
                taken.add(key)
                step_id = f"{len(steps)}:{action.tag}"
                if action.confirm is not None and not action.refs:
                    steps.append(Step(step_id, action.kind, params, rule.code, rule.name, action.confirm))
                else:
                    steps.append(_step(step_id, action.kind, dict(params), rule, order, f, today))
            if rule.stop:
                break
    return PackPlan(tuple(steps), tuple(overridden), tuple(fired))


def _step(
    step_id: str,
    kind: ActionKind,
    params: dict[str, Any],
    rule: Rule,
    order: OrderSnapshot,
    f: Mapping[str, Any],
    today: date,
) -> Step:
    confirm, code = Confirm.NONE, ""
    match kind:
        case ActionKind.INSERT:
            confirm, code = Confirm.SCAN_INSERT, insert_confirm_code(order.order_no, str(params["template"]))
        case ActionKind.SAMPLE:
            params.setdefault("quantity", 1)
            confirm = Confirm.SCAN_SAMPLE
        case ActionKind.PACKAGING:
            confirm = Confirm.KEY if params["type"] != "standard" else Confirm.NONE
        case ActionKind.REMOVE_PRICE_TAGS | ActionKind.VAT_INVOICE | ActionKind.INSTRUCTION:
            confirm = Confirm.KEY
        case ActionKind.CHECK_PERSONALISATION:
            confirm = Confirm.KEY
            params = {"fields": [dict(line.custom_fields) | {"sku": line.sku_code} for line in order.lines
                                 if line.custom_fields]}  # fmt: skip
        case ActionKind.CARRIER:
            # The waybill was bought for the order's carrier: ticking a card cannot change the
            # label, so a different carrier holds the order until it has a new waybill.
            confirm = Confirm.REWAYBILL if str(params["carrier"]) != f["order.carrier"] else Confirm.NONE
        case ActionKind.SHIP_NOT_BEFORE:
            confirm = Confirm.KEY if not ships_today(params, today) else Confirm.NONE
    return Step(step_id, kind, params, rule.code, rule.name, confirm, code)


def ships_today(params: Mapping[str, Any], today: date) -> bool:
    if "date" in params and today < date.fromisoformat(str(params["date"])):
        return False
    weekdays = params.get("weekdays")
    return not (
        isinstance(weekdays, list) and weekdays and today.isoweekday() not in {int(d) for d in weekdays}
    )

"""A parsed Query turned into SQL for one kind of result: an FTS5 MATCH for ranking, plus filters.

Positive word groups on the kind's own stemmed table go into one MATCH expression, which
ranks with BM25 and gives snippets; `-word` joins it as NOT. Everything else (prefixes,
filters, fields of the article for highlights, OR groups mixing those) becomes SQL
conditions, with text parts as `rowid IN (SELECT rowid FROM <fts> WHERE <fts> MATCH ?)`.
Every user word reaches FTS5 inside double quotes, so no input is ever read as FTS5 syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.domain.query import (
    Atom,
    ColorFilter,
    Condition,
    DateField,
    DateFilter,
    Group,
    Has,
    HasFilter,
    Query,
    State,
    StateFilter,
    TagFilter,
    TagMatch,
    TextField,
    TextTerm,
)
from reader.storage.fts import ARTICLES, HIGHLIGHTS, IndexedTable

_COLUMNS = {TextField.TITLE: "title", TextField.AUTHOR: "author", TextField.SITE: "site", TextField.NOTE: "note"}


@dataclass(frozen=True)
class Kind:
    """What differs between searching articles and searching highlights."""

    name: str
    table: IndexedTable
    alias: str
    tag_link: tuple[str, str]  # join table and its column naming the tagged row
    added_column: str

    def text_target(self, term: TextTerm) -> tuple[IndexedTable, str | None, str]:
        """The indexed table and column a term is looked up in, and the id it yields."""
        column = _COLUMNS.get(term.field)
        if column is None or column in self.table.columns:
            return self.table, column, f"{self.alias}.id"
        return ARTICLES, column, "h.article_id"  # a highlight's title, author, site: its article's


ARTICLE_KIND = Kind("article", ARTICLES, "a", ("article_tags", "article_id"), "a.added")
HIGHLIGHT_KIND = Kind("highlight", HIGHLIGHTS, "h", ("highlight_tags", "highlight_id"), "h.created")


@dataclass
class Plan:
    """The SQL pieces for one kind: `match` on `match_table` (None: no ranking), then `where`."""

    kind: Kind
    match_table: str | None = None
    match: str | None = None
    where: list[str] = field(default_factory=list)
    params: dict[str, object] = field(default_factory=dict)
    impossible: bool = False  # some group can never hold for this kind

    def param(self, value: object) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f":{name}"


def fts_expression(term: TextTerm, column: str | None) -> str:
    """The term as an FTS5 query: the words always in double quotes, then the prefix star."""
    # The parser leaves neither quotes nor NULs in words; this holds even for a hand-made term.
    words = term.text.replace("\x00", " ").replace('"', '""')
    phrase = f'"{words}"' + ("*" if term.prefix else "")
    return f"{{{column}}} : {phrase}" if column else phrase


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _tag_sql(plan: Plan, tag: TagFilter) -> str:
    link, owner = plan.kind.tag_link
    key = plan.param(tag.key)
    if tag.match is TagMatch.EXACT:
        test = f"t.key = {key}"
    elif tag.match is TagMatch.SUBTREE:
        test = f"(t.key = {key} OR t.key LIKE {plan.param(_escape_like(tag.key) + '/%')} ESCAPE '\\')"
    else:
        test = f"t.key LIKE {plan.param(_escape_like(tag.key) + '%')} ESCAPE '\\'"
    return (f"EXISTS (SELECT 1 FROM {link} AS x JOIN tags AS t ON t.id = x.tag_id "
            f"WHERE x.{owner} = {plan.kind.alias}.id AND {test})")


def _date_sql(plan: Plan, date: DateFilter) -> str:
    column = plan.kind.added_column if date.field is DateField.ADDED else "a.published"
    start, end = date.bounds
    tests = []
    if start is not None:
        tests.append(f"{column} >= {plan.param(start)}")
    if end is not None:
        tests.append(f"{column} < {plan.param(end)}")
    # A missing date is neither inside nor outside a range: 0, so `-published:2020` keeps it.
    return f"coalesce({' AND '.join(tests)}, 0)"


def _atom_sql(plan: Plan, atom: Atom) -> str | bool:
    """SQL testing one atom for this kind, or a constant when the atom cannot apply to it."""
    kind, alias = plan.kind, plan.kind.alias
    if isinstance(atom, TextTerm):
        table, column, rowid = kind.text_target(atom)
        fts = table.prefix if atom.prefix else table.stemmed
        return f"{rowid} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH {plan.param(fts_expression(atom, column))})"
    if isinstance(atom, TagFilter):
        return _tag_sql(plan, atom)
    if isinstance(atom, DateFilter):
        return _date_sql(plan, atom)
    if isinstance(atom, StateFilter):
        return {State.READ: "a.is_read", State.UNREAD: "NOT a.is_read", State.ARCHIVED: "a.archived"}[atom.state]
    if isinstance(atom, ColorFilter):
        return kind is HIGHLIGHT_KIND and f"h.color = {plan.param(atom.color)}"
    assert isinstance(atom, HasFilter)
    if atom.what is Has.NOTE:
        return f"{alias}.note != ''"
    if atom.what is Has.TAGS:
        link, owner = kind.tag_link
        return f"EXISTS (SELECT 1 FROM {link} AS x WHERE x.{owner} = {alias}.id)"
    return kind is ARTICLE_KIND and "EXISTS (SELECT 1 FROM highlights AS x WHERE x.article_id = a.id)"


def _group_sql(plan: Plan, group: Group) -> str | bool:
    parts: list[str] = []
    for condition in group.conditions:
        sql = _atom_sql(plan, condition.atom)
        if isinstance(sql, bool):
            if sql != condition.negated:
                return True  # one alternative always holds
            continue
        parts.append(f"NOT ({sql})" if condition.negated else f"({sql})")
    if not parts:
        return False
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _native_text(plan: Plan, condition: Condition) -> tuple[str, str] | None:
    """(FTS table, expression) when the condition is a term on this kind's own index."""
    atom = condition.atom
    if not isinstance(atom, TextTerm):
        return None
    table, column, _rowid = plan.kind.text_target(atom)
    if table is not plan.kind.table:
        return None
    return (table.prefix if atom.prefix else table.stemmed), fts_expression(atom, column)


def _matchable(plan: Plan, group: Group, table: str) -> list[str] | None:
    """The FTS expressions of a group of positive terms all on `table`, else None."""
    found = [_native_text(plan, condition) for condition in group.conditions]
    if all(item and item[0] == table for item in found) and not any(c.negated for c in group.conditions):
        return [item[1] for item in found if item]
    return None


def plan_for(query: Query, kind: Kind) -> Plan:
    """How to find the results of one kind for a query."""
    plan = Plan(kind)
    # Rank on the stemmed index when plain words allow it, else on the prefix index.
    for candidate in kind.table.fts_tables:
        if any(_matchable(plan, group, candidate) for group in query.groups):
            plan.match_table = candidate
            break
    positive: list[str] = []
    excluded: list[str] = []
    for group in query.groups:
        if plan.match_table:
            expressions = _matchable(plan, group, plan.match_table)
            if expressions:
                positive.append("(" + " OR ".join(expressions) + ")")
                continue
            (single,) = group.conditions if len(group.conditions) == 1 else (None,)
            native = _native_text(plan, single) if single and single.negated else None
            if native and native[0] == plan.match_table:
                excluded.append(native[1])
                continue
        sql = _group_sql(plan, group)
        if sql is False:
            plan.impossible = True
        elif sql is not True:
            plan.where.append(sql)
    if positive:
        plan.match = " AND ".join(positive)
        if excluded:
            plan.match = f"({plan.match}) NOT ({' OR '.join(excluded)})"
    return plan

from odoo import api, models
from odoo.addons.web.models.models import MAX_NUMBER_OPENED_GROUPS
from odoo.tools import SQL

# The columns the board reads of each card, and their order within a column.
CARD_FIELDS = (
    "kind",
    "board_column",
    "program_id",
    "company_id",
    "match_id",
    "res_model",
    "res_id",
    "due_date",
    "detail",
    "kind_rank",
)


class MentoringOverviewItem(models.Model):
    """The board's first page in one evaluation of the view instead of seven.

    Odoo's kanban reads a grouped board with a count per column, one search per column and then
    the cards' fields by id; each of those evaluates the whole view (a union over every ongoing
    match). Here one query computes the cards once, counts the columns and takes each column's
    first cards in order, with their fields: reading them afterwards (their facts, the
    programme) needs no further evaluation. Anything but the plain board (another grouping, an order, a progress bar's
    filter, aggregates) goes through Odoo's own way; the web client's kanban asks for the plain
    board (`limit` there is the number of columns). The record rules apply as in any search
    (`_search`)."""

    _inherit = "mentoring.overview.item"

    @api.model
    @api.readonly
    def web_read_group(
        self,
        domain,
        groupby,
        aggregates=(),
        limit=None,
        offset=0,
        order=None,
        *,
        auto_unfold=False,
        opening_info=None,
        unfold_read_specification=None,
        unfold_read_default_limit=80,
        groupby_read_specification=None,
    ):
        plain_board = (
            list(groupby) == ["board_column"]
            and set(aggregates) <= {"__count"}
            and not (order or groupby_read_specification)
            and not any(info.get("progressbar_domain") for info in opening_info or ())
            and (auto_unfold or opening_info)
        )
        if not plain_board:
            return super().web_read_group(
                domain,
                groupby,
                aggregates,
                limit,
                offset,
                order,
                auto_unfold=auto_unfold,
                opening_info=opening_info,
                unfold_read_specification=unfold_read_specification,
                unfold_read_default_limit=unfold_read_default_limit,
                groupby_read_specification=groupby_read_specification,
            )
        counts, rows = self._board_rows(domain, opening_info, unfold_read_default_limit)
        columns = sorted(counts)
        # The web client asks for a number of columns (`limit`, `offset`), as for any grouping.
        shown = columns[offset : offset + limit if limit else None]
        groups = [
            {
                "board_column": column,
                "__extra_domain": [("board_column", "=", column)],
                "__count": counts[column],
            }
            for column in shown
        ]
        windows = self._board_windows(groups, opening_info, auto_unfold, unfold_read_default_limit)
        rows = [row for row in rows if self._in_window(windows.get(row[2]), row[-2])]
        cards = self.browse(row[0] for row in rows)
        for index, name in enumerate(CARD_FIELDS, start=1):
            self._fields[name]._insert_cache(cards, [row[index] for row in rows])
        read = dict(zip(cards._ids, cards.web_read(unfold_read_specification or {}), strict=True))
        for group in groups:
            if group["board_column"] in windows:
                group["__records"] = [read[row[0]] for row in rows if row[2] == group["board_column"]]
        return {"groups": groups, "length": len(columns) if groups else 0}

    @api.model
    def _max_opened_columns(self):
        return self.env.context.get("max_number_opened_groups") or MAX_NUMBER_OPENED_GROUPS

    @api.model
    def _board_windows(self, groups, opening_info, auto_unfold, default_limit):
        """{column: (offset, limit)} of the columns to open, as the web client asks for them
        (the columns it has open with their pages, or each column's first page)."""
        opened = {info["value"]: info for info in opening_info or ()}
        windows = {}
        for group in groups:
            column = group["board_column"]
            info = opened.get(column)
            if (info["folded"] if info else not auto_unfold) or len(windows) >= self._max_opened_columns():
                continue
            offset, limit = (info["offset"], info["limit"]) if info else (0, default_limit)
            if offset and offset >= group["__count"]:
                group["__offset"] = offset = 0
            windows[column] = (offset, limit or group["__count"])
        return windows

    @api.model
    def _board_rows(self, domain, opening_info, default_limit):
        """({column: count of cards}, rows): the cards of every column up to the furthest page
        asked for, as (id, *CARD_FIELDS, rank in its column, count of its column), in one
        evaluation of the view. Each column's first card is there even when the column is
        folded: it carries the column's count."""
        query = self._search(domain)
        cards = query.select(
            SQL.identifier(self._table, "id"),
            *(self._field_to_sql(self._table, name, query) for name in CARD_FIELDS),
        )
        pages = [
            (info.get("offset") or 0) + info["limit"] if info.get("limit") else None
            for info in opening_info or ()
            if not info.get("folded")
        ]
        end = None if not default_limit or None in pages else max([1, default_limit, *pages])
        # The cards are computed once (MATERIALIZED); the columns are counted by a hash
        # aggregate and each column's first cards are taken by a top-N sort of that column
        # (`LIMIT`), so no sort or join runs over every card: sorting every card spilled to
        # disk, and joining the ranked ids back to the cards became a nested loop over all of
        # them when PostgreSQL expected few cards (issue 21). One loop per column.
        rows = self.env.execute_query(
            SQL(
                """
                WITH cards AS MATERIALIZED (%(cards)s)
                SELECT %(fields)s, page.rank, columns.count
                  FROM (SELECT board_column, count(*) AS count FROM cards GROUP BY board_column) columns
            CROSS JOIN LATERAL (
                        SELECT top.*, row_number() OVER (ORDER BY top.due_date, top.id) AS rank
                          FROM (SELECT * FROM cards
                                 WHERE cards.board_column IS NOT DISTINCT FROM columns.board_column
                              ORDER BY cards.due_date, cards.id
                                 LIMIT %(end)s) top) page
              ORDER BY page.rank, page.board_column
                """,
                cards=cards,
                fields=SQL(", ").join(SQL.identifier("page", name) for name in ("id", *CARD_FIELDS)),
                end=end,
            )
        )
        return {row[2]: row[-1] for row in rows}, rows

    @staticmethod
    def _in_window(window, rank):
        return window is not None and window[0] < rank <= window[0] + window[1]

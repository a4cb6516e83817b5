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
    """The board's first page in two evaluations of the view instead of seven.

    Odoo's kanban reads a grouped board with one search per column and then the cards' fields
    by id; each of those evaluates the whole view (a union over every ongoing match: the `items`
    it refers to twice is computed in full each time). Here the columns' counts are read as
    usual, and the cards of every open column come from one query (each card ranked within its
    column), with their fields: reading them afterwards needs no further evaluation."""

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
            and not (limit or offset or order or groupby_read_specification)
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
        # The columns and their counts, none opened (one evaluation).
        result = super().web_read_group(domain, groupby, aggregates)
        windows = self._board_windows(result["groups"], opening_info, auto_unfold, unfold_read_default_limit)
        cards, ranked = self._board_cards(domain, windows)
        read = dict(zip(cards._ids, cards.web_read(unfold_read_specification or {}), strict=True))
        for group in result["groups"]:
            column = group["board_column"]
            if column in windows:
                page = self._column_page(ranked, column)
                group["__records"] = [read[card_id] for card_id in page]
        return result

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
    def _board_cards(self, domain, windows):
        """The cards of the open columns' pages, their fields in the cache (one evaluation)."""
        if not windows:
            return self.browse(), []
        query = self._search(domain)
        fields = [self._fields[name] for name in CARD_FIELDS]
        columns = [self._field_to_sql(self._table, field.name, query) for field in fields]
        rank = SQL(
            "row_number() OVER (PARTITION BY %s ORDER BY %s)",
            self._field_to_sql(self._table, "board_column", query),
            self._order_to_sql(self._order, query),
        )
        end = max(offset + limit for offset, limit in windows.values())
        rows = self.env.execute_query(
            SQL(
                "SELECT * FROM (%s) cards WHERE cards.board_rank <= %s ORDER BY cards.board_rank",
                query.select(SQL.identifier(self._table, "id"), *columns, SQL("%s AS board_rank", rank)),
                end,
            )
        )
        rows = [row for row in rows if self._in_window(windows.get(row[2]), row[-1])]
        cards = self.browse(row[0] for row in rows)
        for index, field in enumerate(fields, start=1):
            field._insert_cache(cards, [row[index] for row in rows])
        return cards, [(row[0], row[2], row[-1]) for row in rows]

    @staticmethod
    def _in_window(window, rank):
        return window is not None and window[0] < rank <= window[0] + window[1]

    @api.model
    def _column_page(self, ranked, column):
        """The ids of `column`'s cards in its page, in the board's order."""
        return [card_id for card_id, where, _rank in ranked if where == column]

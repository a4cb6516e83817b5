import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { BaseImportModel } from "@base_import/import_model";

// A moving-in file's problems already name their spreadsheet row ("Row 12: …",
// models/base_import_import.py): each is shown as it is, one line each, rather than under the
// importer's own row index (counted from 0) or folded into a column.
patch(BaseImportModel.prototype, {
    _handleImportErrors(messages, name) {
        const named = messages.filter((message) => message.mentoring_row);
        if (!named.length) {
            return super._handleImportErrors(messages, name);
        }
        this._addMessage("danger", [_t("Nothing was imported. Correct these rows and test again:")]);
        for (const message of named) {
            this._addMessage(message.type, [message.message]);
        }
        const others = messages.filter((message) => !message.mentoring_row);
        return others.length ? super._handleImportErrors(others, name) : undefined;
    },
});

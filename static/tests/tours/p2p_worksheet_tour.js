import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/** Write `text` in a column of the worksheet row whose planning topic is `topic`. */
function note(topic, column, text) {
    const row = `.o_field_widget[name=line_ids] .o_data_row:has(.o_data_cell[name=topic]:contains(${topic}))`;
    return [
        { content: `open ${column} of ${topic}`, trigger: `${row} .o_data_cell[name=${column}]`, run: "click" },
        { trigger: `${row}.o_selected_row .o_field_widget[name=${column}] textarea`, run: `edit ${text}` },
    ];
}

// A mentor organisation opens a planning worksheet for its mentee organisation, writes its own
// and the mentee's notes in the paper's table, saves, and sends the final worksheet to the programme.
registry.category("web_tour.tours").add("peer_mentoring_p2p_worksheet_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        { trigger: `.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_relationships"]`, run: "click" },
        { trigger: `.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_worksheet_menu"]`, run: "click" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=match_id] input", run: "edit Riverbend" },
        { trigger: ".o-autocomplete--dropdown-item a:contains(Riverbend Workforce Partners)", run: "click" },
        { trigger: ".o_field_widget[name=match_id] input:value(Northside Employment Services & Riverbend Workforce Partners)" },
        { content: "the paper's first row", trigger: ".o_data_row:first .o_data_cell[name=topic]:contains(Intended goal / What do I want to learn?)" },
        { content: "the paper's last row", trigger: ".o_data_row:last .o_data_cell[name=topic]:contains(Timeline / follow-up)" },
        ...note("Intended goal", "mentor_notes", "Share our invoicing calendar"),
        ...note("Intended goal", "mentee_notes", "Invoice on time each month"),
        ...note("Learning style", "mentee_notes", "Learning by doing"),
        ...stepUtils.saveForm(),
        { trigger: ".o_form_view .oe_title:contains(Planning worksheet)" },
        { trigger: "button[name=action_send_to_programme]", run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current:contains(Sent to the programme)" },
        { trigger: ".o-mail-Message:contains(Final planning worksheet sent)" },
    ],
});

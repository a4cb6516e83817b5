import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const { DateTime } = luxon;

/** Choose an option of a selection drop-down by its label. */
function pickOption(selector, label) {
    return [
        { trigger: `${selector} .o_select_menu_toggler`, run: "click" },
        { trigger: `.o_select_menu_item:contains(${label})`, run: "click" },
    ];
}

/** Choose a radio option of a field by its label. */
function choose(field, label) {
    return { trigger: `.o_field_widget[name=${field}] label:contains(${label})`, run: "click" };
}

// A coordinator closes a match through the closure steps: Close refuses while a step is
// missing, then the talk with each side (the mentee could not be reached: the attempt made),
// the rule for contact, the rematch decision; the summary prints.
registry.category("web_tour.tours").add("peer_mentoring_match_closure_tour", {
    url: "/odoo",
    steps: () => {
        const today = DateTime.now().toFormat("MM/dd/yyyy");
        return [
            ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
            {
                trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_relationships"]',
                run: "click",
            },
            { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_match_menu"]', run: "click" },
            { trigger: ".o_breadcrumb:contains(Matches)" },
            { trigger: ".o_kanban_record:contains(Jamie Rivera)", run: "click" },
            { trigger: ".o_form_view .o_statusbar_buttons button[name=action_open_close_wizard]", run: "click" },
            { trigger: ".o_form_view .o_field_widget[name=match_id]:contains(Jamie Rivera)" },
            ...pickOption(".o_field_widget[name=closure_reason]", "Goals met"),
            choose("closure_kind", "Planned end"),
            choose("mentor_conversation", "We talked"),
            { trigger: ".o_field_widget[name=mentor_talk_date] input", run: `edit ${today} && press Enter` },
            {
                trigger: ".o_field_widget[name=mentor_talk_notes] textarea",
                run: "edit Proud of the job interview they prepared together.",
            },
            choose("mentee_conversation", "Could not reach them"),
            { trigger: ".o_field_widget[name=attempt_ids] .o_field_x2many_list_row_add a", run: "click" },
            ...pickOption(".o_field_widget[name=attempt_ids] .o_data_row td[name=side]", "Mentee"),
            ...pickOption(".o_field_widget[name=attempt_ids] .o_data_row td[name=method]", "Phone call"),
            {
                trigger: ".o_field_widget[name=attempt_ids] .o_data_row td[name=note] input",
                run: "edit No answer, left a voicemail",
            },
            choose("contact_rule", "Only through the agency"),
            choose("rematch_decision", "Not now"),
            // A missing step is named in plain words.
            { trigger: ".o_form_view .o_statusbar_buttons button[name=action_close_match]", run: "click" },
            { trigger: ".o_form_view .o_field_invalid[name=rematch_reason], .o_notification:contains(rematch)" },
            {
                trigger: ".o_field_widget[name=rematch_reason] textarea",
                // Tab leaves the field: its change is what commits the text to the record (typing
                // alone does not), and only then does the field leave its invalid state.
                run: "edit Jamie wants a break over the summer. && press Tab",
            },
            // The reason is taken before Close is pressed again.
            { trigger: ".o_form_view:not(:has(.o_field_invalid))", timeout: 30000 },
            { trigger: ".o_form_view .o_statusbar_buttons button[name=action_close_match]:enabled", run: "click" },
            { trigger: ".o_statusbar_status .o_arrow_button_current:contains(Match closed)" },
            { trigger: ".o_form_view .o_statusbar_buttons button[name=action_print_summary]", run: "click" },
            { trigger: ":iframe .pm-form h2:contains(Closure Summary)" },
            { trigger: ":iframe .pm-form td:contains(Could not reach them)" },
            { trigger: ":iframe .pm-form li:contains(No answer, left a voicemail)" },
            { trigger: ".o_control_panel button:contains(Print)" },
        ];
    },
});

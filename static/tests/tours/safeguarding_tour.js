import { registry } from "@web/core/registry";
import { formatDateTime } from "@web/core/l10n/dates";
import { stepUtils } from "@web_tour/tour_utils";

const { DateTime } = luxon;

/** Choose an option of a selection drop-down by its label. */
function pickOption(selector, label) {
    return [
        { trigger: `${selector} .o_select_menu_toggler`, run: "click" },
        { trigger: `.o_select_menu_item:contains(${label})`, run: "click" },
    ];
}

// A peer mentor opens one of their meetings and raises a concern from it: a few plain fields,
// then a receipt with the reference and what to do now.
registry.category("web_tour.tours").add("peer_mentoring_safeguarding_raise_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_relationships"]',
            run: "click",
        },
        { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_encounter_menu"]', run: "click" },
        { trigger: ".o_data_row:contains(Jamie Rivera) td[name=date]", run: "click" },
        { trigger: ".o_form_view .o_form_statusbar button[name=action_raise_concern]", run: "click" },
        { trigger: ".modal .o_field_widget[name=type_id] label:contains(harmed)", run: "click" },
        {
            trigger: ".modal .o_field_widget[name=description] textarea",
            run: "edit Jamie told me someone at home hurts them.",
        },
        { trigger: ".modal .o_field_widget[name=steps_taken] textarea", run: "edit Told my supervisor by phone" },
        { trigger: ".modal .o_field_widget[name=match_id]:contains(Jamie Rivera)" },
        { trigger: ".modal footer button[name=action_submit]", run: "click" },
        { trigger: ".modal .o_safeguarding_receipt:contains(Your concern was received)" },
        { trigger: ".modal .o_field_widget[name=concern_reference]:contains(SG-)" },
        { trigger: ".modal .o_field_widget[name=guidance]:contains(own words)" },
        { trigger: ".modal footer button:contains(Close)", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ],
});

// The safeguarding lead opens the app: it lands on the open concerns. They read the concern in
// full, record that children's services were told (when, whom, their reference), record the
// outcome with its summary, close the concern and print its summary for the file.
registry.category("web_tour.tours").add("peer_mentoring_safeguarding_lead_tour", {
    url: "/odoo",
    steps: () => {
        // When they told them: a few minutes ago, typed the way the lead's language writes it.
        const toldOn = formatDateTime(DateTime.now().minus({ minutes: 5 }).startOf("minute"));
        const row = ".o_field_widget[name=notification_ids] .o_data_row:contains(Children)";
        return [
            ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
            { trigger: ".o_breadcrumb:contains(Concerns)" },
            {
                trigger: ".o_data_row:contains(The person told me they are being harmed) td[name=name]",
                run: "click",
            },
            { trigger: ".o_form_view .o_field_widget[name=description]:contains(someone at home hurts them)" },
            { trigger: ".o_form_view .o_field_widget[name=raised_by_id]:contains(t_mentor_a)" },
            { trigger: ".o_form_view .o_field_widget[name=mentee_id]:contains(Jamie Rivera)" },
            // Notifications: the one the programme's rules require is there, to do.
            { trigger: ".o_form_view .o_notebook .nav-link:contains(Notifications)", run: "click" },
            { trigger: `${row} td[name=state]:contains(To do)` },
            { trigger: `${row} td[name=notified_on]`, run: "click" },
            { trigger: `${row}.o_selected_row [name=notified_on] input`, run: `edit ${toldOn} && press Tab` },
            { trigger: `${row}.o_selected_row [name=contact_name] input`, run: "edit Sam Duty" },
            { trigger: `${row}.o_selected_row [name=reference] input`, run: "edit CS-2026-0147" },
            { trigger: `${row} button[name=action_mark_notified]`, run: "click" },
            { trigger: `${row} td[name=state]:contains(Done)` },
            { trigger: `${row} td[name=notified_by_id]:contains(t_sg_lead)` },
            { trigger: `${row}:not(:has(button[name=action_mark_notified]))` },
            // Outcome: chosen, summarised, recorded; then the concern is closed.
            { trigger: ".o_form_view .o_notebook .nav-link:contains(Outcome)", run: "click" },
            ...pickOption(".o_field_widget[name=outcome_choice]", "Substantiated"),
            {
                trigger: ".o_field_widget[name=outcome_summary] textarea",
                run: "edit Children's services visited; a protection plan is in place.",
            },
            { trigger: ".o_form_statusbar button[name=action_record_outcome]", run: "click" },
            { trigger: ".o_field_widget[name=outcome_recorded_by_id]:contains(t_sg_lead)" },
            { trigger: ".o_form_statusbar button[name=action_close]", run: "click" },
            { trigger: ".o_form_statusbar .o_statusbar_status button.o_arrow_button_current:contains(Closed)" },
            { trigger: ".o_field_widget[name=closed_by_id]:contains(t_sg_lead)" },
            // The concern's summary for the file: the form's buttons come back once it is downloaded.
            { trigger: ".o_form_statusbar button[name=action_print_summary]", run: "click" },
            { trigger: ".o_form_statusbar button[name=action_print_summary]:enabled" },
            { trigger: ".o_form_view .o_field_widget[name=closed_on]" },
        ];
    },
});

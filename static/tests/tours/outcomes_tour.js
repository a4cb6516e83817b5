import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A coordinator opens the signed plan at its review, rates each goal with each side in plain
// words, then makes the programme's funder report and prints it.
registry.category("web_tour.tours").add("peer_mentoring_outcomes_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_relationships"]',
            run: "click",
        },
        { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_plan_menu"]', run: "click" },
        { trigger: ".o_data_row td:contains(Jamie Rivera)", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=goal_ids]:contains(Two interviews)" },
        { trigger: ".o_statusbar_buttons button[name=action_rate_goals]", run: "click" },
        { trigger: ".o_list_view .o_data_row:nth-child(1) td[name=score]", run: "click" },
        { trigger: ".o_data_row:nth-child(1).o_selected_row td[name=score] .o_select_menu_toggler", run: "click" },
        { trigger: ".o_select_menu_item:contains(More than we hoped)", run: "click" },
        { trigger: ".o_list_view .o_data_row:nth-child(2) td[name=score]", run: "click" },
        { trigger: ".o_data_row:nth-child(2).o_selected_row td[name=score] .o_select_menu_toggler", run: "click" },
        { trigger: ".o_select_menu_item:contains(What we hoped for)", run: "click" },
        { trigger: ".o_list_button_save", run: "click" },
        { trigger: ".o_list_view:not(:has(.o_selected_row))" },
        { trigger: ".o_data_row td[name=score]:contains(More than we hoped)" },
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_reporting"]',
            run: "click",
        },
        { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_funder_report_menu"]', run: "click" },
        { trigger: ".modal .o_field_widget[name=program_id] input", run: "edit Disability" },
        { trigger: ".o-autocomplete--dropdown-item:contains(Disability Peer Mentoring)", run: "click" },
        { trigger: ".modal footer button[name=action_print]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_breadcrumb:contains(Funder report)" },
        { trigger: ":iframe .pm-form:contains(Funder report):contains(fewer than 5)" },
        { trigger: ":iframe .pm-form:contains(Goal attainment score)" },
        { trigger: ".o_control_panel button:contains(Print)" },
    ],
});

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A coordinator opens Reporting, makes the programme's quality report for the default period
// (the last twelve months) and reads the figures; then prints it.
registry.category("web_tour.tours").add("peer_mentoring_quality_report_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_reporting"]',
            run: "click",
        },
        { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_quality_report_menu"]', run: "click" },
        { trigger: ".o_view_nocontent:contains(choose a programme and a period)" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=program_id] input", run: "edit Disability" },
        { trigger: ".o-autocomplete--dropdown-item:contains(Disability Peer Mentoring)", run: "click" },
        ...stepUtils.saveForm(),
        { trigger: ".o_field_widget[name=match_count]:contains(5)" },
        { trigger: ".o_field_widget[name=ended_before_3_months]:contains(33.3)" },
        { trigger: ".o_form_view:not(:has(.o_field_widget[name=notification_count]))" },
        { trigger: ".o_form_view .o_statusbar_buttons button[name=action_show_report]", run: "click" },
        { trigger: ":iframe .pm-form:contains(Ended before 3 months):contains(33.3 %)" },
        { trigger: ":iframe .pm-form:contains(Fifteen)" },
        { trigger: ".o_control_panel button:contains(Print)" },
    ],
});

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A supervisor opens a meeting of a mentor they supervise: they read it, and nothing on the
// form invites them to change it.
registry.category("web_tour.tours").add("peer_mentoring_supervisor_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_relationships"]',
            run: "click",
        },
        { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_encounter_menu"]', run: "click" },
        { trigger: ".o_data_row:contains(Ada Mentor) td[name=date]", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=match_id]:contains(Ada Mentor & Jamie Rivera)" },
        { trigger: ".o_form_view .o_field_widget[name=progress]:contains(Met goal)" },
        { trigger: ".o_form_view .o_field_widget.o_readonly_modifier[name=date]" },
        { trigger: ".o_form_view .o_field_widget.o_readonly_modifier[name=start_time]" },
        { trigger: ".o_form_view .o_field_widget.o_readonly_modifier[name=progress]" },
        { trigger: ".o_form_view .o_field_widget.o_readonly_modifier[name=location_type]" },
        { trigger: ".o_form_view .o_form_statusbar:not(:has(button[name=action_confirm]))" },
        { trigger: ".o_form_view .o_form_statusbar:not(:has(button[name=action_cancel]))" },
        { trigger: ".o_form_view:not(:has(.o_field_widget[name=date] input:not([readonly])))" },
    ],
});

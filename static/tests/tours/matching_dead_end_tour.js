import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// Issue 16.3, no dead ends: a coordinator finds a mentor for a mentee of a billed programme who
// has no authorisation. The screen says why nobody is proposed, counted, and takes them to where
// it is fixed; the breadcrumbs carry names.
registry.category("web_tour.tours").add("peer_mentoring_matching_dead_end_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        { trigger: `.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_people"]`, run: "click" },
        { trigger: `.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_mentee_menu"]`, run: "click" },
        { trigger: ".o_data_row td[name=name]:contains(Casey Morgan)", run: "click" },
        { trigger: "button[name=action_find_mentor]", run: "click" },
        {
            trigger:
                ".o_match_empty_reason:contains(mentors were left out: Casey Morgan has no approved authorisation):contains(no authorisation recorded):contains(Record the authorisation first)",
        },
        { trigger: ".o_breadcrumb:contains(Find a mentor for Casey Morgan)" },
        { trigger: ".o_match_empty_reason button[name=action_fix_empty]", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=mentee_id]:contains(Casey Morgan), .o_form_view .o_field_widget[name=mentee_id] input:value(Casey Morgan)" },
        { trigger: ".o_breadcrumb .o_back_button:contains(Find a mentor for Casey Morgan), .o_breadcrumb:contains(Find a mentor for Casey Morgan)" },
    ],
});

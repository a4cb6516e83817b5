import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A supervisor who mentors nobody reads the agreements of the mentors they supervise, with no
// New button: they can write none. Where there is nothing to read either, the empty list says
// why and what to do instead of inviting them to create.
registry.category("web_tour.tours").add("peer_mentoring_offer_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_relationships"]',
            run: "click",
        },
        { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_agreement_menu"]', run: "click" },
        { trigger: ".o_list_view .o_data_row:contains(Ada Mentor)" },
        { trigger: ".o_control_panel:not(:has(.o_list_button_add))" },
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_relationships"]',
            run: "click",
        },
        { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_plan_menu"]', run: "click" },
        { trigger: ".o_view_nocontent:contains(an ongoing match of your own)" },
        { trigger: ".o_view_nocontent:contains(ask your programme's coordinator)" },
        { trigger: ".o_control_panel:not(:has(.o_list_button_add))" },
    ],
});

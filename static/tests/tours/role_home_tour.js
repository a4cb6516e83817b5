import { registry } from "@web/core/registry";

// After login, each role's own screen opens, without a click on a menu.
registry.category("web_tour.tours").add("peer_mentoring_mentor_home_tour", {
    url: "/odoo",
    steps: () => [
        { content: "a peer mentor lands on Log a meeting", trigger: ".o_pm_log_title:contains(Log a meeting)" },
        { content: "with their mentee to pick", trigger: ".o_pm_who .o_selection_badge:contains(Jamie Rivera)" },
    ],
});

registry.category("web_tour.tours").add("peer_mentoring_coordinator_home_tour", {
    url: "/odoo",
    steps: () => [
        { content: "a coordinator lands on Needs doing", trigger: ".o_breadcrumb:contains(Needs doing)" },
        { content: "the Mentoring app's menus are there", trigger: ".o_main_navbar .o_menu_brand:contains(Mentoring)" },
    ],
});

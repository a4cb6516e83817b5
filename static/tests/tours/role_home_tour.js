import { registry } from "@web/core/registry";

// After login, each role's own screen opens, without a click on a menu.
registry.category("web_tour.tours").add("peer_mentoring_mentor_home_tour", {
    url: "/odoo",
    steps: () => [
        { content: "a peer mentor lands on Log a meeting", trigger: ".o_pm_log_title:contains(Log a meeting)" },
        { content: "with their mentee to pick", trigger: ".o_pm_who .o_selection_badge:contains(Jamie Rivera)" },
        { content: "open the user menu", trigger: ".o_user_menu button", run: "click" },
        { content: "open My Preferences", trigger: "[data-menu=preferences]", run: "click" },
        {
            content: "open the choice of the screen after login",
            trigger: ".modal .o_field_widget[name=mentoring_home] .o_select_menu_toggler",
            run: "click",
        },
        { content: "choose Odoo's start page", trigger: ".o_select_menu_item:contains(start page)", run: "click" },
        {
            content: "save, once the choices are closed",
            trigger: "body:not(:has(.o_select_menu_item)) .modal button[name=preference_save]:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        { content: "the preferences are closed", trigger: "body:not(:has(.modal)) .o_action_manager" },
    ],
});

registry.category("web_tour.tours").add("peer_mentoring_coordinator_home_tour", {
    url: "/odoo",
    steps: () => [
        { content: "a coordinator lands on Needs doing", trigger: ".o_breadcrumb:contains(Needs doing)" },
        { content: "the Mentoring app's menus are there", trigger: ".o_main_navbar .o_menu_brand:contains(Mentoring)" },
    ],
});

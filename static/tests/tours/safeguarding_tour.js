import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

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

// The safeguarding lead opens the app: it lands on the open concerns, and they read it in full.
registry.category("web_tour.tours").add("peer_mentoring_safeguarding_lead_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        { trigger: ".o_breadcrumb:contains(Concerns)" },
        { trigger: ".o_data_row:contains(The person told me they are being harmed) td[name=name]", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=description]:contains(someone at home hurts them)" },
        { trigger: ".o_form_view .o_field_widget[name=raised_by_id]:contains(t_mentor_a)" },
        { trigger: ".o_form_view .o_field_widget[name=mentee_id]:contains(Jamie Rivera)" },
        { trigger: ".o_form_view .o_notebook .nav-link:contains(Notifications)" },
    ],
});

import { registry } from "@web/core/registry";

// A coordinator logs in on Needs doing, sees the overdue check-in, opens the check-in form from
// its card and records a check-in with the mentee by phone.
registry.category("web_tour.tours").add("peer_mentoring_checkin_tour", {
    url: "/odoo",
    steps: () => [
        { content: "a coordinator lands on Needs doing", trigger: ".o_breadcrumb:contains(Needs doing)" },
        {
            content: "the overdue check-in is a card",
            trigger:
                ".o_kanban_group:has(.o_column_title:contains(Get in touch)) .o_kanban_record:contains(Check-in overdue):contains(Jamie Rivera)",
            run: "click",
        },
        { content: "the side that is due is chosen", trigger: ".o_field_widget[name=who] input[data-value=mentee]:checked" },
        { trigger: ".o_field_widget[name=method] input[data-value=phone]", run: "click" },
        { trigger: ".o_field_widget[name=duration_minutes] input", run: "edit 20" },
        { trigger: ".o_field_widget[name=relationship_rating] input[data-value='4']", run: "click" },
        { trigger: ".o_field_widget[name=activities] textarea", run: "edit Went to the library together" },
        { trigger: ".o_field_widget[name=goal_progress] textarea", run: "edit Took the bus alone once" },
        { trigger: ".o_field_widget[name=safety_concern] input[data-value=no]", run: "click" },
        { trigger: ".o_form_view .o_form_statusbar button[name=action_record]", run: "click" },
        { content: "recorded", trigger: ".o_statusbar_status .o_arrow_button_current:contains(Recorded)" },
    ],
});

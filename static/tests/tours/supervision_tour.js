import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

function openSupervision(item) {
    return [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_supervision"]',
            run: "click",
        },
        { trigger: `.dropdown-item[data-menu-xmlid="peer_mentoring.${item}"]`, run: "click" },
    ];
}

function addMentor(row, typed, name, note) {
    const line = `div[name=attendee_ids] .o_data_row:nth-child(${row}).o_selected_row`;
    return [
        { trigger: "div[name=attendee_ids] .o_field_x2many_list_row_add a", run: "click" },
        { trigger: `${line} .o_field_widget[name=mentor_id] input`, run: `edit ${typed}` },
        { trigger: `.o-autocomplete--dropdown-item a:contains(${name})`, run: "click" },
        { trigger: `${line} .o_field_widget[name=mentor_id] input:value(${name})` },
        { trigger: `${line} .o_field_widget[name=notes] textarea`, run: `edit ${note}` },
    ];
}

// A supervisor records a group co-reflection with two peer mentors: what was shared, a note
// for each mentor apart, and marks it held.
registry.category("web_tour.tours").add("peer_mentoring_supervision_group_tour", {
    url: "/odoo",
    steps: () => [
        ...openSupervision("mentoring_supervision_session_menu"),
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=session_type] input[data-value=group]", run: "click" },
        { trigger: ".o_field_widget[name=session_type] input[data-value=group]:checked" },
        { trigger: ".o_field_widget[name=start_time] input", run: "edit 14:00" },
        { trigger: ".o_field_widget[name=modality] input[data-value=video]", run: "click" },
        { trigger: ".o_field_widget[name=modality] input[data-value=video]:checked" },
        { trigger: ".o_field_widget[name=agenda] textarea", run: "edit Boundaries outside meeting times" },
        { trigger: ".o_field_widget[name=outcomes] textarea", run: "edit Five ways to answer a late call" },
        { trigger: ".o_field_widget[name=action_plan] textarea", run: "edit Each tries one idea" },
        {
            content: "nobody listed yet: no Mark as held, the form says where to add them",
            trigger: ".o_pm_add_attendees_hint:contains(Peer mentors)",
        },
        { trigger: ".o_form_statusbar:not(:has(button[name=action_mark_held]))" },
        { trigger: "a.nav-link:contains(Peer mentors)", run: "click" },
        ...addMentor(1, "Ada", "Ada Mentor", "Ada: ask about workload"),
        ...addMentor(2, "Ben", "Ben Mentor", "Ben: boundaries"),
        { content: "with mentors listed, the hint goes", trigger: ".o_form_sheet:not(:has(.o_pm_add_attendees_hint))" },
        ...stepUtils.saveForm(),
        { trigger: "button[name=action_mark_held]", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current:contains(Held)" },
    ],
});

// A peer mentor opens the session and confirms, in their own name, that they attended.
registry.category("web_tour.tours").add("peer_mentoring_supervision_confirm_tour", {
    url: "/odoo",
    steps: () => [
        ...openSupervision("mentoring_supervision_session_menu"),
        { trigger: ".o_data_row td[name=attendee_names]:contains(Ada Mentor)", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=outcomes]:contains(Five ways to answer a late call)" },
        // Only their own line: the note about Ben is not on Ada's screen.
        { trigger: "a.nav-link:contains(Peer mentors)", run: "click" },
        { trigger: "div[name=attendee_ids] .o_data_row:contains(Ada: ask about workload)" },
        { trigger: "div[name=attendee_ids]:not(:contains(Ben: boundaries))" },
        { trigger: "button[name=action_confirm_my_attendance]", run: "click" },
        { trigger: ".o_form_view:not(:has(button[name=action_confirm_my_attendance]))" },
        { trigger: "div[name=attendee_ids] .o_data_row:contains(Ada: ask about workload) td[name=attended] input:checked" },
    ],
});

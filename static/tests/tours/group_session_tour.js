import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * A peer mentor logs today's group meeting with two of their mentees, from Log a meeting: who came, each person's goal and progress and signature, their own signature
 * once for the group, then Confirm.
 */
function adoptSignature(where) {
    return [
        {
            content: `open the signature box: ${where}`,
            trigger: `${where} .o_signature`,
            run: "click",
        },
        {
            content: "the name is written as a signature",
            trigger: ".modal canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        {
            content: "adopt the signature",
            trigger: ".modal:has(canvas.o_web_sign_signature) .modal-footer .btn-primary:enabled",
            run: "click",
        },
        {
            content: "the signature shows on the page",
            trigger: `${where} img.o_signature`,
        },
    ];
}

function addPerson(name) {
    return [
        {
            content: `add a line for ${name}`,
            trigger: ".o_pm_group_roster .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "who came",
            trigger: ".modal .o_pm_group_who input",
            run: `edit ${name}`,
        },
        {
            content: `pick ${name} (one of the mentor's own mentees)`,
            trigger: `.o-autocomplete--dropdown-item:contains(${name})`,
            run: "click",
        },
        {
            content: "the goal of the person's plan is filled in",
            trigger: `.modal .o_field_widget[name=goal_id] input:value(${name}: cook a meal), .modal .o_field_widget[name=goal_id] input:value(Get a part-time job)`,
        },
        {
            content: "how it went",
            trigger: ".modal .o_field_widget[name=progress] label:contains(Met goal)",
            run: "click",
        },
        ...adoptSignature(".modal .o_pm_signature_mentee"),
        {
            content: "save the person's line",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: `${name} is on the list`,
            trigger: `.o_pm_group_roster .o_data_row:contains(${name})`,
        },
    ];
}

registry.category("web_tour.tours").add("peer_mentoring_group_session_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            content: "Log a meeting offers a group meeting",
            trigger: "button.o_pm_group_log",
            run: "click",
        },
        {
            content: "a new group meeting, the mentor filled in",
            trigger: ".o_form_view .o_field_widget[name=mentor_id] input:value(Ada Mentor)",
        },
        {
            content: "where: out in the community",
            trigger: ".o_field_widget[name=location_type] input[data-value=community]",
            run: "click",
        },
        {
            content: "the place is chosen",
            trigger: ".o_field_widget[name=location_type] input[data-value=community]:checked",
        },
        ...addPerson("Jamie Rivera"),
        ...addPerson("Robin Lee"),
        ...adoptSignature(".o_pm_signature_mentor"),
        {
            content: "confirm the group meeting",
            trigger: "button.o_pm_group_confirm",
            run: "click",
        },
        {
            content: "the group meeting is confirmed",
            trigger: ".o_statusbar_status button.active:contains(Confirmed), .o_statusbar_status .o_arrow_button_current:contains(Confirmed)",
        },
        {
            content: "each person's meeting is confirmed",
            trigger: ".o_pm_group_roster .o_data_row:contains(Robin Lee):contains(Confirmed)",
        },
    ],
});

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const CRITERIA = 13;

function statusIs(label) {
    return { trigger: `.o_statusbar_status .o_arrow_button_current:contains(${label})` };
}

/** In the decision dialog: "Passed", then Record. */
function recordPassed() {
    return [
        { trigger: "button[name=action_open_decision]", run: "click" },
        { trigger: ".modal .o_field_widget[name=decision] .o_radio_item:contains(Passed) input", run: "click" },
        { trigger: ".modal button.o_pm_record_decision", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ];
}

/** Score each criterion of the evaluation form. */
function scoreEach(score) {
    const steps = [];
    for (let row = 0; row < CRITERIA; row++) {
        const cell = `.o_field_widget[name=answer_ids] .o_data_row:eq(${row}) td[name=score]`;
        steps.push({ trigger: cell, run: "click" });
        steps.push({ trigger: `${cell} input`, run: `edit ${score}` });
    }
    return steps;
}

// The supervisor logs the last hours of an intern's internship, evaluates the intern's
// performance on the 13 criteria, sends the log for review and records that it is passed.
registry.category("web_tour.tours").add("peer_mentoring_internship_supervisor_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_internships"]',
            run: "click",
        },
        { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_internship_menu"]', run: "click" },
        { trigger: ".o_data_row:contains(Ivy Intern) td[name=mentor_id]", run: "click" },
        statusIs("In progress"),
        { trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a", run: "click" },
        // The new row's defaults arrive by onchange; wait for them before typing.
        { trigger: ".o_field_widget[name=line_ids] .o_selected_row [name=initials] input:value(II)" },
        { trigger: ".o_field_widget[name=line_ids] .o_selected_row [name=activity_id] input", run: "click" },
        { trigger: ".o_field_widget[name=line_ids] .o_selected_row [name=activity_id] input", run: "edit Co-facil" },
        { trigger: ".o-autocomplete--dropdown-item a:contains(Co-facilitating groups)", run: "click" },
        { trigger: ".o_field_widget[name=line_ids] .o_selected_row [name=hours] input", run: "edit 2:00" },
        ...stepUtils.saveForm(),
        { trigger: ".o_field_widget[name=total_hours]:contains(10:00)" },
        { content: "both in hours and minutes", trigger: ".o_field_widget[name=required_hours]:contains(10:00)" },

        { trigger: "button[name=action_new_performance_evaluation]", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=answer_ids] .o_data_row:contains(Time management)" },
        ...scoreEach(4),
        { trigger: "button.o_pm_evaluation_done", run: "click" },
        statusIs("Completed"),
        { trigger: ".o_field_widget[name=average_score]:contains(4.00)" },
        { trigger: ".o_breadcrumb .breadcrumb-item a:contains(Ivy Intern)", run: "click" },

        { trigger: "button[name=action_send_for_review]", run: "click" },
        { trigger: ".modal-footer button.btn-primary", run: "click" },
        statusIs("In review"),
        ...recordPassed(),
        statusIs("In review"),
    ],
});

// The oversight body opens the internship file in its own app and records that the internship is
// passed: the intern is certified.
registry.category("web_tour.tours").add("peer_mentoring_internship_oversight_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_oversight_menu_root", "Open the internship files"),
        { trigger: ".o_data_row:contains(Ivy Intern) td[name=mentor_id]", run: "click" },
        statusIs("In review"),
        { trigger: ".o_field_widget[name=total_hours]:contains(10:00)" },
        ...recordPassed(),
        statusIs("Passed"),
        { trigger: ".o_form_view .ribbon:contains(Certified)" },
    ],
});

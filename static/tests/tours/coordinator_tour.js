import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const { DateTime } = luxon;

/** Open a menu of the Mentoring app's top bar, then one of its items. */
function openMenu(section, item) {
    return [
        { trigger: `.o_menu_sections button[data-menu-xmlid="peer_mentoring.${section}"]`, run: "click" },
        { trigger: `.dropdown-item[data-menu-xmlid="peer_mentoring.${item}"]`, run: "click" },
    ];
}

/** Type in a many2one, pick the suggestion that contains `label`, and see `value` chosen. */
function pick(field, typed, label, value = label) {
    return [
        { trigger: `.o_field_widget[name=${field}] input`, run: `edit ${typed}` },
        { trigger: `.o-autocomplete--dropdown-item a:contains(${label})`, run: "click" },
        { trigger: `.o_field_widget[name=${field}] input:value(${value})` },
    ];
}

function statusIs(label) {
    return { trigger: `.o_statusbar_status .o_arrow_button_current:contains(${label})` };
}

function signBothToday() {
    const today = DateTime.now().toFormat("MM/dd/yyyy");
    return [
        { trigger: ".o_field_widget[name=mentor_signed_on] input", run: `edit ${today} && press Enter` },
        { trigger: ".o_field_widget[name=mentee_signed_on] input", run: `edit ${today} && press Enter` },
    ];
}

// A coordinator's first relationship, by clicking only: a new mentee, a proposed match with a
// mentor chosen from the picker's details, the introduction, the agreement signed by both,
// the activation and the individual plan.
registry.category("web_tour.tours").add("peer_mentoring_coordinator_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        ...openMenu("mentoring_menu_people", "mentoring_mentee_menu"),
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=name] input", run: "edit Robin Tour" },
        { trigger: ".o_field_widget[name=program_ids] input", run: "edit Disability" },
        { trigger: ".o-autocomplete--dropdown-item a:contains(Disability Peer Mentoring)", run: "click" },
        { trigger: ".o_field_widget[name=program_ids] .o_tag:contains(Disability Peer Mentoring)" },
        ...stepUtils.saveForm(),

        ...openMenu("mentoring_menu_relationships", "mentoring_match_menu"),
        { trigger: ".o-kanban-button-new", run: "click" },
        { trigger: ".o_form_view .oe_title:contains(New match)" },
        ...pick("program_id", "Disability", "Disability Peer Mentoring"),
        // The picker tells each mentor's free places (and languages, interests, area).
        { trigger: ".o_field_widget[name=mentor_id] input", run: "edit Ben" },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Ben Mentor):contains(1 of 2 places free)",
            run: "click",
        },
        { trigger: ".o_field_widget[name=mentor_id] input:value(Ben Mentor)" },
        ...pick("mentee_id", "Robin", "Robin Tour"),
        ...stepUtils.saveForm(),
        { trigger: ".o_form_view .oe_title:contains(Ben Mentor & Robin Tour)" },
        { trigger: "button[name=action_introduce]:contains(Introduce)", run: "click" },
        statusIs("Introduced"),

        { trigger: "button[name=action_view_agreements]", run: "click" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=match_id] input:value(Ben Mentor & Robin Tour)" },
        { trigger: ".o_field_widget[name=purpose] textarea", run: "edit Settle into a first job" },
        { trigger: ".o_field_widget[name=development_goals] textarea", run: "edit Travel to work alone" },
        { trigger: "a.nav-link:contains(Signatures)", run: "click" },
        ...signBothToday(),
        ...stepUtils.saveForm(),
        { trigger: "button[name=action_sign]", run: "click" },
        statusIs("Signed"),
        { trigger: ".o_breadcrumb .breadcrumb-item a:contains(Ben Mentor & Robin Tour)", run: "click" },

        { trigger: "button[name=action_activate]", run: "click" },
        statusIs("Active"),
        { trigger: "button[name=action_view_plans]", run: "click" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=person_centred_goals] textarea", run: "edit Work in a bakery" },
        { trigger: ".o_field_widget[name=goal_ids] .o_field_x2many_list_row_add a", run: "click" },
        { trigger: ".o_field_widget[name=goal_ids] .o_data_row [name=name] input", run: "edit Visit two bakeries" },
        { trigger: ".o_field_widget[name=goal_ids] .o_data_row [name=is_first_two] input", run: "click" },
        ...signBothToday(),
        ...stepUtils.saveForm(),
        { trigger: "button[name=action_sign]", run: "click" },
        statusIs("Signed"),
    ],
});

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/** Rate the topic whose name contains `topic` with `level` (1 to 3). */
function rate(topic, level) {
    const row = `.o_field_widget[name=line_ids] .o_data_row:has(.o_data_cell[name=topic_id]:contains(${topic}))`;
    return [
        { content: `open the rating of ${topic}`, trigger: `${row} .o_data_cell[name=level]`, run: "click" },
        { content: `rate ${topic} ${level}`, trigger: `${row}.o_selected_row .o_field_widget[name=level] input[data-value='${level}']`, run: "click" },
    ];
}

// A mentor organisation answers seed 002's knowledge-strengths survey by clicking.
registry.category("web_tour.tours").add("peer_mentoring_p2p_survey_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        { trigger: `.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_people"]`, run: "click" },
        { trigger: `.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_knowledge_survey_menu"]`, run: "click" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=mentor_id] input", run: "edit Northside" },
        { trigger: ".o-autocomplete--dropdown-item a:contains(Northside Employment Services)", run: "click" },
        { content: "the organisation's programme is filled in", trigger: ".o_field_widget[name=program_id] input:value(Provider-to-Provider Mentoring)" },
        { content: "the form's thirteen topics", trigger: ".o_field_widget[name=line_ids] .o_data_row:eq(12) .o_data_cell[name=topic_id]:contains(Internal review for contract compliance)" },
        ...rate("invoicing process", 3),
        ...rate("Outreach and marketing", 1),
        { trigger: ".o_field_widget[name=hours_per_month] input[data-value='1_2']", run: "click" },
        { trigger: ".o_field_widget[name=communication] input[data-value='other']", run: "click" },
        { trigger: ".o_field_widget[name=communication_other] input", run: "edit Video calls" },
        { trigger: ".o_field_widget[name=additional_info] textarea", run: "edit We run two sites" },
        ...stepUtils.saveForm(),
        { trigger: ".o_form_view .oe_title:contains(Knowledge survey of Northside Employment Services)" },
    ],
});

import { registry } from "@web/core/registry";

/* Finance, with the Invoicing role alone: open a posted mentoring invoice, create its claim,
   read the claim's lines (a telehealth line with its modifier), and print the CMS-1500. */
registry.category("web_tour.tours").add("peer_mentoring_claims_tour", {
    steps: () => [
        {
            content: "The posted invoice to the payer is open",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Posted)",
        },
        {
            content: "Create its claim",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_create_mentoring_claims]",
            run: "click",
        },
        {
            content: "The claim opens, for the person's member ID",
            trigger: ".o_form_view .o_field_widget[name=member_id]:contains(M-12345)",
        },
        {
            content: "It carries the diagnosis codes",
            trigger: ".o_form_view .o_field_widget[name=diagnosis_codes]:contains(F84.0, F70)",
        },
        {
            content: "The video meeting is a telehealth line (modifier 95, place of service 10)",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:has(td[name=code_label]:contains(H0038 95)):has(td[name=place_of_service_name]:contains(10))",
        },
        {
            content: "Print the CMS-1500",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_print_cms1500]",
            run: "click",
        },
        {
            content: "The CMS-1500 shows, the member ID in box 1a",
            trigger: ":iframe .cms1500 [data-box='1a']:contains(M-12345)",
        },
        {
            content: "and the telehealth line in box 24D",
            trigger: ":iframe .cms1500 [data-box='24D-2-m1']:contains(95)",
        },
        {
            content: "Its Print button gives the PDF",
            trigger: ".o_control_panel button:contains(Print)",
        },
    ],
});

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

function statusIs(label) {
    return { trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains(${label})` };
}

function menu(section, item) {
    return [
        { trigger: `.o_menu_sections button[data-menu-xmlid="${section}"]`, run: "click" },
        { trigger: `.dropdown-item[data-menu-xmlid="${item}"]`, run: "click" },
    ];
}

/* Finance on the demo, from login: the demo's last posted invoice to the payer (Skyler's 30
   minutes, $37.00) becomes a claim, printed as a CMS-1500 and sent in an 837P file; then the
   sample 835 shipped with the addon is imported and pays Skyler's earlier claim; the denials list
   has the payer's denial to work. */
registry.category("web_tour.tours").add("peer_mentoring_demo_finance_tour", {
    url: "/odoo",
    steps: () => [
        { content: "finance lands on To invoice", trigger: ".o_breadcrumb:contains(To invoice)" },
        ...stepUtils.goToAppSteps("account.menu_finance", "Open Invoicing"),
        ...menu("account.menu_finance_receivables", "account.menu_action_move_out_invoice_type"),
        {
            content: "open the payer's invoice of Skyler's last meeting",
            trigger: ".o_data_row:has(td:contains(Sunrise Health Plan)):has(td:contains(37.00)) td[name=name]",
            run: "click",
        },
        statusIs("Posted"),
        {
            content: "Create its claim",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_create_mentoring_claims]",
            run: "click",
        },
        { trigger: ".o_form_view .o_field_widget[name=patient_name]:contains(Skyler Morales)" },
        { trigger: ".o_form_view .o_field_widget[name=member_id]:contains(SHP-7731-05)" },
        { content: "with the coverage's diagnosis codes", trigger: ".o_form_view .o_field_widget[name=diagnosis_codes]:contains(F70)" },
        statusIs("Draft"),
        {
            content: "Print the CMS-1500",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_print_cms1500]",
            run: "click",
        },
        { content: "the form shows the member ID in box 1a", trigger: ":iframe .cms1500 [data-box='1a']:contains(SHP-7731-05)" },
        { content: "back to the claim", trigger: ".o_breadcrumb .breadcrumb-item a:contains(Skyler Morales)", run: "click" },
        {
            content: "Make its 837P file",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_export_837p]",
            run: "click",
        },
        {
            content: "the file is made, ready to download for the clearinghouse",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_download]",
            timeout: 60000, // pyx12 checks the file on the server: slow on a busy machine
        },
        { trigger: ".o_form_view .o_field_widget[name=file]:contains(.837)" },
        { content: "with the claim in it", trigger: ".o_form_view .o_field_widget[name=claim_ids] .o_data_row:contains(Skyler Morales)" },

        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        ...menu("peer_mentoring.mentoring_menu_billing", "peer_mentoring.mentoring_remittance_menu"),
        { content: "a new remittance", trigger: ".o_list_button_add", run: "click" },
        {
            content: "upload the sample 835 shipped with the addon (static/demo/sample_835.txt)",
            trigger: ".o_form_view .o_field_widget[name=file] input[type=file]:not(:visible)",
            run: async () => {
                const response = await fetch("/peer_mentoring/static/demo/sample_835.txt");
                const data = new DataTransfer();
                data.items.add(new File([await response.text()], "sample_835.txt", { type: "text/plain" }));
                const input = document.querySelector(".o_form_view .o_field_widget[name=file] input[type=file]");
                input.files = data.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        { trigger: ".o_form_view .o_field_widget[name=file] input[type=text]:value(sample_835.txt)" },
        { content: "Import it", trigger: ".o_form_view .o_statusbar_buttons button[name=action_import]", run: "click" },
        {
            content: "the payer paid the sample's claim in full: nothing is left to book",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Imported)",
            timeout: 60000, // the server books the payment: slow on a busy machine
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row:has(td:contains(PMC-SAMPLE-01)):has(td:contains(Paid))",
        },
        ...menu("peer_mentoring.mentoring_menu_billing", "peer_mentoring.mentoring_remittance_line_menu"),
        { content: "the denial waits to be worked", trigger: ".o_data_row:has(td:contains(Denied))" },
    ],
});

/* The oversight body on the demo, from login: Devon Park's internship is in review, the
   supervisor's "passed" recorded; the oversight body records its own and Devon is certified. */
registry.category("web_tour.tours").add("peer_mentoring_demo_oversight_tour", {
    url: "/odoo",
    steps: () => [
        { content: "the oversight body lands on the internships in review", trigger: ".o_breadcrumb:contains(review)" },
        { trigger: ".o_data_row:contains(Devon Park) td[name=mentor_id]", run: "click" },
        statusIs("In review"),
        { trigger: ".o_field_widget[name=total_hours]:contains(90:00)" },
        { content: "record the oversight body's decision", trigger: "button[name=action_open_decision]", run: "click" },
        { trigger: ".modal .o_field_widget[name=decision] .o_radio_item:contains(Passed) input", run: "click" },
        { trigger: ".modal button.o_pm_record_decision", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        statusIs("Passed"),
        { content: "Devon is certified", trigger: ".o_form_view .ribbon:contains(Certified)" },
    ],
});

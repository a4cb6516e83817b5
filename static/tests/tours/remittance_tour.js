import { registry } from "@web/core/registry";

/* Finance, with the Invoicing role alone: import a payer's 835 whose deposit differs from the
   claims' payments (a provider-level adjustment), book the difference, then write off the
   contractual adjustment (CO-45) from the denials to work in one step. */
registry.category("web_tour.tours").add("peer_mentoring_remittance_tour", {
    steps: () => [
        {
            content: "The payer's 835 is uploaded, not imported yet",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(To import)",
        },
        {
            content: "Import it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_import]",
            run: "click",
        },
        {
            content: "The deposit differs from the claims' payments: the difference waits to be booked",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Difference to book)",
            timeout: 60000, // the server books it: slow on a busy machine
        },
        {
            content: "The payer's overpayment recovery is listed in plain words",
            trigger: ".o_field_widget[name=adjustment_ids] .o_data_row:has(td[name=code]:contains(WO)):has(td[name=reason]:contains(Overpayment recovery))",
        },
        {
            content: "Book the difference",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_book_difference]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The remittance is done, with the entry that booked the difference",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Imported)",
            timeout: 60000, // the server books it: slow on a busy machine
        },
        {
            trigger: ".o_form_view .o_field_widget[name=settlement_move_id]:contains(MISC)",
        },
        {
            content: "Open the denials to work",
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_billing"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_remittance_line_menu"]',
            run: "click",
        },
        {
            content: "Write off the contractual adjustment of the part-paid claim",
            trigger: ".o_data_row:has(td[name=claim_reference]:contains(PMC-T-2)) button[name=action_write_off_contractual]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            // Only this line: a demo database has a denial of its own still to work.
            content: "The line is worked: it leaves the list",
            trigger: ".o_list_view:not(:has(.o_data_row td[name=claim_reference]:contains(PMC-T-2)))",
            timeout: 60000, // the server books it: slow on a busy machine
        },
    ],
});

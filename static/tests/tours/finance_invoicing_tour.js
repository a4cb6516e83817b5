import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/* Finance, with the Invoicing role alone: invoice the delivered units of an authorisation,
   post the invoice, find the Service detail in its Print menu, and follow the links back to
   the authorisation and its sale order. */
registry.category("web_tour.tours").add("peer_mentoring_finance_invoicing_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            content: "Open the Billing menu",
            trigger: ".o_menu_sections button:contains(Billing)",
            run: "click",
        },
        {
            content: "Open what is to invoice",
            trigger: ".dropdown-menu .dropdown-item:contains(To invoice)",
            run: "click",
        },
        {
            content: "The authorisation shows its units delivered, invoiced and to invoice",
            trigger:
                ".o_list_view .o_data_row:contains(AUTH-1):has(td[name=units_used]:contains(9)):has(td[name=units_to_invoice]:contains(9)):has(td[name=uom_id]:contains(15-minute unit))",
        },
        {
            content: "Select the authorisation",
            trigger: ".o_data_row:contains(AUTH-1) .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Create invoices",
            trigger: ".o_control_panel button[name=action_create_invoices]",
            run: "click",
            timeout: 30000, // the selection's buttons come after a busy machine's render
        },
        {
            content: "Invoice every delivered unit (no period)",
            trigger: ".modal button[name=action_create_invoices]",
            run: "click",
        },
        {
            content: "The draft invoice to the payer opens",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input:value(Sunrise Health Plan)",
        },
        {
            content: "It bills the nine units",
            trigger: ".o_field_widget[name=invoice_line_ids] .o_data_row td[name=quantity]:contains(9)",
        },
        {
            content: "Confirm the invoice",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_post]",
            run: "click",
        },
        {
            content: "The invoice is posted",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Posted)",
        },
        {
            content: "Open the actions menu of the invoice",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Open its Print entries",
            trigger: ".o-dropdown--menu button:has(.fa-print)",
            run: "click",
        },
        {
            content: "The Service detail is printable from it",
            trigger: ".o-dropdown--menu .o_menu_item:contains(Service detail)",
        },
        {
            content: "Close the menu",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Back to the authorisation",
            trigger: ".o_form_view button[name=action_view_mentoring_authorizations]",
            run: "click",
        },
        {
            content: "The authorisation counts its invoice and nothing left to invoice",
            trigger:
                ".o_form_view:has(.o_field_widget[name=units_to_invoice]:contains(0)) button[name=action_view_invoices]:contains(1)",
        },
        {
            content: "Open its sale order",
            trigger: ".o_form_view button[name=action_view_sale_order]",
            run: "click",
        },
        {
            content: "The order opens and leads back to the authorisation",
            trigger: ".o_form_view button[name=action_view_mentoring_authorizations]:contains(1)",
        },
        {
            content: "The order line counts in the payer's unit",
            trigger: ".o_field_widget[name=order_line] .o_data_row:contains(15-minute unit)",
        },
    ],
});

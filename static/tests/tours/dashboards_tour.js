import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A coordinator opens Dashboards → Programme and sees the spreadsheet render; the Billing
// dashboard (finance's) is not offered to them.
registry.category("web_tour.tours").add("peer_mentoring_dashboards_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("spreadsheet_dashboard.spreadsheet_dashboard_menu_root", "Open Dashboards"),
        { trigger: ".o_spreadsheet_dashboard_search_panel:contains(Peer Mentoring)" },
        { trigger: ".o_spreadsheet_dashboard_search_panel:not(:contains(Billing))" },
        { trigger: ".o_search_panel_category_value:contains(Programme)", run: "click" },
        { trigger: ".o_search_panel_category_value.active:contains(Programme)" },
        { trigger: ".o_spreadsheet_dashboard_action .o_renderer .o-grid canvas" },
        { trigger: ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status))" },
    ],
});

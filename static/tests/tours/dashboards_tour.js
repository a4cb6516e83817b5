import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

function openDashboard(name, ...hidden) {
    return [
        ...stepUtils.goToAppSteps("spreadsheet_dashboard.spreadsheet_dashboard_menu_root", "Open Dashboards"),
        { trigger: ".o_spreadsheet_dashboard_search_panel:contains(Peer Mentoring)" },
        // the other roles' dashboards are not offered
        ...hidden.map((other) => ({
            trigger: `.o_spreadsheet_dashboard_search_panel:not(:contains(${other}))`,
        })),
        { trigger: `.o_search_panel_category_value:contains(${name})`, run: "click" },
        { trigger: `.o_search_panel_category_value.active:contains(${name})` },
        { trigger: ".o_spreadsheet_dashboard_action .o_renderer .o-grid canvas" },
        { trigger: ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status))" },
        // the graphs drew from the records
        { trigger: ".o_spreadsheet_dashboard_action .o-figure canvas" },
    ];
}

// A coordinator opens Dashboards → Programme and sees it render; Billing is finance's. Sharing
// it by a public link is refused, and the message says where shareable figures are.
registry.category("web_tour.tours").add("peer_mentoring_dashboards_tour", {
    url: "/odoo",
    steps: () => [
        ...openDashboard("Programme", "Billing"),
        { trigger: ".o_control_panel button:contains(Share)", run: "click" },
        { trigger: ".modal:contains(cannot be shared by link):contains(funder report)" },
        { trigger: ".modal footer button", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ],
});

// Finance opens Dashboards → Billing; the Programme and Workforce dashboards are not theirs.
registry.category("web_tour.tours").add("peer_mentoring_billing_dashboard_tour", {
    url: "/odoo",
    steps: () => openDashboard("Billing", "Programme", "Workforce"),
});

// A supervisor opens Dashboards → Workforce (the mentors they supervise); Programme and
// Billing are not theirs.
registry.category("web_tour.tours").add("peer_mentoring_workforce_dashboard_tour", {
    url: "/odoo",
    steps: () => openDashboard("Workforce", "Programme", "Billing"),
});

// A coordinator opens Workforce too (the mentors of their programmes).
registry.category("web_tour.tours").add("peer_mentoring_coordinator_workforce_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("spreadsheet_dashboard.spreadsheet_dashboard_menu_root", "Open Dashboards"),
        { trigger: ".o_search_panel_category_value:contains(Workforce)", run: "click" },
        { trigger: ".o_search_panel_category_value.active:contains(Workforce)" },
        { trigger: ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status))" },
        { trigger: ".o_spreadsheet_dashboard_action .o-figure canvas" },
    ],
});

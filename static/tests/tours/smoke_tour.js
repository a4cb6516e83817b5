import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("peer_mentoring_smoke_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        // The app opens on its first menu the user sees (a coordinator's home, else Matches).
        { trigger: ".o_menu_brand:contains(Mentoring)" },
        { trigger: ".o_action_manager .o_view_controller .o_breadcrumb" },
    ],
});

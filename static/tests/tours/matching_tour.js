import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const candidates = ".o_field_widget[name=candidate_ids]";
const excluded = ".o_field_widget[name=excluded_ids]";

// A coordinator opens a mentee, finds a mentor, reads why each candidate ranks where it does
// (and why some are not proposed), and proposes the best one in one click.
registry.category("web_tour.tours").add("peer_mentoring_matching_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        { trigger: `.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_people"]`, run: "click" },
        { trigger: `.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_mentee_menu"]`, run: "click" },
        { trigger: ".o_data_row td[name=name]:contains(Casey Morgan)", run: "click" },
        { trigger: ".o_field_widget[name=name] input:value(Casey Morgan)" },
        { trigger: "button[name=action_find_mentor]", run: "click" },
        { trigger: ".o_form_view .oe_title:contains(Find a mentor for)" },
        // Ada ranks first: each criterion's points, and why.
        { trigger: `${candidates} .o_data_row:first-child:contains(Ada Mentor):contains(13.5)` },
        { trigger: `${candidates} .o_data_row:first-child:contains(Language: 3 of 3):contains(both speak Spanish)` },
        { trigger: `${candidates} .o_data_row:first-child:contains(Shared interests: 1.5 of 3):contains(1 of 2 in common: Employment)` },
        // Ben second, with the little he shares.
        { trigger: `${candidates} .o_data_row:nth-child(2):contains(Ben Mentor):contains(1.5)` },
        { trigger: `${candidates} .o_data_row:nth-child(2):contains(Language: 0 of 3):contains(no language in common)` },
        // A suspended mentor of the programme is not proposed, and the rule says why.
        { trigger: "a.nav-link:contains(Not proposed)", run: "click" },
        { trigger: `${excluded} .o_data_row:contains(Sky Suspended):contains(Suspended)` },
        { trigger: "a.nav-link:contains(Candidates)", run: "click" },
        { trigger: `${candidates} .o_data_row:first-child button[name=action_propose]`, run: "click" },
        { trigger: ".o_form_view .oe_title:contains(Ada Mentor & Casey Morgan)" },
        { trigger: ".o_statusbar_status .o_arrow_button_current:contains(Proposed)" },
    ],
});

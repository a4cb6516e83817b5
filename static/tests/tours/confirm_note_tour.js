import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A peer mentor confirms a meeting written up earlier, from the list of meetings, and reads in
// its chatter who confirmed it: the note written with the batch's others (issue 21).
registry.category("web_tour.tours").add("peer_mentoring_confirm_note_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            content: "open the Mentoring menu",
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_relationships"]',
            run: "click",
        },
        {
            content: "open the meetings",
            trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_encounter_menu"]',
            run: "click",
        },
        {
            content: "open the draft meeting",
            trigger: ".o_data_row:contains(Draft) .o_data_cell:first",
            run: "click",
        },
        {
            content: "confirm it",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.active:contains(Confirmed), .o_statusbar_status .o_arrow_button_current:contains(Confirmed)",
        },
        {
            content: "the chatter says it went from Draft to Confirmed",
            trigger: ".o-mail-Message:has(.o-mail-Message-trackingNew:contains(Confirmed)):has(.o-mail-Message-trackingOld:contains(Draft))",
        },
        {
            content: "and who did it",
            trigger: ".o-mail-Message:has(.o-mail-Message-trackingNew:contains(Confirmed)) .o-mail-Message-author:contains(Ada Mentor)",
        },
    ],
});

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * A peer mentor with two mentees logs today's meeting with one of them, signs it with the
 * mentee, saves it, sees it confirmed and finds its Print entry. Clicks are marked "click n".
 */
function sign(who) {
    return [
        {
            content: `click ${who === "mentor" ? 7 : 9}: open the ${who}'s signature box`,
            trigger: `.o_pm_signature_${who} .o_signature`,
            run: "click",
        },
        {
            content: "the name is written as a signature",
            trigger: ".modal canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        {
            content: `click ${who === "mentor" ? 8 : 10}: adopt the signature`,
            trigger: ".modal .modal-footer .btn-primary:enabled",
            run: "click",
        },
        {
            content: "the signature shows on the page",
            trigger: `.o_pm_signature_${who} img.o_signature`,
        },
    ];
}

registry.category("web_tour.tours").add("peer_mentoring_log_meeting_tour", {
    url: "/odoo",
    steps: () => [
        // clicks 1 (apps menu) and 2 (Mentoring): the app opens on Log a meeting for a mentor.
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        {
            content: "the Mentoring app opens on Log a meeting",
            trigger: ".o_pm_log_title:contains(Log a meeting)",
        },
        {
            content: "only this mentor's mentees are offered",
            trigger: ".o_pm_who:not(:has(.o_selection_badge:contains(Pat Okafor)))",
        },
        {
            content: "click 3: pick the mentee",
            trigger: ".o_pm_who .o_selection_badge:contains(Jamie Rivera)",
            run: "click",
        },
        {
            content: "the goal of the person's plan is filled in",
            trigger: ".o_pm_goal .o_selection_badge.active:contains(Get a part-time job)",
        },
        {
            content: "click 4: 45 minutes",
            trigger: ".o_pm_when .o_selection_badge:contains(45 minutes)",
            run: "click",
        },
        {
            content: "the choice is shown as chosen",
            trigger: ".o_pm_when .o_selection_badge.active:contains(45 minutes)",
        },
        {
            content: "(not counted) saving too early says what is missing, on the page",
            trigger: "button.o_pm_save",
            run: "click",
        },
        {
            trigger: ".o_pm_problem:contains(Choose where you met.)",
        },
        {
            content: "click 5: the place",
            trigger: ".o_pm_where .o_selection_badge:contains(At the agency)",
            run: "click",
        },
        {
            content: "click 6: progress in the paper's words",
            trigger: ".o_pm_progress .o_selection_badge:contains(Met goal)",
            run: "click",
        },
        ...sign("mentor"),
        ...sign("mentee"),
        {
            content: "click 11: Save and sign",
            trigger: "button.o_pm_save",
            run: "click",
        },
        {
            content: "the meeting is saved and confirmed",
            trigger: ".o_pm_done:contains(Saved and signed)",
        },
        {
            trigger: ".o_field_widget[name=state]:contains(Confirmed)",
        },
        {
            trigger: ".o_field_widget[name=duration_minutes]:contains(45)",
        },
        {
            content: "a Print button for the mentee's copy",
            trigger: "button.o_pm_print",
        },
        {
            content: "the Actions menu lists the Encounter Form to print",
            trigger: ".o_cp_action_menus button",
            run: "click",
        },
        {
            trigger: ".o-dropdown-item:contains(Encounter Form)",
        },
    ],
});

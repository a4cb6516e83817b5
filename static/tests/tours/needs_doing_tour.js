import { registry } from "@web/core/registry";

// A coordinator logs in on Needs doing; the board fits the screen; the "Agreement to sign" card
// says why it is there and opens the agreement to sign (started for them), not the match.
registry.category("web_tour.tours").add("peer_mentoring_needs_doing_tour", {
    url: "/odoo",
    steps: () => [
        { content: "a coordinator lands on Needs doing", trigger: ".o_breadcrumb:contains(Needs doing)" },
        {
            content: "every column fits the screen: no horizontal scroll",
            trigger: ".o_pm_needs_doing .o_column_title:contains(Units and billing)",
            run() {
                const board = document.querySelector(".o_pm_needs_doing .o_kanban_renderer");
                if (board.scrollWidth > board.clientWidth + 1) {
                    throw new Error(`Needs doing scrolls sideways: ${board.scrollWidth} > ${board.clientWidth}`);
                }
            },
        },
        {
            content: "the agreement card tells the fact that put it there",
            trigger:
                ".o_kanban_group:has(.o_column_title:contains(Sign or review)) .o_kanban_record:contains(Agreement to sign):contains(Lee Park):contains(No agreement written yet)",
            run: "click",
        },
        {
            content: "the agreement to sign opens, as a draft",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Draft)",
        },
        { content: "of Lee's match", trigger: ".o_breadcrumb .active:contains(Agreement):contains(Lee Park)" },
        { content: "ready to be signed", trigger: ".o_form_view .o_form_statusbar button[name=action_sign]" },
    ],
});

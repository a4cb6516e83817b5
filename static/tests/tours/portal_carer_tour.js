import { registry } from "@web/core/registry";

import { axeStep } from "./portal_axe";
import { portalLogin } from "./portal_login";

/**
 * A foster carer mentor logs in, opens "My meetings as a mentor", logs a meeting (who, when,
 * how long, where, goal, how it went, next steps: picture buttons that are real radio buttons)
 * and sends the month's timesheet. axe-core checks every page for WCAG 2.2 AA (0 violations on
 * the whole page); every control is a native, focusable control; targets are at least 44 px;
 * nothing scrolls sideways (the phone-width run).
 */
// The audit is static/tests/tours/portal_axe.js, shared by the portal tours: here every
// control of the mentor's part of the page counts, hidden or disabled ones too.
const audit = (page, trigger = ".o_pm_mentor") => axeStep(page, { root: ".o_pm_mentor", trigger, strict: true });

function choose(question, label) {
    return {
        content: `${question}: ${label}`,
        trigger: `fieldset:has(legend:contains(${question})) label.o_pm_choice:contains(${label})`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("peer_mentoring_portal_carer_tour", {
    url: "/web/login",
    steps: () => [
        ...portalLogin("the carer", "t_portal_carer"),
        audit("Their portal home", "a[href='/my/mentor']:contains(My meetings as a mentor)"),
        {
            content: "their home offers their meetings as a mentor",
            trigger: "a[href='/my/mentor']:contains(My meetings as a mentor)",
            run: "click",
            expectUnloadPage: true,
        },
        audit("My meetings as a mentor"),
        {
            content: "Log a meeting",
            trigger: "a.o_pm_log_button:contains(Log a meeting)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "their one mentee is already chosen",
            trigger: "fieldset:has(legend:contains(Who did you meet)) input[name=match_id]:checked",
        },
        audit("Log a meeting"),
        {
            content: "the start time",
            trigger: "input#o_pm_start_time",
            run() {
                this.anchor.value = "07:00";
            },
        },
        choose("How long", "45 minutes"),
        choose("Where did you meet", "Out in the community"),
        choose("Which goal", "Settle the new placement"),
        choose("How did it go", "Met goal"),
        {
            content: "what comes next",
            trigger: "textarea#o_pm_next_steps",
            run: "edit Visit the school together",
        },
        {
            trigger: "fieldset:has(legend:contains(How did it go)) input[value=met]:checked",
        },
        audit("Log a meeting, answered"),
        {
            content: "save",
            trigger: "button.o_pm_save:contains(Save my meeting)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the meeting is saved, for the coordinator to check",
            trigger: ".o_pm_logged:contains(Your meeting is saved)",
        },
        audit("Meeting saved"),
        {
            content: "open this month's timesheet",
            trigger: "a.o_pm_timesheet_button:contains(My timesheet)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the checked meeting is on it; the new one waits for the coordinator",
            trigger: ".o_pm_month_meeting:contains(60 minutes)",
        },
        { trigger: ".o_pm_waiting_meeting:contains(45 minutes)" },
        audit("My timesheet"),
        {
            content: "send the month",
            trigger: "button.o_pm_send:contains(Send my timesheet)",
            run: "click",
            expectUnloadPage: true,
        },
        { content: "sent", trigger: ".o_pm_sent:contains(Your timesheet is sent)" },
        { trigger: ".o_pm_sheet_state:contains(You sent this timesheet)" },
        audit("My timesheet, sent"),
    ],
});

import { registry } from "@web/core/registry";

/**
 * A foster carer mentor logs in, opens "My meetings as a mentor", logs a meeting (who, when,
 * how long, where, goal, how it went, next steps: picture buttons that are real radio buttons)
 * and sends the month's timesheet. axe-core checks every page for WCAG 2.2 AA (0 violations on
 * the whole page); every control is a native, focusable control; targets are at least 44 px;
 * nothing scrolls sideways (the phone-width run).
 */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function axeCore() {
    if (!window.axe) {
        await new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = "/peer_mentoring/static/tests/lib/axe.min.js";
            script.onload = resolve;
            script.onerror = () =>
                reject(new Error("axe-core is missing: run scripts/setup.sh (it installs it with npm)."));
            document.head.appendChild(script);
        });
    }
    return window.axe;
}

function audit(page, trigger = ".o_pm_mentor") {
    return {
        content: `${page}: no WCAG 2.2 AA violation (axe-core), every control by keyboard, large targets, no sideways scroll`,
        trigger,
        async run() {
            const axe = await axeCore();
            const { violations } = await axe.run(document, { runOnly: { type: "tag", values: AXE_TAGS } });
            if (violations.length) {
                const list = violations.map(
                    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
                );
                throw new Error(`axe-core on ${page}: ${list.join(" | ")}`);
            }
            for (const el of document.querySelectorAll(
                ".o_pm_mentor a, .o_pm_mentor button, .o_pm_mentor input, .o_pm_mentor textarea, .o_pm_mentor [role=button], .o_pm_mentor [onclick]"
            )) {
                const native =
                    (el.tagName === "A" && el.hasAttribute("href")) ||
                    ["BUTTON", "INPUT", "TEXTAREA"].includes(el.tagName);
                const hidden = el.type === "hidden";
                if (!hidden && (!native || el.tabIndex < 0 || el.disabled)) {
                    throw new Error(`${page}: not reached by keyboard: ${el.outerHTML.slice(0, 120)}`);
                }
            }
            for (const el of document.querySelectorAll(".o_pm_mentor .btn")) {
                const box = el.getBoundingClientRect();
                if (box.width && (box.width < 44 || box.height < 44)) {
                    throw new Error(`${page}: target smaller than 44 px: ${el.textContent.trim()}`);
                }
            }
            if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                throw new Error(
                    `${page}: scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`
                );
            }
        },
    };
}

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
        // (Odoo's login page is not audited here: axe finds html-has-lang, button-name and
        // target-size on it, Odoo's own markup; see the README.)
        { content: "the carer types their login", trigger: "input#login", run: "edit t_portal_carer" },
        { trigger: "input#password", run: "edit t_portal_carer" },
        {
            content: "log in",
            trigger: "button[type=submit]:contains(Log in)",
            run: "click",
            expectUnloadPage: true,
        },
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
        choose("Where did you meet", "Out and about"),
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

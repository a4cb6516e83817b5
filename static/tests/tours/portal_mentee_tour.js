import { registry } from "@web/core/registry";

import { axeStep } from "./portal_axe";
import { portalLogin } from "./portal_login";

/**
 * The person mentored logs in, opens "My mentoring", reads their plan and signs it with their
 * typed name (no drawing), then sees it signed and finds the Download button; then signs a
 * meeting the same way. axe-core checks
 * every page for WCAG 2.2 AA (0 violations on the whole page); every control of the addon's
 * pages is a native, focusable control; nothing scrolls sideways (the phone-width run).
 */
// The audit is static/tests/tours/portal_axe.js, shared by the portal tours.
const checkPage = (what) => axeStep(what);

registry.category("web_tour.tours").add("peer_mentoring_portal_mentee_tour", {
    url: "/web/login",
    steps: () => [
        ...portalLogin("the mentee", "t_portal_jamie"),
        {
            content: "their home shows My mentoring",
            trigger: "a[href='/my/mentoring']:contains(My mentoring)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the plan waits for their signature, listed first",
            trigger: "section:has(#o_pm_waiting_title) a.o_pm_button:contains(My plan)",
        },
        checkPage("My mentoring"),
        {
            content: "open the plan",
            trigger: "section:has(#o_pm_waiting_title) a.o_pm_button:contains(My plan)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the plan reads as written",
            trigger: ".o_pm_portal:contains(Work in a library):contains(Get a part-time job)",
        },
        {
            content: "their name is already typed: the signature is made from it",
            trigger: ".o_pm_sign input[name=signer]",
            run: "edit Jamie Rivera",
        },
        {
            trigger: ".o_pm_sign canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        checkPage("My plan"),
        {
            content: "press Sign",
            trigger: ".o_pm_sign button.o_portal_sign_submit:enabled:contains(Sign)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the page says it is signed",
            trigger: ".o_pm_signed:contains(Thank you. You signed.)",
        },
        {
            trigger: ".o_pm_status:contains(You signed on)",
        },
        {
            content: "a Download button gives the PDF",
            trigger: "a.o_pm_download[href$='/download']:contains(Download)",
        },
        checkPage("My plan, signed"),
        {
            content: "back to My mentoring",
            trigger: ".breadcrumb a[href='/my/mentoring']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the plan no longer waits; the meeting still does",
            trigger: "section:has(#o_pm_waiting_title):not(:has(a:contains(My plan))) a.o_pm_button:contains(Meeting on)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the meeting reads as written",
            trigger: ".o_pm_portal:contains(How it went):contains(Met goal)",
        },
        {
            trigger: ".o_pm_sign canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        checkPage("A meeting"),
        {
            content: "press Sign",
            trigger: ".o_pm_sign button.o_portal_sign_submit:enabled:contains(Sign)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_pm_signed:contains(Thank you. You signed.)",
        },
        {
            content: "back to My mentoring: their evaluation of the mentor waits for them",
            trigger: ".breadcrumb a[href='/my/mentoring']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "section:has(#o_pm_forms_title) .o_pm_item:contains(Waiting for your answers) a.o_pm_button:contains(Performance Evaluation by Mentee)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the form says the mentor does not see the answers",
            trigger: ".o_pm_portal:contains(Your mentor does not see your answers.)",
        },
        checkPage("My form"),
        // One answer a question: the score buttons are real radio buttons with a label.
        ...[1, 2, 3, 4, 5, 6].map((n) => ({
            content: `question ${n}: choose 4 (agree)`,
            trigger: `form.o_pm_form fieldset:nth-of-type(${n}) label.o_pm_score_button:contains(4)`,
            run: "click",
        })),
        {
            content: "write a comment",
            trigger: "form.o_pm_form textarea",
            run: "edit Ada listens to me",
        },
        {
            content: "send the answers",
            trigger: "form.o_pm_form button.o_pm_send:contains(Send my answers)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_pm_sent:contains(Thank you. We have your answers.)",
        },
        {
            content: "the sent form is locked: no more Send button, a Download button",
            trigger: ".o_pm_portal:not(:has(button.o_pm_send)) a.o_pm_download[href$='/download']",
        },
        checkPage("My form, sent"),
        {
            content: "back to My mentoring: tell us a worry",
            trigger: ".breadcrumb a[href='/my/mentoring']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "a.o_pm_worry[href='/my/mentoring/worry']:contains(Tell us a worry)",
            run: "click",
            expectUnloadPage: true,
        },
        checkPage("Tell us a worry"),
        {
            content: "choose what it is about",
            trigger: "label[for=o_pm_choice_unsafe]:contains(I do not feel safe.)",
            run: "click",
        },
        {
            content: "say what happened",
            trigger: "textarea#o_pm_description",
            run: "edit Someone follows me home",
        },
        {
            trigger: "form.o_pm_form button.o_pm_send:contains(Send my worry)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the receipt gives the reference, not the worry",
            trigger: ".o_pm_received:contains(Your reference is):not(:contains(follows me))",
        },
        checkPage("Worry received"),
    ],
});

/**
 * A person without a login opens the single-use link a coordinator e-mailed them, reads their
 * meeting record and signs it; the link then no longer works. axe-core on each page.
 */
registry.category("web_tour.tours").add("peer_mentoring_portal_sign_link_tour", {
    steps: () => [
        {
            content: "the meeting reads as written",
            trigger: ".o_pm_portal:contains(How it went):contains(Met goal)",
        },
        {
            trigger: ".o_pm_sign canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        checkPage("A meeting, through the link"),
        {
            content: "press Sign",
            trigger: ".o_pm_sign button.o_portal_sign_submit:enabled:contains(Sign)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "h1:contains(Thank you. You signed.)",
        },
        checkPage("Signed through the link"),
    ],
});

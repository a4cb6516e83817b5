import { registry } from "@web/core/registry";

import { axeStep } from "./portal_axe";
import { portalLogin } from "./portal_login";

/**
 * Maria, Jamie's guardian, logs in, opens My mentoring (Jamie's pages), opens the meeting that
 * waits for Jamie's signature and signs it as Jamie's representative. axe-core checks each page.
 */
registry.category("web_tour.tours").add("peer_mentoring_portal_representative_tour", {
    url: "/web/login",
    steps: () => [
        ...portalLogin("the guardian", "t_guardian_maria"),
        {
            content: "their home shows My mentoring",
            trigger: "a[href='/my/mentoring']:contains(My mentoring)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Jamie's meeting waits for a signature",
            trigger: "section:has(#o_pm_waiting_title) a.o_pm_button:contains(Meeting on)",
        },
        axeStep("My mentoring, as representative"),
        {
            content: "open the meeting",
            trigger: "section:has(#o_pm_waiting_title) a.o_pm_button:contains(Meeting on)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the page says the guardian signs as the representative",
            trigger: ".o_pm_portal:contains(as their representative)",
        },
        {
            content: "the guardian's own name is typed: the signature is made from it",
            trigger: ".o_pm_sign input[name=signer]",
            run: "edit Maria Rivera",
        },
        {
            trigger: ".o_pm_sign canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        axeStep("A meeting, as representative"),
        {
            content: "press Sign",
            trigger: ".o_pm_sign button.o_portal_sign_submit:enabled:contains(Sign)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the page says it is signed",
            trigger: ".o_pm_signed",
        },
        axeStep("A meeting, signed by the representative"),
    ],
});

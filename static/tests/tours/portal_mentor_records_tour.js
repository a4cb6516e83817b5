import { registry } from "@web/core/registry";
import { axeStep } from "./portal_axe";
import { portalLogin } from "./portal_login";

const checkPage = (what) => axeStep(what);

/**
 * A foster carer who mentors logs in on the portal, signs the agreement of the person they
 * mentor (the mentee signed before: it becomes Signed), adds a course with its certificate
 * file, and says they were at a supervision meeting. axe-core checks every page for WCAG 2.2
 * AA (0 violations on the whole page), with the keyboard, target-size and width checks of the
 * mentee tour.
 */
function goHome() {
    return {
        content: "back to the portal home",
        trigger: ".breadcrumb a[href='/my/home']",
        run: "click",
        expectUnloadPage: true,
    };
}

registry.category("web_tour.tours").add("peer_mentoring_portal_mentor_records_tour", {
    url: "/web/login",
    steps: () => [
        ...portalLogin("the carer", "t_portal_alex"),
        {
            content: "their home offers the papers to sign",
            trigger: "a[href='/my/mentor/papers']:contains(Papers to sign)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the agreement waits for their signature, listed first",
            trigger: "section:has(#o_pm_waiting_title) a.o_pm_button:contains(Agreement with Robin Chen)",
        },
        checkPage("Papers to sign"),
        {
            content: "open the agreement",
            trigger: "section:has(#o_pm_waiting_title) a.o_pm_button:contains(Agreement with Robin Chen)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the agreement reads as written",
            trigger: ".o_pm_portal:contains(Robin and Alex are on time)",
        },
        {
            content: "their name is already typed: the signature is made from it",
            trigger: ".o_pm_sign input[name=signer]",
            run: "edit Alex Morgan",
        },
        {
            trigger: ".o_pm_sign canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        checkPage("An agreement to sign"),
        {
            content: "press Sign",
            trigger: ".o_pm_sign button.o_portal_sign_submit:enabled:contains(Sign)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the mentee had signed: the agreement is signed by both",
            trigger: ".o_pm_signed:contains(Thank you. You signed.)",
        },
        {
            trigger: ".o_pm_status:contains(Signed by you both.)",
        },
        checkPage("The agreement, signed"),
        goHome(),
        {
            content: "open My training",
            trigger: "a[href='/my/mentor/training']:contains(My training)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_pm_training:contains(Safeguarding basics):contains(Checked and approved.)",
        },
        checkPage("My training"),
        {
            content: "add a course",
            trigger: "a.o_pm_add_training:contains(Add a course)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "input#o_pm_name",
            run: "edit Moving and handling",
        },
        {
            content: "the day of the course (the browser's own date field)",
            trigger: "input#o_pm_date",
            run() {
                this.anchor.value = "2026-11-02";
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            trigger: "input#o_pm_hours",
            run: "edit 3",
        },
        {
            content: "choose the kind of course",
            trigger: "label[for=o_pm_kind_peer]:contains(Peer-specific)",
            run: "click",
        },
        {
            content: "attach the certificate (a PDF file)",
            trigger: "input#o_pm_certificate",
            run() {
                const file = new File(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], "handling.pdf", {
                    type: "application/pdf",
                });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                this.anchor.files = transfer.files;
            },
        },
        checkPage("Add a course"),
        {
            content: "save the course",
            trigger: "button[type=submit]:contains(Save the course)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "it is saved and waits for the coordinator",
            trigger: ".o_pm_added:contains(Your course is saved.)",
        },
        {
            trigger: ".o_pm_training:contains(Moving and handling):contains(Waiting for your coordinator)",
        },
        checkPage("My training, a course added"),
        goHome(),
        {
            content: "open My supervision",
            trigger: "a[href='/my/mentor/supervision']:contains(My supervision)",
            run: "click",
            expectUnloadPage: true,
        },
        checkPage("My supervision"),
        {
            content: "say they were there",
            trigger: ".o_pm_supervision:contains(Family centre) button.o_pm_confirm:contains(I was there)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_pm_confirmed:contains(Thank you. It is saved.)",
        },
        {
            trigger: ".o_pm_supervision:contains(You said you were there.)",
        },
        checkPage("My supervision, confirmed"),
    ],
});

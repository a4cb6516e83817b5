/**
 * The accessibility check shared by the portal tours: axe-core (WCAG 2.2 AA, 0 violations on the
 * whole page), every control of the addon's part of the page a native, focusable control,
 * buttons at least 44 x 44 CSS px, nothing scrolling sideways (the phone-width runs).
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function loadAxe() {
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

/**
 * Colours are audited as they are at rest: a button still fading into its hover colour (the
 * pointer rests where the tour last clicked) is between two colours for 0.15 s, and axe would
 * measure that instant. Transitions are stopped; the hover and focus colours themselves are
 * still checked.
 */
function settleColours() {
    if (!document.getElementById("o_pm_axe_no_transitions")) {
        const style = document.createElement("style");
        style.id = "o_pm_axe_no_transitions";
        style.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
        document.head.appendChild(style);
    }
}

/**
 * A tour step that audits the page once `trigger` is there.
 * `root`: the addon's part of the page whose controls are checked.
 * `strict`: hidden controls are checked too (hidden inputs aside) and a disabled one fails.
 */
export function axeStep(page, { root = ".o_pm_portal", trigger = root, strict = false } = {}) {
    return {
        content: `${page}: no WCAG 2.2 AA violation (axe-core), every control by keyboard, large targets, no sideways scroll`,
        trigger,
        async run() {
            const axe = await loadAxe();
            settleColours();
            const { violations } = await axe.run(document, { runOnly: { type: "tag", values: AXE_TAGS } });
            if (violations.length) {
                const found = violations.map(
                    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
                );
                throw new Error(`axe-core on ${page}: ${found.join(" | ")}`);
            }
            // Every control is reached with Tab: a native link with an address, a button or a
            // field, never taken out of the tab order.
            const selector = ["a", "button", "input", "textarea", "[role=button]", "[onclick]"]
                .map((tag) => `${root} ${tag}`)
                .join(", ");
            for (const el of document.querySelectorAll(selector)) {
                const native =
                    (el.tagName === "A" && el.hasAttribute("href")) ||
                    ["BUTTON", "INPUT", "TEXTAREA"].includes(el.tagName);
                const skipped = strict ? el.type === "hidden" : el.offsetParent === null;
                if (!skipped && (!native || el.tabIndex < 0 || (strict && el.disabled))) {
                    throw new Error(`${page}: not reached by keyboard: ${el.outerHTML.slice(0, 120)}`);
                }
            }
            // Buttons of the addon are at least 44 x 44 CSS pixels (WCAG 2.5.5 / 2.5.8).
            for (const el of document.querySelectorAll(`${root} .btn`)) {
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

import { registry } from "@web/core/registry";
import { pmReading } from "./choice_buttons_field";

/** The reading preference on the back office's <body>: the same classes the portal layout
 *  puts on its page (o_pm_easy_read, o_pm_pictures / o_pm_simple_text). */
registry.category("services").add("peer_mentoring_reading", {
    start() {
        const reading = pmReading();
        document.body.classList.toggle("o_pm_easy_read", Boolean(reading.easy_read));
        document.body.classList.toggle("o_pm_pictures", Boolean(reading.easy_read && reading.pictures));
        document.body.classList.toggle("o_pm_simple_text", Boolean(reading.easy_read && !reading.pictures));
    },
});

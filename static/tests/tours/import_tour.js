import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// The file the coordinator downloaded from the import screen, given back to its upload button.
async function uploadTemplate(fileName) {
    const link = document.querySelector(`a[href="/peer_mentoring/static/xls/${fileName}"]`);
    const blob = await (await fetch(link.getAttribute("href"))).blob();
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], fileName, { type: blob.type }));
    const input = document.querySelector("input.o_input_file");
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

function importSteps(menu, fileName, label) {
    return [
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_config"]',
            run: "click",
        },
        { trigger: `.dropdown-item[data-menu-xmlid="peer_mentoring.${menu}"]`, run: "click" },
        // The screen offers the template to download, as Odoo's own apps do.
        { trigger: `a[href="/peer_mentoring/static/xls/${fileName}"]:contains(${label})` },
        { trigger: "button.o_import_file", run: () => uploadTemplate(fileName) },
        { trigger: ".o_import_action .o_import_data_content" },
        { trigger: ".o_control_panel button:contains(Test)", run: "click" },
        { trigger: ".o_import_data_content p:contains(Everything seems valid)" },
        { trigger: ".o_control_panel button.btn-primary:contains(Import)", run: "click" },
        { trigger: ".o_notification:contains(1 records successfully imported)" },
    ];
}

// A coordinator moving in: programmes first, then the mentors who work in them, each file
// tested before it is imported.
registry.category("web_tour.tours").add("peer_mentoring_import_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("peer_mentoring.mentoring_menu_root", "Open Mentoring"),
        ...importSteps("mentoring_import_program_menu", "mentoring_program.xlsx", "Programmes"),
        { trigger: ".o_list_view .o_data_cell:contains(Example Peer Mentoring)" },
        ...importSteps("mentoring_import_mentor_menu", "mentoring_mentor.xlsx", "Mentors"),
        { trigger: ".o_data_cell:contains(Rosa Example)" },
        // The mentees' payer is a contact finance has not made a payer yet: Test says which row
        // and what to do, in the importer's own message area.
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="peer_mentoring.mentoring_menu_config"]',
            run: "click",
        },
        { trigger: '.dropdown-item[data-menu-xmlid="peer_mentoring.mentoring_import_mentee_menu"]', run: "click" },
        { trigger: "button.o_import_file", run: () => uploadTemplate("mentoring_mentee.xlsx") },
        { trigger: ".o_import_data_content" },
        { trigger: ".o_control_panel button:contains(Test)", run: "click" },
        { trigger: ".o_import_data_content :contains(Nothing was imported)" },
        {
            trigger:
                ".o_import_data_content :contains(Row 2: Example Health Plan is not a payer: ask finance)",
        },
    ],
});

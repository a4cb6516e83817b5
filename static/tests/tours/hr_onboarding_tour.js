import { registry } from "@web/core/registry";

// An HR officer (no mentoring role) makes an employee a peer mentor from the employee form (an
// intern: their internship starts that day, with the supervisor chosen) and launches the "Peer
// mentor onboarding" plan with Odoo's plan launcher.
registry.category("web_tour.tours").add("peer_mentoring_hr_onboarding_tour", {
    steps: () => [
        { trigger: ".o_form_view .o_field_widget[name=name]:contains(Casey New), .o_form_view input#name_0" },
        { trigger: ".o_form_view button[name=action_open_peer_mentor_onboarding]", run: "click" },
        { trigger: ".modal .o_field_widget[name=program_id] input", run: "edit Onboarding Programme" },
        { trigger: ".o-autocomplete--dropdown-item:contains(Onboarding Programme)", run: "click" },
        { trigger: ".modal .o_field_widget[name=program_id] input:value(Onboarding Programme)" },
        // As an intern (the default), the internship starts today: it needs its supervisor.
        { trigger: ".modal:contains(their internship in the programme starts today)" },
        { trigger: ".modal .o_field_widget[name=supervisor_id] input", run: "edit Onboarding Supervisor" },
        { trigger: ".o-autocomplete--dropdown-item:contains(Onboarding Supervisor)", run: "click" },
        { trigger: ".modal .o_field_widget[name=supervisor_id] input:value(Onboarding Supervisor)" },
        { trigger: ".modal button[name=action_confirm]", run: "click" },
        { trigger: ".modal .o_field_widget[name=plan_id]:contains(Peer mentor onboarding), .modal .o_field_widget[name=plan_id] input:value(Peer mentor onboarding)" },
        { trigger: ".modal:contains(Background check)" },
        { trigger: ".modal button[name=action_schedule_plan]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o-mail-Chatter:contains(Peer mentor onboarding)" },
        { trigger: ".o_form_view:not(:has(button[name=action_open_peer_mentor_onboarding]))" },
    ],
});

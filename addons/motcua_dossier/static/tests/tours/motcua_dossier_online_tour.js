import { registry } from "@web/core/registry";

// A citizen submits a dossier online and finds it in "My dossiers".
registry.category("web_tour.tours").add("motcua_dossier_online_tour", {
    steps: () => [
        {
            content: "Full name",
            trigger: "form.o_motcua_dossier_new input[name=applicant_name]",
            run: "edit Trần Thị Tour",
        },
        {
            content: "Phone",
            trigger: "form.o_motcua_dossier_new input[name=applicant_phone]",
            run: "edit 0912 000 333",
        },
        {
            content: "Request",
            trigger: "form.o_motcua_dossier_new textarea[name=request_summary]",
            run: "edit Xin cấp bản sao trích lục",
        },
        {
            content: "Submit",
            trigger: "form.o_motcua_dossier_new button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The dossier is received with its code",
            trigger: ".alert-success:contains(000.20.88.T88-)",
        },
        {
            content: "Open My dossiers",
            trigger: "a.o_motcua_my_dossiers",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The dossier is listed",
            trigger: "table td a:contains(000.20.88.T88-)",
        },
    ],
});

// The receiving officer sees the online dossier arrive in the backend.
registry.category("web_tour.tours").add("motcua_dossier_officer_online_tour", {
    steps: () => [
        {
            content: "The online dossier is in the list",
            trigger: ".o_list_view .o_data_row td:contains(000.20.88.T88-)",
            run: "click",
        },
        {
            content: "It came online",
            trigger: ".o_form_view .o_field_widget[name=channel]:contains(Online)",
        },
    ],
});

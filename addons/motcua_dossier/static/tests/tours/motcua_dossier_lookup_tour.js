import { registry } from "@web/core/registry";

// A visitor looks a dossier up by its code and the key printed on the receipt.
registry.category("web_tour.tours").add("motcua_dossier_lookup_tour", {
    steps: () => [
        {
            content: "Dossier code",
            trigger: "form input[name=code]",
            run: "edit 000.20.44.L44-261207-0001",
        },
        {
            content: "Lookup key",
            trigger: "form input[name=key]",
            run: "edit LOOK23",
        },
        {
            content: "Look up",
            trigger: "form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The dossier is shown with the applicant's name masked",
            trigger: "table td:contains(N*** V** A)",
        },
        {
            content: "Its status",
            trigger: "table td strong:contains(Đã tiếp nhận)",
        },
    ],
});

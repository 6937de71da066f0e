import { registry } from "@web/core/registry";

// The desk attaches the scan of a paper line in one action: "Attach scan", choose the file, attach.
registry.category("web_tour.tours").add("motcua_digitisation_attach_scan", {
    steps: () => [
        {
            content: "Attach the scan of the application form",
            trigger: ".o_field_one2many[name=paper_ids] .o_data_row:first button[name=action_attach_scan]",
            run: "click",
        },
        {
            content: "Choose the scanned file",
            trigger: ".modal .o_field_binary input[type=file]:not(:visible)",
            run(helpers) {
                const pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
                    "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
                const transfer = new DataTransfer();
                transfer.items.add(new File([pdf], "don-de-nghi.pdf", { type: "application/pdf" }));
                const input = helpers.anchor;
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The file is chosen",
            trigger: ".modal .o_field_binary input[type=text]:value(don-de-nghi.pdf)",
        },
        {
            content: "Attach",
            trigger: ".modal button[name=action_attach]",
            run: "click",
        },
        {
            content: "The line is digitised",
            trigger: ".o_field_one2many[name=paper_ids] .o_data_row:first button[name=action_open_scan]",
        },
    ],
});

import { registry } from "@web/core/registry";

// A citizen rates the service of a returned dossier from "My dossiers".
registry.category("web_tour.tours").add("motcua_rating_portal_tour", {
    steps: () => [
        {
            content: "Open the dossier",
            trigger: "table tr:contains(Tour rating procedure) td a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Choose 'Satisfied'",
            trigger: "form.o_motcua_rating_form input[name=level][value='3']",
            run: "click",
        },
        {
            content: "Tick a reason",
            trigger: "form.o_motcua_rating_form label:contains(Waited too long) input",
            run: "click",
        },
        {
            content: "Comment",
            trigger: "form.o_motcua_rating_form textarea[name=feedback]",
            run: "edit Chờ hơi lâu nhưng cán bộ nhiệt tình.",
        },
        {
            content: "Send the rating",
            trigger: "form.o_motcua_rating_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The rating is recorded",
            trigger: ".o_motcua_rating_thanks",
        },
        {
            content: "The form is gone",
            trigger: "body:not(:has(form.o_motcua_rating_form))",
        },
    ],
});

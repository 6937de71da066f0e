import { registry } from "@web/core/registry";

// A ward's web editor writes a news item and submits it for approval.
registry.category("web_tour.tours").add("motcua_portal_editor_writes", {
    steps: () => [
        {
            content: "New news item",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Title",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Phường A ra quân dọn vệ sinh môi trường",
        },
        {
            content: "Subtitle",
            trigger: ".o_field_widget[name=subtitle] input",
            run: "edit Sáng Chủ nhật, các khu phố cùng ra quân.",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit for approval",
            trigger: "button[name=action_motcua_submit]",
            run: "click",
        },
        {
            content: "It waits for the leader",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Waiting for approval')",
        },
    ],
});

// The ward leader approves it from the news waiting for approval.
registry.category("web_tour.tours").add("motcua_portal_leader_approves", {
    steps: () => [
        {
            content: "Open the news item",
            trigger: ".o_data_row td[name=name]:contains('Phường A ra quân dọn vệ sinh môi trường')",
            run: "click",
        },
        {
            content: "Approve and publish",
            trigger: "button[name=action_motcua_approve]",
            run: "click",
        },
        {
            content: "Published",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Published')",
        },
    ],
});

// A visitor finds it on the ward's site, opens it, and finds it on the provincial portal.
registry.category("web_tour.tours").add("motcua_portal_visitor_reads", {
    steps: () => [
        {
            content: "The news is on the ward's site",
            trigger: "ul.news a:contains('Phường A ra quân dọn vệ sinh môi trường')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Its page",
            trigger: "article h1:contains('Phường A ra quân dọn vệ sinh môi trường')",
        },
        {
            content: "To the provincial portal",
            trigger: "header a[href='/cong-thong-tin']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Among the latest news, with its unit",
            trigger: "ul.news li:contains('Phường A ra quân dọn vệ sinh môi trường') a:contains('Commune A')",
        },
    ],
});

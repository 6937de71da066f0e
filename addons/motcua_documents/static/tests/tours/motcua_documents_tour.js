import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("motcua_documents_clerk_registers", {
    url: "/odoo/action-motcua_documents.action_motcua_incoming_document",
    steps: () => [
        {
            content: "Create an incoming document",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Sender",
            trigger: ".o_field_widget[name=sender_id] input",
            run: "edit Sở Nội vụ Tour",
        },
        {
            trigger: ".ui-menu-item a:contains('Sở Nội vụ Tour')",
            run: "click",
        },
        {
            content: "Number and symbol",
            trigger: ".o_field_widget[name=reference] input",
            run: "edit 42/KH-SNV",
        },
        {
            content: "Document date",
            trigger: ".o_field_widget[name=document_date] input",
            run: "edit 11/20/2026",
        },
        {
            content: "Document type",
            trigger: ".o_field_widget[name=type_id] input",
            run: "edit Plan",
        },
        {
            trigger: ".ui-menu-item a:contains('Plan (KH)')",
            run: "click",
        },
        {
            content: "Summary",
            trigger: ".o_field_widget[name=summary] textarea",
            run: "edit Kế hoạch tuyển dụng công chức",
        },
        {
            content: "Register it",
            trigger: "button[name=action_register]",
            run: "click",
        },
        {
            content: "The incoming number is shown",
            trigger: ".o_field_widget[name=name]:contains('01/')",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Registered')",
        },
    ],
});

registry.category("web_tour.tours").add("motcua_documents_leader_assigns", {
    url: "/odoo/action-motcua_documents.action_motcua_incoming_document",
    steps: () => [
        {
            content: "Open the registered document",
            trigger: ".o_data_row td:contains('42/KH-SNV')",
            run: "click",
        },
        {
            content: "Open the handling slip",
            trigger: "button[name=action_assign]",
            run: "click",
        },
        {
            content: "Lead handler",
            trigger: ".modal .o_field_widget[name=lead_user_id] input",
            run: "edit Tour Specialist",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour Specialist')",
            run: "click",
        },
        {
            content: "Instructions",
            trigger: ".modal .o_field_widget[name=instructions] textarea",
            run: "edit Nghiên cứu, tham mưu",
        },
        {
            content: "Three working days",
            trigger: ".modal .o_field_widget[name=handling_days] input",
            run: "edit 3",
        },
        {
            content: "Assign",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The document is in handling",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In handling')",
        },
        {
            content: "Open the handling tab",
            trigger: ".o_notebook .nav-link:contains('Handling')",
            run: "click",
        },
        {
            content: "The handling slip shows the lead handler",
            trigger: ".o_field_widget[name=lead_user_id]:contains('Tour Specialist')",
        },
    ],
});

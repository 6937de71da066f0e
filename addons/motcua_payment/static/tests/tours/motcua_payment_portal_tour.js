import { registry } from "@web/core/registry";

// A citizen opens their dossier on the portal and pays its fees with the demo provider.
registry.category("web_tour.tours").add("motcua_payment_portal_tour", {
    steps: () => [
        {
            content: "The fees are due: pay online",
            trigger: "a.o_motcua_pay",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The payment form shows the dossier's amount",
            trigger: ".o_motcua_pay h3:contains(Pay the fees of dossier)",
        },
        {
            content: "Choose the demo payment method",
            trigger: 'input[name="o_payment_radio"][data-payment-method-code="demo"]',
            run: "click",
        },
        {
            content: "Card number of the demo provider",
            trigger: "#customer_input",
            run: "edit 4242",
        },
        {
            content: "Pay",
            trigger: 'button[name="o_payment_submit_button"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Back on the dossier: the fees are paid",
            trigger: ".o_motcua_payment_state:contains(Fees paid)",
            timeout: 20000,
        },
    ],
});

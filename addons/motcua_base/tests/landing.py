import json
import re

from odoo.tests import HttpCase


class LandingCase(HttpCase):
    """Log in as a demo user in Chromium, open /odoo as after the login form, and check the
    action the web client shows first: the role's work, with its Vietnamese title, not Discuss."""

    def assertLandsOn(self, login, action_xmlid, title):
        action = self.env.ref(action_xmlid)
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertEqual((user.lang, user.tz), ("vi_VN", "Asia/Ho_Chi_Minh"), f"{login} works in Vietnamese")
        code = """
            const expected = %(expected)s;
            let tries = 0;
            const check = () => {
                const controller = odoo.__WOWL_DEBUG__?.root?.env?.services?.action?.currentController;
                const crumb = document.querySelector(".o_breadcrumb .active, .o_breadcrumb .o_last_breadcrumb_item");
                const shown = controller && {id: controller.action.id, title: crumb ? crumb.textContent.trim() : ""};
                // a graph is drawn once its chart library is loaded: wait for the canvas
                const graph = document.querySelector(".o_graph_view");
                const drawn = document.querySelector(".o_action_manager .o_view_controller .o_content")
                    && (!graph || graph.querySelector("canvas"));
                if (shown && shown.id === expected.id && shown.title === expected.title && drawn) {
                    console.log("test successful");
                } else if (++tries > 400) {
                    console.error("landed on " + JSON.stringify(shown) + ", expected " + JSON.stringify(expected));
                } else {
                    setTimeout(check, 100);
                }
            };
            check();
        """ % {"expected": json.dumps({"id": action.id, "title": title})}
        self.browser_js("/odoo", code, login=login)

    def assertGuideServed(self, action_xmlid, heading):
        """The Help menu's guide opens: a Vietnamese page with its screenshots."""
        action = self.env.ref(action_xmlid)
        self.assertEqual(action.type, "ir.actions.act_url")
        page = self.url_open(action.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"<h1>{heading}</h1>", page.text)
        images = re.findall(r'<img src="([^"]+)"', page.text)
        self.assertTrue(images, "the guide shows the screenshots")
        base = action.url.rsplit("/", 1)[0]
        for image in images:
            answer = self.url_open(f"{base}/{image}")
            self.assertEqual((answer.status_code, answer.headers.get("Content-Type")), (200, "image/png"), image)

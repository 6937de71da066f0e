from odoo.addons.motcua_base.tests.common import ADMINISTRATOR, LEADER, MotcuaCommon

UNIT_EDITOR = "motcua_portal.group_unit_web_editor"
PROVINCE_EDITOR = "motcua_portal.group_province_web_editor"


class PortalCommon(MotcuaCommon):
    """MotCua's test ground with sites for commune A and commune B, and their web editors."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.province | cls.commune_a | cls.commune_b).with_user(cls.admin_user).action_motcua_create_site()
        cls.blog_a = cls.commune_a.motcua_blog_id
        cls.blog_b = cls.commune_b.motcua_blog_id
        user = cls._user
        cls.editor_a = user("editor_a", UNIT_EDITOR, cls.commune_a, name="Editor A")
        cls.editor_b = user("editor_b", UNIT_EDITOR, cls.commune_b, name="Editor B")
        cls.leader_editor_a = user("leader_editor_a", f"{LEADER},{UNIT_EDITOR}", cls.commune_a, name="Leader-editor A")
        cls.province_editor = user("province_editor", PROVINCE_EDITOR, cls.province, name="Province editor")
        cls.site_admin = cls.admin_user
        assert cls.site_admin.has_group(ADMINISTRATOR)

    @classmethod
    def _post(cls, user, blog, name="Thông báo lịch tiếp công dân", **vals):
        return (
            cls.env["blog.post"]
            .with_user(user)
            .create({"blog_id": blog.id, "name": name, "content": "<p>Nội dung thông báo.</p>", **vals})
        )

    @classmethod
    def _published_post(cls, user, blog, approver, name="Tin đã đăng", **vals):
        post = cls._post(user, blog, name=name, **vals)
        post.with_user(user).action_motcua_submit()
        post.with_user(approver).action_motcua_approve()
        return post

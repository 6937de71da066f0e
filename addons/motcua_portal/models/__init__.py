from . import blog_blog, blog_post, motcua_portal_contact, motcua_public_figures, motcua_unit

from . import blog_blog, blog_post, motcua_dossier_statistics, motcua_portal_contact, motcua_unit

{
    "name": "MotCua benchmark probes",
    "summary": "Trivial public routes used as same-server baselines by make bench (never install in production)",
    "version": "19.0.1.0.0",
    "category": "Hidden",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["website"],
    "data": ["views/templates.xml"],
    "installable": True,
}

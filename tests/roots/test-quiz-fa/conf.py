project = "آزمون"
extensions = ["myst_parser", "quizgen"]
html_theme = "basic"
language = "fa"


def _right_to_left(app, pagename, templatename, context, doctree):
    # The basic theme writes lang="{{ language }}"; this adds dir="rtl" to the same tag.
    context["language"] = 'fa" dir="rtl'


def setup(app):
    app.connect("html-page-context", _right_to_left)


templates_path = ["_templates"]
show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said

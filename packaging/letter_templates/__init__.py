"""The bundled letter templates, built by ``packaging/build_templates.py`` (python-docx).

``docx_parts`` holds low-level helpers, ``layout`` the parts the letters share, and each letter
has its module with its texts in both languages.
"""

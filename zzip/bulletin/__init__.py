"""The 督导通报 (`zzip bulletin`): a report leaders read, as one HTML file or a PDF.

model.py computes what it says from the check's report and context; charts.py draws the
indicator charts (matplotlib, SVG with text kept as text); html.py renders the Jinja2
templates in templates/; pdf.py prints the HTML with headless Chromium. matplotlib and Jinja2
are imported only here, so the other commands start as fast as before.
"""

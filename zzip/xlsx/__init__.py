"""Status reports as spreadsheets (.xlsx): the workbook layout, its reader and its writer.

Importing this package imports no spreadsheet library: `layout` is plain names, and `reader`
(python-calamine) and `writer` (openpyxl) are imported only by the code paths that need them.
"""
